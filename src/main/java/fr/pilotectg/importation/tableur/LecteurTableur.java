package fr.pilotectg.importation.tableur;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;

/**
 * Reads one sheet of an uploaded XLSX (recognised by its content, not its name) or CSV (UTF-8 with or without BOM,
 * else Windows-1252 as French Excel saves it; ";" or "," between fields, RFC 4180 quotes). Anything else, a damaged
 * or truncated workbook, too many rows or too long a cell: a French 400 on the field {@code fichier}.
 */
final class LecteurTableur {

    static final int LIGNES_MAX = 20_000;
    static final int COLONNES_MAX = 200;
    static final int CELLULE_MAX = 32_767;

    private LecteurTableur() {
    }

    /** The sheet named {@code feuilleVoulue} of an XLSX (else its first sheet), or the only table of a CSV. */
    static FeuilleLue lire(byte[] contenu, String feuilleVoulue) {
        if (contenu == null || contenu.length == 0) {
            throw refus("Le fichier est vide : joignez le tableau exporté (XLSX ou CSV) après l'avoir rempli.");
        }
        if (contenu.length >= 4 && contenu[0] == 'P' && contenu[1] == 'K' && contenu[2] == 3 && contenu[3] == 4) {
            return xlsx(contenu, feuilleVoulue);
        }
        for (int i = 0; i < Math.min(contenu.length, 8192); i++) {
            if (contenu[i] == 0) {
                throw refus("Ce fichier n'est ni un classeur XLSX ni un fichier CSV : importez le tableau exporté par "
                        + "Pilote CTG (XLSX ou CSV).");
            }
        }
        return csv(texte(contenu));
    }

    static ErreurValidation refus(String message) {
        return new ErreurValidation("fichier", message);
    }

    // --- XLSX ---

    private static FeuilleLue xlsx(byte[] contenu, String feuilleVoulue) {
        try {
            return LecteurXlsx.lire(contenu, feuilleVoulue);
        } catch (ErreurValidation e) {
            throw e;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            throw refus("Ce classeur XLSX est illisible (fichier tronqué, endommagé ou protégé) : enregistrez-le à nouveau "
                    + "au format XLSX, ou exportez le tableau en CSV.");
        }
    }

    // --- CSV ---

    private static String texte(byte[] contenu) {
        int debut = contenu.length >= 3 && (contenu[0] & 0xFF) == 0xEF && (contenu[1] & 0xFF) == 0xBB && (contenu[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(contenu, debut, contenu.length - debut)).toString();
        } catch (CharacterCodingException e) {
            return new String(contenu, Charset.forName("windows-1252"));
        }
    }

    private static FeuilleLue csv(String texte) {
        String premiereLigne = texte.lines().findFirst().orElse("");
        char separateur = compter(premiereLigne, ';') >= compter(premiereLigne, ',') ? ';' : ',';
        List<List<String>> enregistrements = new ArrayList<>();
        List<String> courant = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        boolean entreGuillemets = false;
        int i = 0;
        int n = texte.length();
        while (i < n) {
            char c = texte.charAt(i);
            if (entreGuillemets) {
                if (c == '"') {
                    if (i + 1 < n && texte.charAt(i + 1) == '"') {
                        champ.append('"');
                        i++;
                    } else {
                        entreGuillemets = false;
                    }
                } else {
                    champ.append(c);
                }
            } else if (c == '"' && champ.isEmpty()) {
                entreGuillemets = true;
            } else if (c == separateur) {
                ajouterChamp(courant, champ, enregistrements.size() + 1);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && texte.charAt(i + 1) == '\n') {
                    i++;
                }
                ajouterChamp(courant, champ, enregistrements.size() + 1);
                enregistrements.add(courant);
                courant = new ArrayList<>();
                if (enregistrements.size() > LIGNES_MAX + 1) {
                    throw refus("Le fichier CSV a plus de " + LIGNES_MAX + " lignes : découpez-le.");
                }
            } else {
                champ.append(c);
            }
            if (champ.length() > CELLULE_MAX) {
                throw refus("Ligne " + (enregistrements.size() + 1) + ", colonne " + (courant.size() + 1)
                        + " : la cellule dépasse " + CELLULE_MAX + " caractères.");
            }
            i++;
        }
        if (!champ.isEmpty() || !courant.isEmpty()) {
            ajouterChamp(courant, champ, enregistrements.size() + 1);
            enregistrements.add(courant);
        }
        if (enregistrements.isEmpty()) {
            throw refus("Le fichier CSV est vide : sa première ligne doit porter les titres des colonnes.");
        }
        List<FeuilleLue.LigneLue> lignes = new ArrayList<>();
        for (int r = 1; r < enregistrements.size(); r++) {
            List<String> cellules = enregistrements.get(r);
            if (cellules.stream().anyMatch(c -> !c.isBlank())) {
                lignes.add(new FeuilleLue.LigneLue(r + 1, cellules));
            }
        }
        return new FeuilleLue("CSV", enregistrements.get(0), lignes);
    }

    private static void ajouterChamp(List<String> courant, StringBuilder champ, int ligne) {
        if (courant.size() >= COLONNES_MAX) {
            throw refus("Ligne " + ligne + " : plus de " + COLONNES_MAX + " colonnes.");
        }
        courant.add(champ.toString());
        champ.setLength(0);
    }

    private static int compter(String texte, char c) {
        return (int) texte.chars().filter(x -> x == c).count();
    }
}
