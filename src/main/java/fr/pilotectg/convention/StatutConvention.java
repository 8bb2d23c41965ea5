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
            case SIGNEE -> EnumSet.of(EN_VIGUEUR, RESILIEE);
            case EN_VIGUEUR -> EnumSet.of(BILAN_INTERMEDIAIRE, RESILIEE);
            case BILAN_INTERMEDIAIRE -> EnumSet.of(BILAN_FINAL, RESILIEE);
            case BILAN_FINAL -> EnumSet.of(ECHUE, RENOUVELEE, RESILIEE);
            case ECHUE, RENOUVELEE, RESILIEE -> EnumSet.noneOf(StatutConvention.class);
        };
    }

    public boolean peutPasserA(StatutConvention vers) {
        return suivantsPermis().contains(vers);
    }

    public boolean estAvantSignature() {
        return ordinal() < SIGNEE.ordinal();
    }
}
