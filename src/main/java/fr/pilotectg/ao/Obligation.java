package fr.pilotectg.ao;

import java.util.List;

/**
 * An obligation of an AO: whether it applies given the population, and if so whether the convention
 * shows it is met (with the evidence) or what is missing.
 */
public record Obligation(String code, String libelle, boolean applique, String raison, boolean satisfaite,
                         List<String> preuves, String manque) {

    public Obligation {
        preuves = List.copyOf(preuves);
    }

    static Obligation sansObjet(String code, String libelle, String raison) {
        return new Obligation(code, libelle, false, raison, false, List.of(), null);
    }

    static Obligation evaluee(String code, String libelle, String raison, List<String> preuves, String manque) {
        return new Obligation(code, libelle, true, raison, !preuves.isEmpty(), preuves, preuves.isEmpty() ? manque : null);
    }

    /** Text label of the state, so that colour is never the only signal. */
    public String etat() {
        return !applique ? "Ne s'applique pas" : satisfaite ? "Satisfaite" : "À compléter";
    }
}
