package fr.pilotectg.importation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.shared.ErreurValidation;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into a {@link DocumentExtrait} (ADR 0031). The format is recognised from the bytes, not from
 * the name: a ZIP holding a Word document is a DOCX (read with Apache POI, {@link ExtractionDocx}), one holding an
 * OpenDocument text an ODT ({@link ExtractionOdt}), {@code %PDF} a PDF (PDFBox, {@link ExtractionPdf}), readable text
 * a text or Markdown file (by its name). Markdown headings keep their level, {@code | a | b |} rows become
 * tab-separated table rows (separator rows dropped), list markers and emphasis are removed. Every format then goes
 * through {@link Nettoyage}. Whatever cannot be read (an image renamed, a ZIP bomb, a scanned PDF, a file too long or
 * empty) is refused with a French message on the field {@code fichier}, before anything is written.
 */
@Component
public class Extraction {

    private static final Pattern TITRE = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern LISTE = Pattern.compile("^(\\s*)(?:[-*•▪]|\\d+[.)])\\s+(.*)$");
    private static final Pattern SEPARATEUR_DE_TABLEAU = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");
    private static final Pattern VOCABULAIRE_DE_CONVENTION = Pattern.compile(
            "(?i)convention|\\bctg\\b|\\bcaf\\b|allocations familiales|plan d.actions?|fiche.action|feuille de route");
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private final Tika tika = new Tika();

    public DocumentExtrait extraire(String nomFichier, byte[] contenu) {
        String nom = nomFichier == null ? "" : nomFichier.toLowerCase(Locale.ROOT);
        if (contenu == null || contenu.length == 0) {
            throw ImportRefuse.parce("Le fichier est vide.");
        }
        try {
            DocumentExtrait document = lire(nomFichier, nom, contenu);
            verifierLimites(document);
            return document;
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw ImportRefuse.parce("Ce fichier est trop complexe pour être lu : il n'est pas accepté.");
        }
    }

    private DocumentExtrait lire(String nomFichier, String nom, byte[] contenu) {
        if (ArchiveBornee.estUnZip(contenu)) {
            Map<String, byte[]> archive = ArchiveBornee.lire(contenu);
            byte[] mimetype = archive.get("mimetype");
            if (mimetype != null && new String(mimetype, StandardCharsets.US_ASCII).strip().equals(ODT)) {
                return new DocumentExtrait(nomFichier, DocumentExtrait.FormatSource.ODT, Nettoyage.lignes(ExtractionOdt.lire(archive)));
            }
            byte[] types = archive.get("[Content_Types].xml");
            if (types != null && new String(types, StandardCharsets.UTF_8).contains("wordprocessingml.document.main+xml")) {
                return new DocumentExtrait(nomFichier, DocumentExtrait.FormatSource.DOCX, Nettoyage.lignes(ExtractionDocx.lire(contenu)));
            }
            throw ImportRefuse.parce("Ce fichier est une archive ZIP mais pas un document DOCX ni ODT. Pour importer plusieurs "
                    + "documents d'un coup, utilisez l'import par lot.");
        }
        if (contenu.length >= 5 && contenu[0] == '%' && contenu[1] == 'P' && contenu[2] == 'D' && contenu[3] == 'F') {
            List<String> lignes = Nettoyage.sansEntetesNiPagination(ExtractionPdf.pages(contenu));
            return new DocumentExtrait(nomFichier, DocumentExtrait.FormatSource.PDF, Nettoyage.lignes(lignesDeTexte(String.join("\n", lignes))));
        }
        if (contenu.length >= 4 && (contenu[0] & 0xff) == 0xD0 && (contenu[1] & 0xff) == 0xCF && (contenu[2] & 0xff) == 0x11) {
            throw ImportRefuse.parce("Ce fichier est au format Word ancien (.doc) : enregistrez-le en DOCX ou en PDF avant import.");
        }
        String texte = texte(contenu);
        DocumentExtrait.FormatSource format = nom.endsWith(".md") || nom.endsWith(".markdown")
                ? DocumentExtrait.FormatSource.MARKDOWN : DocumentExtrait.FormatSource.TEXTE;
        List<List<String>> pages = new ArrayList<>();
        for (String page : texte.replace("\r\n", "\n").replace('\r', '\n').split("\f", -1)) {
            pages.add(new ArrayList<>(List.of(page.split("\n", -1))));
        }
        List<String> lignes = Nettoyage.sansEntetesNiPagination(pages);
        return new DocumentExtrait(nomFichier, format, Nettoyage.lignes(lignesDeTexte(String.join("\n", lignes))));
    }

