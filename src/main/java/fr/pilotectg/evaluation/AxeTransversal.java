package fr.pilotectg.evaluation;

import java.util.Arrays;

import fr.pilotectg.shared.Introuvable;

/** The transversal axes of the annual evaluation, in the order of the annex. */
public enum AxeTransversal {
    ETAT_DES_LIEUX_OFFRE("État des lieux de l'offre"),
    PARTENARIAT("Qualité du partenariat"),
    COMMUNICATION("Communication"),
    GOUVERNANCE("Gouvernance (COTECH/COPIL)"),
    COORDINATION("Coordination");

    private final String libelle;

    AxeTransversal(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** Only the state of the services has openings, closures and highlights. */
    public boolean aUnEtatDesLieux() {
        return this == ETAT_DES_LIEUX_OFFRE;
    }

    static AxeTransversal lire(String code) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new Introuvable("Axe transversal « " + code + " » inconnu."));
    }
}
