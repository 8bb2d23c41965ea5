package fr.pilotectg.evaluation;

/**
 * A row of the indicators' whole-year entry page: the indicator, the value typed for the year, the version read, the
 * fingerprint of the value the row was opened with, the error if any, and after a conflict the indicator as saved by
 * someone else ({@code actuel}) while the user's text is kept.
 */
public record ValeurSaisie(IndicateurSuivi indicateur, String texte, int version, String empreinte, String erreur,
                           IndicateurSuivi actuel, String message) {

    static ValeurSaisie de(IndicateurSuivi i, int annee) {
        String texte = i.valeur(annee) == null ? null : i.valeur(annee).texte();
        return new ValeurSaisie(i, texte, i.version(), LigneSaisie.empreinte(texte), null, null, null);
    }

    public String cle() {
        return indicateur.ficheId() + "-" + indicateur.cle();
    }

    public boolean enConflit() {
        return actuel != null;
    }
}