    /** The bytes as text (UTF-8, else Windows-1252); a French 400 when they are not text (an image, random bytes). */
    private String texte(byte[] contenu) {
        String detecte = tika.detect(contenu);
        if (detecte.startsWith("image/") || detecte.startsWith("audio/") || detecte.startsWith("video/")
                || detecte.contains("executable") || detecte.contains("x-msdownload") || detecte.contains("x-7z")
                || detecte.contains("x-rar") || detecte.contains("gzip")) {
            throw pasUnDocument(detecte);
        }
        if (contenu.length > LimitesDImport.TEXTE_MAX * 2L) {
            throw ImportRefuse.parce("Le texte dépasse " + LimitesDImport.TEXTE_MAX + " caractères : il est trop long pour être importé.");
        }
        String texte;
        try {
            texte = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(contenu)).toString();
        } catch (CharacterCodingException e) {
            texte = new String(contenu, Charset.forName("windows-1252"));
        }
        long controles = texte.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (controles > Math.max(2, texte.length() / 200)) {
            throw pasUnDocument(detecte);
        }
        if (texte.length() > LimitesDImport.TEXTE_MAX) {
            throw ImportRefuse.parce("Le texte dépasse " + LimitesDImport.TEXTE_MAX + " caractères : il est trop long pour être importé.");
        }
        int debut = 0;
        for (int i = 0; i <= texte.length(); i++) {
            if (i == texte.length() || texte.charAt(i) == '\n') {
                if (i - debut > LimitesDImport.LIGNE_MAX) {
                    throw ligneTropLongue();
                }
                debut = i + 1;
            }
        }
        return texte.startsWith("\ufeff") ? texte.substring(1) : texte;
    }

    private static ErreurValidation pasUnDocument(String detecte) {
        return ImportRefuse.parce("Ce fichier n'est pas un document (type reconnu : " + detecte + "). Formats acceptés : "
                + "DOCX, ODT, PDF avec texte, texte ou Markdown.");
    }

    private static ErreurValidation ligneTropLongue() {
        return ImportRefuse.parce("Le document contient une ligne de plus de " + LimitesDImport.LIGNE_MAX
                + " caractères : ce n'est pas le texte d'une convention.");
    }

    private static void verifierLimites(DocumentExtrait document) {
        if (document.lignes().size() > LimitesDImport.LIGNES_MAX) {
            throw ImportRefuse.parce("Le document dépasse " + LimitesDImport.LIGNES_MAX + " lignes : il est trop long pour être importé.");
        }
        long total = 0;
        boolean texte = false;
        for (Ligne l : document.lignes()) {
            if (l.texte().length() > LimitesDImport.LIGNE_MAX) {
                throw ligneTropLongue();
            }
            total += l.texte().length();
            texte |= l.genre() != Ligne.NatureDeLigne.VIDE;
        }
        if (total > LimitesDImport.TEXTE_MAX) {
            throw ImportRefuse.parce("Le texte dépasse " + LimitesDImport.TEXTE_MAX + " caractères : il est trop long pour être importé.");
        }
        if (!texte) {
            throw ImportRefuse.parce(document.format() == DocumentExtrait.FormatSource.PDF ? ExtractionPdf.SANS_TEXTE
                    : "Le document est vide : aucun texte n'y a été trouvé.");
        }
    }

    /** Whether the text speaks of a convention at all (convention, CTG, Caf, plan d'actions…): the first sieve of "no convention". */
    public static boolean parleDUneConvention(DocumentExtrait document) {
        for (Ligne l : document.lignes()) {
            if (VOCABULAIRE_DE_CONVENTION.matcher(l.texte()).find()) {
                return true;
            }
        }
        return false;
    }

    static String cause(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("[\\p{Cntrl}]", " ");
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    static List<Ligne> lignesDeTexte(String texte) {
        List<Ligne> lignes = new ArrayList<>();
        String[] brutes = texte.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int colonnesPrecedentes = 0;
        for (int i = 0; i < brutes.length; i++) {
            String brute = brutes[i];
            boolean rangee = rangeeAuxCellulesVides(brutes, i, colonnesPrecedentes);
            String l = rangee ? brute.replace('\u00a0', ' ').replaceAll(" +$", "") : brute.replace('\u00a0', ' ').stripTrailing();
            colonnesPrecedentes = !l.isBlank() && l.indexOf('\t') >= 0 ? cellules(l) : 0;
            if (SEPARATEUR_DE_TABLEAU.matcher(l.strip()).matches() && l.contains("-")) {
                continue;
            }
            lignes.add(ligne(lignes.size() + 1, l));
        }
        return lignes;
    }

    /**
     * Whether a line of text followed by empty cells only ("action 1 : …" then four tabs) is a row of the table around
     * it: as many cells as the table row just before it, or at least four cells and as many as the row after it. Else
     * its trailing tabs are dropped like spaces ("COMMUNE DE X" then a tab, after a blank line, stays a heading).
     */
    private static boolean rangeeAuxCellulesVides(String[] brutes, int i, int colonnesPrecedentes) {
        String l = brutes[i].stripTrailing();
        int cellules = cellules(brutes[i]);
        if (l.isEmpty() || l.indexOf('\t') >= 0 || cellules < 2) {
            return false;
        }
        if (cellules == colonnesPrecedentes) {
            return true;
        }
        if (cellules < 4) {
            return false;
        }
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < brutes.length && !brutes[j].isBlank() && brutes[j].indexOf('\t') >= 0 && cellules(brutes[j]) == cellules) {
                return true;
            }
        }
        return false;
    }

    private static int cellules(String ligne) {
        return (int) ligne.replaceAll("[ \u00a0]+$", "").chars().filter(c -> c == '\t').count() + 1;
    }

    private static Ligne ligne(int numero, String l) {
        String s = l.strip();
        if (s.isEmpty()) {
            return new Ligne(numero, "", Ligne.NatureDeLigne.VIDE, 0);
        }
        Matcher titre = TITRE.matcher(s);
        if (titre.matches()) {
            return new Ligne(numero, sansEmphase(titre.group(2)), Ligne.NatureDeLigne.TITRE, titre.group(1).length());
        }
        if (s.startsWith("|") && s.endsWith("|") && s.length() > 1) {
            String[] cellules = s.substring(1, s.length() - 1).split("\\|", -1);
            List<String> propres = new ArrayList<>();
            for (String c : cellules) {
                propres.add(sansEmphase(c.strip()));
            }
            return new Ligne(numero, String.join("\t", propres), Ligne.NatureDeLigne.TABLEAU, 0);
        }
        if (l.contains("\t")) {
            // Only spaces are trimmed: leading and trailing tabs are empty cells that keep the columns in place.
            return new Ligne(numero, l.replaceAll("^ +| +$", ""), Ligne.NatureDeLigne.TABLEAU, 0);
        }
        String sansCitation = s.replaceFirst("^(>\\s*)+", "").replaceFirst("^-\\s*>\\s*", "- ");
        Matcher liste = LISTE.matcher(sansCitation);
        if (liste.matches()) {
            int profondeur = 1 + l.indexOf(l.strip()) / 2;
            return new Ligne(numero, sansEmphase(liste.group(2)), Ligne.NatureDeLigne.LISTE, Math.min(profondeur, 6));
        }
        return new Ligne(numero, sansEmphase(sansCitation), Ligne.NatureDeLigne.PARAGRAPHE, 0);
    }

    private static String sansEmphase(String s) {
        return s.replaceAll("\\*\\*|__", "").strip();
    }
}
