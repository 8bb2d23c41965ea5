package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;

/** Reading of typed values: each error names its field, in French; errors are collected, nothing is written. */
final class Saisies {

    private static final int LONGUEUR_MAX = 10_000;
    private static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Saisies() {
    }

    /** A text trimmed, null when blank; refused beyond 10 000 characters. */
    static String texte(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String texte = saisie.strip();
        if (texte.length() > LONGUEUR_MAX) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + texte.length() + " caractères, au plus "
                    + LONGUEUR_MAX + " sont acceptés."));
        }
        return texte;
    }

    /** A date written AAAA-MM-JJ (forms, API) or JJ/MM/AAAA; null when blank. */
    static LocalDate date(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String texte = saisie.trim();
        try {
            return texte.contains("/") ? LocalDate.parse(texte, JJ_MM_AAAA) : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + texte
                    + " » n'est pas une date (format attendu AAAA-MM-JJ ou JJ/MM/AAAA)."));
            return null;
        }
    }

    static void signaler(List<ErreurValidation.Erreur> erreurs) {
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }
}
