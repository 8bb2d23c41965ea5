package fr.pilotectg.diagnostic;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.Textes;

/**
 * A CSV file of indicator values as spreadsheets export it: ";" separator, UTF-8 with or without BOM, a header
 * line naming the columns (any order, accents and case ignored), fields optionally between double quotes.
 * Columns: indicateur, territoire, valeur (required), periode, source, unite, note (optional).
 */
record FichierCsv(List<String> colonnes, List<Ligne> lignes, int nombreDeLignes) {

    static final List<String> OBLIGATOIRES = List.of("indicateur", "territoire", "valeur");
    static final List<String> CONNUES = List.of("indicateur", "territoire", "periode", "valeur", "source", "unite", "note");

    /** A data line: its number in the file (the header is line 1) and its fields by column name. */
    record Ligne(int numero, Map<String, String> champs) {

        String champ(String colonne) {
            String valeur = champs.get(colonne);
            return valeur == null ? "" : valeur.strip();
        }
    }

    static String texte(byte[] contenu) {
        try {
            String texte = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(contenu)).toString();
            return texte.startsWith("\uFEFF") ? texte.substring(1) : texte;
        } catch (CharacterCodingException e) {
            throw new ErreurValidation("fichier", "Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » "
                    + "(séparateur point-virgule) depuis votre tableur.");
        }
    }

    /** Reads the header and splits the lines; a line with a wrong number of fields is an error naming it. */
    static FichierCsv lire(String texte, List<ErreurValidation.Erreur> erreurs) {
        String[] lignesBrutes = texte.split("\r?\n|\r", -1);
        int premiere = 0;
        while (premiere < lignesBrutes.length && lignesBrutes[premiere].isBlank()) {
            premiere++;
        }
        if (premiere == lignesBrutes.length) {
            throw new ErreurValidation("fichier", "Le fichier est vide : il faut une ligne d'en-tête (indicateur;territoire;periode;valeur;source) puis une ligne par valeur.");
        }
        List<String> colonnes = decouper(lignesBrutes[premiere]).stream().map(c -> Textes.plier(c).replace(' ', '_')).toList();
        List<ErreurValidation.Erreur> enTete = new ArrayList<>();
        for (String obligatoire : OBLIGATOIRES) {
            if (!colonnes.contains(obligatoire)) {
                enTete.add(new ErreurValidation.Erreur("ligne " + (premiere + 1) + ", en-tête",
                        "ligne " + (premiere + 1) + " (en-tête) : la colonne « " + obligatoire + " » manque. En-tête attendu : "
                                + "indicateur;territoire;periode;valeur;source (unite et note facultatives)."));
            }
        }
        for (String colonne : colonnes) {
            if (!CONNUES.contains(colonne)) {
                enTete.add(new ErreurValidation.Erreur("ligne " + (premiere + 1) + ", colonne " + colonne,
                        "ligne " + (premiere + 1) + " (en-tête) : colonne « " + colonne + " » inconnue. Colonnes possibles : "
                                + String.join(", ", CONNUES) + "."));
            }
        }
        if (!enTete.isEmpty()) {
            throw new ErreurValidation(enTete);
        }
        List<Ligne> lignes = new ArrayList<>();
        int nombre = 0;
        for (int i = premiere + 1; i < lignesBrutes.length; i++) {
            if (lignesBrutes[i].isBlank()) {
                continue;
            }
            nombre++;
            List<String> champs = decouper(lignesBrutes[i]);
            int numero = i + 1;
            if (champs.size() != colonnes.size()) {
                erreurs.add(new ErreurValidation.Erreur(localisation(numero, null), localisation(numero, null) + " : " + champs.size()
                        + " champ" + (champs.size() > 1 ? "s" : "") + " au lieu de " + colonnes.size() + " (séparateur attendu : point-virgule « ; »)."));
                continue;
            }
            Map<String, String> parColonne = new java.util.HashMap<>();
            for (int c = 0; c < colonnes.size(); c++) {
                String probleme = Saisie.probleme(champs.get(c), Limites.longueurMax(colonnes.get(c)));
                if (probleme != null) {
                    erreurs.add(new ErreurValidation.Erreur(localisation(numero, colonnes.get(c)),
                            localisation(numero, colonnes.get(c)) + " : " + probleme));
                }
                parColonne.put(colonnes.get(c), champs.get(c));
            }
            lignes.add(new Ligne(numero, parColonne));
        }
        if (nombre == 0) {
            throw new ErreurValidation("fichier", "Le fichier ne contient que l'en-tête : aucune valeur à importer.");
        }
        return new FichierCsv(colonnes, lignes, nombre);
    }

    /** "ligne 1 234, colonne valeur", or "ligne 12" without a column. */
    static String localisation(int numero, String colonne) {
        return "ligne " + FormatFr.nombre(numero) + (colonne == null ? "" : ", colonne " + colonne);
    }

    /** Splits on ";" outside double quotes; "" inside quotes is one quote. */
    static List<String> decouper(String ligne) {
        List<String> champs = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        boolean entreGuillemets = false;
        for (int i = 0; i < ligne.length(); i++) {
            char c = ligne.charAt(i);
            if (entreGuillemets) {
                if (c == '"' && i + 1 < ligne.length() && ligne.charAt(i + 1) == '"') {
                    champ.append('"');
                    i++;
                } else if (c == '"') {
                    entreGuillemets = false;
                } else {
                    champ.append(c);
                }
            } else if (c == '"') {
                entreGuillemets = true;
            } else if (c == ';') {
                champs.add(champ.toString());
                champ.setLength(0);
            } else {
                champ.append(c);
            }
        }
        champs.add(champ.toString());
        return champs;
    }
}
