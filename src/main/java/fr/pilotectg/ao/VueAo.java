package fr.pilotectg.ao;

import java.util.List;

import fr.pilotectg.convention.Convention;

/** Everything the AO page, its API and the CDSF extract show, read once. */
public record VueAo(Convention convention, List<Collectivite> collectivites, MatriceAo matrice, List<AutoriteOrganisatrice> autorites,
                    int versionProjection, List<Integer> annees, List<ProjectionAo> projections, List<FichePetiteEnfance> fiches,
                    boolean modifiable) {

    public List<String> competences() {
        return Competences.codes();
    }

    public String libelleCompetence(String code) {
        return Competences.libelle(code);
    }
}
