package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Saisie;

/** Reads numbers and dates typed in page forms, with a French message naming the field when they are not. */
final class Saisies {

    private Saisies() {
    }

    static Integer entier(String champ, String libelle, String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(valeur.strip());
        } catch (NumberFormatException e) {
            throw new ErreurValidation(champ, libelle + " doit être un nombre entier (« " + valeur.strip() + " » n'en est pas un).");
        }
    }

    static BigDecimal decimal(String champ, String libelle, String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(valeur.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ErreurValidation(champ, libelle + " doit être un nombre (« " + valeur.strip() + " » n'en est pas un).");
        }
    }

    static LocalDate date(String champ, String libelle, String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        LocalDate date = Saisie.date(champ, libelle, valeur);
        Saisie.verifierAnnee(champ, libelle, date);
        return date;
    }
}
