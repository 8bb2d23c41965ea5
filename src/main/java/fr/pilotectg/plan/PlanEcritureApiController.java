package fr.pilotectg.plan;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.shared.ErreurValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writing the plan through the API (issue 10 item 9): nodes and fiches created, edited, moved, deleted; every write
 * of an existing item carries the version read (409 otherwise). Same rights and error format as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plan d'actions")
class PlanEcritureApiController {

    private final PlanService plans;
    private final ObjectMapper json;
    private final ChampsAjoutes champsAjoutes;
    private final EcritureFiche ecriture;
    private final FinancementsService financements;
    private final EcritureAvecLiens ecritureNoeud;

    PlanEcritureApiController(PlanService plans, ObjectMapper json, ChampsAjoutes champsAjoutes, EcritureFiche ecriture,
                              FinancementsService financements, EcritureAvecLiens ecritureNoeud) {
        this.ecritureNoeud = ecritureNoeud;
        this.plans = plans;
        this.json = json;
        this.champsAjoutes = champsAjoutes;
        this.ecriture = ecriture;
        this.financements = financements;
    }

    /** {@code niveau}: optional rank of the level wanted (0 = top), checked against the parent's level + 1. */
    record NouveauNoeudJson(Long parentId, Integer niveau, String reference, String titre, String texte, List<String> objectifs,
                            String contexte) {
    }

    record NoeudModifJson(String reference, String titre, String texte, List<String> objectifs, String contexte,
                          @Schema(description = "Identifiants d'éléments des référentiels de la convention (absent : liens inchangés)") List<Long> referentielElements,
                          @Schema(description = "Identifiants d'objectifs conjoints de la convention (absent : liens inchangés)") List<Long> objectifsConjoints) {
    }

    record NoeudDetailJson(long id, long conventionId, int version, Long parentId, int rang, String niveau, String reference,
                           String titre, boolean intituleManquant, String texte, List<String> objectifs, String contexte,
                           int position, List<String> chemin, List<Long> referentielElements, List<Long> objectifsConjoints) {
    }

    record DeplacementNoeudJson(Long parentId, Integer position) {
    }

    record DeplacementFicheJson(Long noeudId, Integer position) {
    }

    record NouvelleFicheJson(Long noeudId, String reference, String titre, List<Integer> annees, String echeances, List<String> notes,
                             Map<String, Object> champs,
                             @Schema(description = "Mois de début (AAAA-MM) ; s'il est donné, les années prévues en découlent",
                                     example = "2026-09") String debut,
                             @Schema(description = "Mois de fin (AAAA-MM), pas avant le début", example = "2027-06") String fin,
                             List<PlanApiController.FinancementJson> financements,
                             @Schema(description = "Sous-actions, dans l'ordre (sans id : elles sont créées)") List<PlanApiController.SousActionJson> sousActions,
                             @Schema(description = "Identifiants d'éléments des référentiels de la convention") List<Long> referentielElements,
                             @Schema(description = "Identifiants d'objectifs conjoints de la convention") List<Long> objectifsConjoints) {
    }

    /** Only the members present in the body change; {@code null} empties a member. */
    record FichePatchJson(String reference, String titre, List<Integer> annees, String echeances, List<String> notes,
                          Map<String, Object> champs,
                          @Schema(description = "Mois de début (AAAA-MM)", example = "2026-09") String debut,
                          @Schema(description = "Mois de fin (AAAA-MM)", example = "2027-06") String fin,
                          @Schema(description = "Financements : remplacent tous ceux de la fiche") List<PlanApiController.FinancementJson> financements,
                          @Schema(description = "Sous-actions : remplacent toutes celles de la fiche (une sous-action gardée porte son id, "
                                  + "son suivi la suit)") List<PlanApiController.SousActionJson> sousActions,
                          @Schema(description = "Identifiants d'éléments des référentiels : remplacent ces liens de la fiche") List<Long> referentielElements,
                          @Schema(description = "Identifiants d'objectifs conjoints : remplacent ces liens de la fiche") List<Long> objectifsConjoints) {
    }

    // --- nodes ---

