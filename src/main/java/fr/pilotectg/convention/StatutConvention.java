package fr.pilotectg.convention;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a convention (DOMAIN §3). Preparation phases may step back; signed phases only go on. */
public enum StatutConvention {
    PREPARATION("En préparation"),
    DIAGNOSTIC("Diagnostic"),
    PLAN_ACTIONS("Plan d'actions"),
    DELIBERATIONS("Délibérations"),
    SIGNEE("Signée"),
    EN_VIGUEUR("En vigueur"),
    BILAN_INTERMEDIAIRE("Bilan intermédiaire"),
    BILAN_FINAL("Bilan final"),
    ECHUE("Échue"),
    RENOUVELEE("Renouvelée"),
    RESILIEE("Résiliée");

    private final String libelle;

    StatutConvention(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public Set<StatutConvention> suivantsPermis() {
        return switch (this) {
            case PREPARATION -> EnumSet.of(DIAGNOSTIC);
            case DIAGNOSTIC -> EnumSet.of(PREPARATION, PLAN_ACTIONS);
            case PLAN_ACTIONS -> EnumSet.of(DIAGNOSTIC, DELIBERATIONS);
            case DELIBERATIONS -> EnumSet.of(PLAN_ACTIONS, SIGNEE);
            // Résiliation is not a plain status change: it has a mode, dates and an effect date (ResiliationService).
            case SIGNEE -> EnumSet.of(EN_VIGUEUR);
            case EN_VIGUEUR -> EnumSet.of(BILAN_INTERMEDIAIRE);
            case BILAN_INTERMEDIAIRE -> EnumSet.of(BILAN_FINAL);
            case BILAN_FINAL -> EnumSet.of(ECHUE, RENOUVELEE);
            case ECHUE, RENOUVELEE, RESILIEE -> EnumSet.noneOf(StatutConvention.class);
        };
    }

    public boolean peutPasserA(StatutConvention vers) {
        return suivantsPermis().contains(vers);
    }

    /** Signed and not ended: the statuses a résiliation or the expiry can end. */
    public boolean estEnCours() {
        return this == SIGNEE || this == EN_VIGUEUR || this == BILAN_INTERMEDIAIRE || this == BILAN_FINAL;
    }

    public boolean estAvantSignature() {
        return ordinal() < SIGNEE.ordinal();
    }
}
