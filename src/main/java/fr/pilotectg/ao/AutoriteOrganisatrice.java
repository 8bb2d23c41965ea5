package fr.pilotectg.ao;

import java.util.List;

/**
 * A collectivité that exercises at least one competence: the EPCI for the communes that transferred them,
 * or a commune on its own. The population is the referential's, the one the thresholds apply to;
 * {@code populationDiagnostic} is the figure the convention's own diagnostic prints, shown beside it when known.
 */
public record AutoriteOrganisatrice(String code, String nom, TypeCollectivite type, Integer population,
                                    String sourcePopulation, List<String> competences, List<String> communes,
                                    List<Obligation> obligations, Integer populationDiagnostic) {

    public AutoriteOrganisatrice {
        competences = List.copyOf(competences);
        communes = List.copyOf(communes);
        obligations = List.copyOf(obligations);
    }

    AutoriteOrganisatrice avecPopulationDiagnostic(Integer population) {
        return new AutoriteOrganisatrice(code, nom, type, this.population, sourcePopulation, competences, communes, obligations, population);
    }

    public List<String> libellesCompetences() {
        return competences.stream().map(Competences::libelle).toList();
    }
}
