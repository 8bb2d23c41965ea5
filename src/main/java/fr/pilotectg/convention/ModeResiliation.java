package fr.pilotectg.convention;

import java.time.LocalDate;

/** The three ways a convention of the national model ends before its term (its article "La fin de la convention"). */
public enum ModeResiliation {
    MISE_EN_DEMEURE("Résiliation de plein droit avec mise en demeure",
            "un mois après la réception de la lettre recommandée valant mise en demeure restée infructueuse"),
    SANS_MISE_EN_DEMEURE("Résiliation de plein droit sans mise en demeure",
            "à la date de la résiliation (modification de la convention sans avenant)"),
    DENONCIATION("Dénonciation avec un préavis de 6 mois", "six mois après la dénonciation");

    private final String libelle;
    private final String regleEffet;

    ModeResiliation(String libelle, String regleEffet) {
        this.libelle = libelle;
        this.regleEffet = regleEffet;
    }

    public String libelle() {
        return libelle;
    }

    /** How the effect date follows from the others, as the page explains it. */
    public String regleEffet() {
        return regleEffet;
    }

    /** The date the commitments stop; the dates it needs are checked by {@link Resiliation#nouvelle}. */
    public LocalDate dateEffet(LocalDate dateResiliation, LocalDate dateReception) {
        return switch (this) {
            case MISE_EN_DEMEURE -> dateReception.plusMonths(1);
            case SANS_MISE_EN_DEMEURE -> dateResiliation;
            case DENONCIATION -> dateResiliation.plusMonths(6);
        };
    }
}
