package fr.pilotectg.ao;

import java.util.List;

/**
 * A collectivité that exercises at least one competence: the EPCI for the communes that transferred them,
 * or a commune on its own. The population is the one the thresholds apply to.
 */
public record AutoriteOrganisatrice(String code, String nom, TypeCollectivite type, Integer population,
                                    String sourcePopulation, List<String> competences, List<String> communes,
                                    List<Obligation> obligations) {

    public AutoriteOrganisatrice {
        competences = List.copyOf(competences);
        communes = List.copyOf(communes);
        obligations = List.copyOf(obligations);
    }

    public List<String> libellesCompetences() {
        return competences.stream().map(Competences::libelle).toList();
    }
}
