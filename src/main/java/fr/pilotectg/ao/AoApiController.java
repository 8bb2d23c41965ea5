package fr.pilotectg.ao;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conventions/{id}/ao")
@Tag(name = "Autorité organisatrice petite enfance")
class AoApiController {

    private final AoService ao;

    AoApiController(AoService ao) {
        this.ao = ao;
    }

    record AoJson(MatriceJson matrice, List<RegleJson> regles, ProjectionJson projection) {
    }

    record MatriceJson(int version, List<CollectiviteJson> collectivites) {
    }

    record CollectiviteJson(String code, String nom, TypeCollectivite type, Integer population, List<CompetenceJson> competences) {
    }

    /**
     * @param modeImprime the mode as the document words it
     * @param populationImprimee the population of the transferring communes as printed (the list may be absent)
     * @param populationCommunesTransferantes the population computed from the communes listed (referential)
     * @param ecartPopulation printed minus computed, when both are known and differ
     */
    record CompetenceJson(String code, String libelle, ModeExercice mode, String libelleMode, String modeImprime,
                          List<CommuneTransferante> communes, Integer populationImprimee, Integer populationCommunesTransferantes,
                          Integer ecartPopulation) {
    }

    record RegleJson(String code, String nom, TypeCollectivite type, Integer population, String sourcePopulation,
                     Integer populationDiagnostic, List<String> competences, List<ObligationJson> obligations) {
    }

    record ObligationJson(String code, String libelle, boolean applique, String raison, Boolean satisfaite, List<String> preuves,
                          String manque) {
    }

    record ProjectionJson(int version, List<Integer> annees, List<ProjectionAo> tableaux) {
    }

    record SaisieProjection(Integer version, List<LigneProjection> lignes) {
    }

    @GetMapping
    @Operation(summary = "Matrice des compétences, obligations de chaque autorité organisatrice (s'applique / satisfaite / preuves) et tableau de projection")
    AoJson lire(@PathVariable long id) {
        return json(ao.vue(id));
    }

    @PutMapping("/matrice")
    @Operation(summary = "Renseigner les quatre compétences d'une collectivité (l'EPCI ou une commune), avec la version de la matrice")
    AoJson definirCollectivite(@PathVariable long id, @RequestBody SaisieCollectivite saisie) {
        ao.definirCollectivite(id, saisie);
        return json(ao.vue(id));
    }

    @PutMapping("/projection/{aoCode}")
    @Operation(summary = "Remplacer le tableau de projection d'une autorité organisatrice (SIREN de l'EPCI ou code INSEE de la commune)")
    AoJson remplacerProjection(@PathVariable long id, @PathVariable String aoCode, @RequestBody SaisieProjection saisie) {
        ao.remplacerProjection(id, saisie.version(), aoCode, saisie.lignes());
        return json(ao.vue(id));
    }

    private static AoJson json(VueAo vue) {
        return new AoJson(
                new MatriceJson(vue.matrice().version(), vue.matrice().lignes().stream().map(l -> new CollectiviteJson(l.code(), l.nom(),
                        l.type(), l.population(), l.cellules().stream().map(c -> new CompetenceJson(c.competence(), c.libelleCompetence(),
                        c.mode(), c.mode().libelle(), c.modeImprime(), c.communes(), c.populationImprimee(), c.populationTransferante(),
                        c.ecartPopulation())).toList())).toList()),
                vue.autorites().stream().map(a -> new RegleJson(a.code(), a.nom(), a.type(), a.population(), a.sourcePopulation(),
                        a.populationDiagnostic(), a.competences(), a.obligations().stream().map(o -> new ObligationJson(o.code(), o.libelle(), o.applique(),
                        o.raison(), o.applique() ? o.satisfaite() : null, o.preuves(), o.manque())).toList())).toList(),
                new ProjectionJson(vue.versionProjection(), vue.annees(), vue.projections()));
    }
}
