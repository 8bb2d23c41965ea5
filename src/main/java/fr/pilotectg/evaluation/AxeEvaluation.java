package fr.pilotectg.evaluation;

/** What was written for a transversal axe in a year; version 0 while nothing is saved. */
public record AxeEvaluation(AxeTransversal axe, String ouvertures, String fermetures, String faitsMarquants,
                            String resultats, String perspectives, String impacts, boolean exemple, int version) {

    static AxeEvaluation vide(AxeTransversal axe) {
        return new AxeEvaluation(axe, null, null, null, null, null, null, false, 0);
    }

    public boolean estVide() {
        return version == 0;
    }
}
