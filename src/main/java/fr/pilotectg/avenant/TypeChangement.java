package fr.pilotectg.avenant;

/** What one change of an avenant does (ADR 0025). */
public enum TypeChangement {
    /** New end of the period ({@code dateFin}). */
    PERIODE,
    /** A fiche added under {@code noeudId} ({@code titre}, optional {@code champs}). */
    FICHE_AJOUTEE,
    /** A fiche ({@code ficheId} or {@code reference}) retitled ({@code titre}) and/or with text fields changed ({@code champs}). */
    FICHE_MODIFIEE,
    /** A fiche ({@code ficheId} or {@code reference}) removed from the plan. */
    FICHE_SUPPRIMEE,
    /** Section {@code section} (1-based position in the text) rewritten: {@code titre} and/or {@code texte}. */
    SECTION_MODIFIEE,
    /** A new section ({@code titre}, {@code texte}, {@code nature}) inserted at position {@code section} (1-based; at the end if absent). */
    SECTION_AJOUTEE,
    /** An organisation of the referential ({@code organisationId}) made a party, with its {@code role} (signataire if absent). */
    PARTIE_AJOUTEE,
    /** A party ({@code organisationId}) removed, with its representatives; the Caf stays. */
    PARTIE_RETIREE,
    /**
     * A row added to the services annex: {@code champs} {@code type} (a {@code TypeService} name, required),
     * {@code nom}, {@code gestionnaire}, {@code commune}, {@code capacite}.
     */
    SERVICE_AJOUTE,
    /** A row ({@code serviceId}) removed from the services annex. */
    SERVICE_RETIRE,
    /**
     * A row ({@code serviceId}) of the services annex changed: only the {@code champs} given among {@code type},
     * {@code nom}, {@code gestionnaire}, {@code commune}, {@code capacite} (blank clears an optional one).
     */
    SERVICE_MODIFIE,
    /**
     * A representative added to a party in force ({@code organisationId}): {@code champs} {@code civilite}, {@code prenom},
     * {@code nom} and {@code fonction} (the last two required).
     */
    REPRESENTANT_AJOUTE,
    /**
     * A representative ({@code mandatId}) of a party ({@code organisationId}) changed: the {@code champs} given among
     * {@code civilite}, {@code prenom}, {@code nom}, {@code fonction}; the party keeps a representative with the new ones.
     */
    REPRESENTANT_MODIFIE,
    /** A representative ({@code mandatId}) of a party ({@code organisationId}) removed; the party stays. */
    REPRESENTANT_RETIRE,
    /**
     * A planned financing line added to a fiche ({@code ficheId} or {@code reference}): {@code champs} {@code annee} (of
     * the period), {@code financeur} (a {@code Financeur} name), {@code nom} (for a collectivité or another funder),
     * {@code prevu} (euros).
     */
    FINANCEMENT_AJOUTE,
    /** The planned amount ({@code prevu}) of a fiche's line ({@code annee}, {@code financeur}, {@code nom}) changed. */
    FINANCEMENT_MODIFIE,
    /** A fiche's line ({@code annee}, {@code financeur}, {@code nom}) removed. */
    FINANCEMENT_RETIRE,
    /**
     * A line added to the projection table of an AO: {@code champs} {@code ao} (SIREN or INSEE code, or name), {@code mode}
     * (a {@code ModeAccueil} name), {@code ligne} (its label; the mode's by default), {@code actuel} and
     * {@code annee<year>} (figures, optional).
     */
    AO_LIGNE_AJOUTEE,
    /** Figures ({@code actuel}, {@code annee<year>}; blank clears one) of an AO's line ({@code ao}, {@code ligne}) changed. */
    AO_LIGNE_MODIFIEE,
    /** An AO's line ({@code ao}, {@code ligne}) removed from its projection table. */
    AO_LIGNE_RETIREE
}
