package fr.pilotectg.importation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into a {@link DocumentExtrait}. Text and Markdown for now: Markdown headings keep their
 * level, {@code | a | b |} rows become tab-separated table rows (separator rows dropped), list markers and
 * emphasis are removed.
 */
@Component
public class Extraction {

    private static final Pattern TITRE = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern LISTE = Pattern.compile("^(\\s*)(?:[-*•▪]|\\d+[.)])\\s+(.*)$");
    private static final Pattern SEPARATEUR_DE_TABLEAU = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");

    public DocumentExtrait extraire(String nomFichier, byte[] contenu) {
        String nom = nomFichier == null ? "" : nomFichier.toLowerCase(Locale.ROOT);
        DocumentExtrait.FormatSource format = nom.endsWith(".md") ? DocumentExtrait.FormatSource.MARKDOWN : DocumentExtrait.FormatSource.TEXTE;
        return new DocumentExtrait(nomFichier, format, lignesDeTexte(new String(contenu, StandardCharsets.UTF_8)));
    }

    static List<Ligne> lignesDeTexte(String texte) {
        List<Ligne> lignes = new ArrayList<>();
        for (String brute : texte.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String l = brute.replace('\u00a0', ' ').stripTrailing();
            if (SEPARATEUR_DE_TABLEAU.matcher(l.strip()).matches() && l.contains("-")) {
                continue;
            }
            lignes.add(ligne(lignes.size() + 1, l));
        }
        return lignes;
    }

    private static Ligne ligne(int numero, String l) {
        String s = l.strip();
        if (s.isEmpty()) {
            return new Ligne(numero, "", Ligne.Genre.VIDE, 0);
        }
        Matcher titre = TITRE.matcher(s);
        if (titre.matches()) {
            return new Ligne(numero, sansEmphase(titre.group(2)), Ligne.Genre.TITRE, titre.group(1).length());
        }
        if (s.startsWith("|") && s.endsWith("|") && s.length() > 1) {
            String[] cellules = s.substring(1, s.length() - 1).split("\\|", -1);
            List<String> propres = new ArrayList<>();
            for (String c : cellules) {
                propres.add(sansEmphase(c.strip()));
            }
            return new Ligne(numero, String.join("\t", propres), Ligne.Genre.TABLEAU, 0);
        }
        if (l.contains("\t")) {
            return new Ligne(numero, l.strip(), Ligne.Genre.TABLEAU, 0);
        }
        String sansCitation = s.replaceFirst("^(>\\s*)+", "").replaceFirst("^-\\s*>\\s*", "- ");
        Matcher liste = LISTE.matcher(sansCitation);
        if (liste.matches()) {
            int profondeur = 1 + l.indexOf(l.strip()) / 2;
            return new Ligne(numero, sansEmphase(liste.group(2)), Ligne.Genre.LISTE, Math.min(profondeur, 6));
        }
        return new Ligne(numero, sansEmphase(sansCitation), Ligne.Genre.PARAGRAPHE, 0);
    }

    private static String sansEmphase(String s) {
        return s.replaceAll("\\*\\*|__", "").strip();
    }
}
