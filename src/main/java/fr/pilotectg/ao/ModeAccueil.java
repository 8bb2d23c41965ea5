package fr.pilotectg.ao;

/** Rows of the schéma projection table (DOMAIN §4.11). */
public enum ModeAccueil {
    EAJE_PSU("EAJE PSU", "places"),
    MICRO_CRECHE_PAJE("Micro-crèche PAJE", "places"),
    MAM("MAM", "MAM"),
    ASSISTANTS_MATERNELS("Assistants maternels (hors MAM)", "assistants maternels"),
    RPE("RPE", "ETP"),
    DISPOSITIFS_PASSERELLES("Dispositifs passerelles", "dispositifs"),
    AUTRE("Autre", "");

    private final String libelle;
    private final String unite;

    ModeAccueil(String libelle, String unite) {
        this.libelle = libelle;
        this.unite = unite;
    }

    public String libelle() {
        return libelle;
    }

    /** What the figures count: places for crèches, ETP for relais… */
    public String unite() {
        return unite;
    }
}