    @PostMapping("/conventions/{id}/plan/noeuds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un élément au plan (sous parentId, ou à la racine) ; son niveau suit celui de son parent",
            description = "niveau (facultatif) : rang du niveau voulu (0 = le plus haut, voir GET …/plan/niveaux) ; il doit valoir celui du parent + 1 (0 à la racine).")
    NoeudDetailJson creerNoeud(@PathVariable long id, @RequestBody NouveauNoeudJson corps) {
        NiveauDeNoeud.verifier(plans, id, corps.parentId(), corps.niveau());
        Noeud noeud = plans.ajouterNoeud(id, corps.parentId(), corps.reference(), corps.titre(), corps.texte(),
                corps.objectifs() == null ? List.of() : corps.objectifs(), null, corps.contexte());
        return noeud(noeud.id());
    }

    @GetMapping("/noeuds/{id}")
    @Operation(summary = "Un élément du plan, avec sa version")
    NoeudDetailJson noeud(@PathVariable long id) {
        ArbrePlan.Branche b = plans.noeudLu(id);
        Noeud n = b.noeud();
        return new NoeudDetailJson(n.id(), n.conventionId(), n.version(), n.parentId(), n.rang(), b.niveau().nom(), n.reference(),
                n.intituleManquant() ? null : n.titre(), n.intituleManquant(), n.texte(), n.objectifs(), n.contexte(), n.ordre(),
                plans.arbre(n.conventionId(), FiltreFiches.AUCUN).chemin(n.id()), ecritureNoeud.liens(n.id()).referentielElements(),
                ecritureNoeud.liens(n.id()).objectifsConjoints());
    }

    @PutMapping("/noeuds/{id}")
    @Operation(summary = "Remplacer ce que dit un élément du plan (intitulé vide : intitulé manquant) ; version lue obligatoire")
    NoeudDetailJson modifierNoeud(@PathVariable long id, @RequestParam int version, @RequestBody NoeudModifJson corps) {
        ecritureNoeud.modifier(id, version, new ContenuNoeud(corps.reference(), corps.titre(), corps.texte(), corps.objectifs(), corps.contexte()),
                new Liens(corps.referentielElements(), corps.objectifsConjoints()));
        return noeud(id);
    }

    @DeleteMapping("/noeuds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer un élément du plan avec tout son contenu (éléments et fiches) ; version lue obligatoire")
    void supprimerNoeud(@PathVariable long id, @RequestParam int version) {
        plans.supprimerNoeud(id, version);
    }

    @PostMapping("/noeuds/{id}/deplacement")
    @Operation(summary = "Déplacer un élément sous un autre parent du niveau au-dessus, à une position (1 = première)")
    NoeudDetailJson deplacerNoeud(@PathVariable long id, @RequestParam int version, @RequestBody DeplacementNoeudJson corps) {
        plans.deplacerNoeud(id, version, corps.parentId(), corps.position() == null ? Integer.MAX_VALUE : corps.position());
        return noeud(id);
    }

    // --- fiches ---

    @PostMapping("/conventions/{id}/plan/fiches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une fiche sous noeudId (n'importe quel niveau) ou à la racine ; elle prend le numéro libre suivant")
    PlanApiController.FicheJson creerFiche(@PathVariable long id, @RequestBody NouvelleFicheJson corps) {
        ModeleFiche modele = plans.planSiExiste(id).orElseThrow(() -> new fr.pilotectg.shared.Introuvable(
                "Cette convention n'a pas encore de plan d'actions.")).modele();
        ChampsAjoutes.Separation champs = champsAjoutes.separer(id, corps.champs(), "");
        Fiche fiche = ecriture.creer(id, corps.noeudId(), new ContenuFiche(corps.reference(), corps.titre(),
                ChampsAPlat.depuisMap(modele, champs.modele()), corps.annees(), corps.echeances(), corps.notes(),
                DatesFiche.lire("debut", corps.debut()), DatesFiche.lire("fin", corps.fin())), champs.ajoutes(),
                PlanApiController.lignes(corps.financements()), PlanApiController.sousActions(corps.sousActions()),
                new Liens(corps.referentielElements(), corps.objectifsConjoints()));
        return PlanApiController.json(fiche, plans.fiche(fiche.id()).chemin(), ecriture.champs(modele, fiche), financements.lues(fiche.id()),
                ecriture.sousActions(fiche.id())).avecLiens(ecriture.liens(fiche.id()));
    }

