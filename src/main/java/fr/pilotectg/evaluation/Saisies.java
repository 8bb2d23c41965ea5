package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;

/** Reading of typed values: each error names its field, in French; errors are collected, nothing is written. */
final class Saisies {

    private Saisies() {
    }

    /** A text trimmed, null when blank; refused beyond {@link Limites#TEXTE} characters or with a control character. */
    static String texte(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String texte = saisie.strip();
        String probleme = Saisie.probleme(texte, Limites.TEXTE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + probleme));
        }
        return texte;
    }

    /** A date written AAAA-MM-JJ (forms, API) or JJ/MM/AAAA, within the accepted years; null when blank. */
    static LocalDate date(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        try {
            LocalDate date = Saisie.date(champ, libelle, saisie);
            Saisie.verifierAnnee(champ, libelle, date);
            return date;
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
            return null;
        }
    }

    static void signaler(List<ErreurValidation.Erreur> erreurs) {
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }
}
