package fr.pilotectg.offre;

/** The Caf's catalogue of service types that a convention's annex lists (DOMAIN §4.10). */
public enum TypeService {
    EAJE_PSU("EAJE (PSU)", true),
    MICRO_CRECHE_PAJE("Micro-crèche PAJE", true),
    MAM("Maison d'assistants maternels", true),
    RPE("Relais petite enfance", true),
    LAEP("Lieu d'accueil enfants-parents", true),
    ALSH_PERISCOLAIRE("Accueil de loisirs périscolaire", false),
    ALSH_EXTRASCOLAIRE("Accueil de loisirs extrascolaire", false),
    ALSH_PERI_ET_EXTRASCOLAIRE("Accueil de loisirs péri et extrascolaire", false),
    ACCUEIL_JEUNES("Accueil de jeunes / PS Jeunes", false),
    CLAS("CLAS", false),
    CENTRE_SOCIAL("Centre social", false),
    EVS("Espace de vie sociale", false),
    REFERENT_FAMILLES("Référent familles", false),
    MEDIATION_FAMILIALE("Médiation familiale", false),
    ESPACE_RENCONTRE("Espace rencontre", false),
    AIDE_A_DOMICILE("Aide à domicile (SAAD)", false),
    CHARGE_COOPERATION("Chargé(e) de coopération", false),
    AUTRE("Autre", false);

    private final String libelle;
    private final boolean petiteEnfance;

    TypeService(String libelle, boolean petiteEnfance) {
        this.libelle = libelle;
        this.petiteEnfance = petiteEnfance;
    }

    public String libelle() {
        return libelle;
    }

    /** Early-childhood types, gathered in the extract sent to the CDSF. */
    public boolean petiteEnfance() {
        return petiteEnfance;
    }
}
