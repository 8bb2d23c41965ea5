package fr.pilotectg.importation;

import java.util.List;

/**
 * What the analysis found in the annexes: supported services per collectivité, the AO matrix and projection
 * tables, governance bodies and their composition, and the totals printed beside them. Shape owned by
 * {@link AnalyseAnnexes}; each element carries its {@link Source} and a confidence (0–1).
 *
 * <p>Codes are those of the features' APIs ({@code offre.TypeService}, {@code ao.ModeExercice},
 * {@code ao.ModeAccueil}, {@code gouvernance.TypeInstance}), kept as strings so that the review can correct them.
 */
public record AnnexesTrouvees(List<ServiceTrouve> services, List<CompetenceAoTrouvee> matriceAo,
                              List<ProjectionTrouvee> projections, List<InstanceTrouvee> instances,
                              List<TotalImprime> totaux, List<Alerte> alertes) implements PartieTrouvee {

    public AnnexesTrouvees {
        services = List.copyOf(services);
        matriceAo = List.copyOf(matriceAo);
        projections = List.copyOf(projections);
        instances = List.copyOf(instances);
        totaux = List.copyOf(totaux);
        alertes = List.copyOf(alertes);
    }

    public AnnexesTrouvees(List<Alerte> alertes) {
        this(List.of(), List.of(), List.of(), List.of(), List.of(), alertes);
    }

    public static AnnexesTrouvees vide() {
        return new AnnexesTrouvees(List.of());
    }

    /**
     * One row of the supported-services annex, for one supporting collectivité (a service supported by two
     * collectivités is two rows, as printed).
     *
     * @param collectivite the supporting collectivité as printed ("COMMUNE D'AUBENAS")
     * @param collectiviteResolue the referential's name it designates (EPCI or commune), null when not resolved
     * @param type a {@code offre.TypeService} code
     * @param typeImprime the type cell as printed (null when the row continues the previous type)
     * @param sousType a finer kind read in the name ("multi-accueil", "micro-crèche", "itinérant"), optional
     * @param horsBonusTerritoire marked (asterisk or column) as not supported by the Bonus territoire CTG
     */
    public record ServiceTrouve(String collectivite, String collectiviteResolue, String type, String typeImprime,
                                String sousType, String nom, String gestionnaire, String adresse, String codePostal,
                                String commune, Integer capacite, boolean horsBonusTerritoire, Source source,
                                double confiance) {
    }

    /**
     * One cell of the AO matrix: how a collectivité holds one of the four competences.
     *
     * @param competence RECENSER_BESOINS, INFORMER_ACCOMPAGNER, PLANIFIER or SOUTENIR_QUALITE
     * @param mode a {@code ao.ModeExercice} code
     * @param populationImprimee the population printed in the cell, if any
     */
    public record CompetenceAoTrouvee(String collectivite, String competence, String mode, String modeImprime,
                                      Integer populationImprimee, Source source, double confiance) {
    }

    /** The projection table of one autorité organisatrice. */
    public record ProjectionTrouvee(String ao, List<LigneProjectionTrouvee> lignes, Source source, double confiance) {
        public ProjectionTrouvee {
            lignes = List.copyOf(lignes);
        }
    }

    /**
     * One row of a projection table.
     *
     * @param mode a {@code ao.ModeAccueil} code
     * @param actuel the current count, null when the printed figure counts something else ("2 RPE" for ETP)
     * @param actuelPrecision the printed text beside the figure ("8 MAM pour 25 AMA")
     */
    public record LigneProjectionTrouvee(String mode, String modeImprime, Integer actuel, String actuelPrecision,
                                         List<ValeurAnnuelle> annees, String besoinsEmploisCompetences,
                                         String autresBesoins, String projetsType, String projetsCoutCalendrier,
                                         String ingenierie, Source source, double confiance) {
        public LigneProjectionTrouvee {
            annees = List.copyOf(annees);
        }
    }

    /** A yearly figure of a projection row, with the text printed beside it. */
    public record ValeurAnnuelle(int annee, Integer valeur, String precision) {
    }

    /**
     * A governance body.
     *
     * @param type a {@code gouvernance.TypeInstance} code (COPIL, COTECH, COMMISSION, PLENIERE…)
     */
    public record InstanceTrouvee(String type, String nom, String frequence, Integer reunionsParAn, List<String> missions,
                                  List<String> thematiques, List<MembreTrouve> membres, Source source, double confiance) {
        public InstanceTrouvee {
            missions = List.copyOf(missions);
            thematiques = List.copyOf(thematiques);
            membres = List.copyOf(membres);
        }
    }

    /**
     * A member of a body: an organisation as printed, optionally a person with a function.
     *
     * @param organisationResolue the referential's name the organisation designates, null when not resolved
     * @param consultatif attends in an advisory capacity (resource persons)
     * @param deduit not printed: what a CTG implies (the Caf co-piloting, the two sides in a body whose composition is
     *               not printed), proposed for the review with an alert {@code DEDUIT} and never scored as read;
     *               absent from a draft stored or corrected without it: false
     */
    public record MembreTrouve(String organisation, String organisationResolue, String personne, String fonction,
                               boolean copresident, boolean secretariat, boolean consultatif, Source source,
                               double confiance, Boolean deduit) {
        public MembreTrouve {
            deduit = Boolean.TRUE.equals(deduit);
        }
    }

    /** A total or count printed in the annexes, and what the analysis counted. */
    public record TotalImprime(String libelle, int imprime, int trouve, Source source) {
    }
}