    @PatchMapping("/fiches/{id}")
    @Operation(summary = "Modifier une partie d'une fiche : seuls les membres envoyés changent (dans champs, seules les clés envoyées) ; "
            + "version lue obligatoire. PUT, lui, remplace toute la fiche.")
    PlanApiController.FicheJson modifierEnPartie(@PathVariable long id, @RequestParam int version,
                                                 @RequestBody @Schema(implementation = FichePatchJson.class) JsonNode envoye) {
        if (envoye == null || !envoye.isObject()) {
            throw new ErreurValidation("corps", "Un objet JSON est attendu, avec les seuls membres à changer.");
        }
        FichePatchJson corps;
        try {
            // Read by the application's strict mapper: the same checks as any body (sizes, characters, types).
            corps = json.treeToValue(envoye, FichePatchJson.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("Corps refusé", e, new EntreeVide());
        }
        VueFiche vue = plans.fiche(id);
        Fiche f = vue.fiche();
        Map<String, Object> champs = new LinkedHashMap<>(ChampsAPlat.versMap(vue.modele(), f.champs()));
        ChampsAjoutes.Separation separation = champsAjoutes.separer(f.conventionId(), corps.champs(), "");
        if (corps.champs() != null) {
            separation.modele().forEach((cle, valeur) -> {
                if (valeur == null) {
                    champs.remove(cle);
                } else {
                    champs.put(cle, valeur);
                }
            });
        }
        List<Financement> lignes = envoye.has("financements")
                ? Optional.ofNullable(PlanApiController.lignes(corps.financements())).orElse(List.of()) : null;
        List<SousAction> sous = envoye.has("sousActions")
                ? Optional.ofNullable(PlanApiController.sousActions(corps.sousActions())).orElse(List.of()) : null;
        Fiche modifiee = ecriture.modifier(id, version, new ContenuFiche(
                envoye.has("reference") ? corps.reference() : f.reference(), envoye.has("titre") ? corps.titre() : f.titre(),
                ChampsAPlat.depuisMap(vue.modele(), champs), envoye.has("annees") ? corps.annees() : f.annees(),
                envoye.has("echeances") ? corps.echeances() : f.echeances(), envoye.has("notes") ? corps.notes() : f.notes(),
                envoye.has("debut") ? DatesFiche.lire("debut", corps.debut()) : f.debut(),
                envoye.has("fin") ? DatesFiche.lire("fin", corps.fin()) : f.fin()),
                separation.ajoutes(), false, lignes, sous, new Liens(
                        envoye.has("referentielElements") ? orVide(corps.referentielElements()) : null,
                        envoye.has("objectifsConjoints") ? orVide(corps.objectifsConjoints()) : null));
        return PlanApiController.json(modifiee, vue.chemin(), ecriture.champs(vue.modele(), modifiee), financements.lues(id),
                ecriture.sousActions(id)).avecLiens(ecriture.liens(id));
    }

    @DeleteMapping("/fiches/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer une fiche (elle peut être restaurée depuis la page du plan) ; version lue obligatoire")
    void supprimerFiche(@PathVariable long id, @RequestParam int version) {
        plans.supprimerFiche(id, version);
    }

    @PostMapping("/fiches/{id}/deplacement")
    @Operation(summary = "Déplacer une fiche sous un élément de n'importe quel niveau (noeudId null : à la racine), à une position")
    PlanApiController.FicheJson deplacerFiche(@PathVariable long id, @RequestParam int version, @RequestBody DeplacementFicheJson corps) {
        Fiche fiche = plans.deplacerFiche(id, version, corps.noeudId(), corps.position() == null ? Integer.MAX_VALUE : corps.position());
        VueFiche vue = plans.fiche(fiche.id());
        return PlanApiController.json(vue.fiche(), vue.chemin(), ecriture.champs(vue.modele(), vue.fiche()), financements.lues(fiche.id()),
                ecriture.sousActions(fiche.id())).avecLiens(ecriture.liens(fiche.id()));
    }

    private static List<Long> orVide(List<Long> ids) {
        return ids == null ? List.of() : ids;

    }

    /** The body already read, for the refusal of a member: the error handler only needs the cause. */
    private static final class EntreeVide implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }
    }
}
