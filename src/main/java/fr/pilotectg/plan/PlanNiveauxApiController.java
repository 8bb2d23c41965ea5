package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The plan's frame through the API (issue 10 item 9): creating a plan, reading and replacing its levels. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plan d'actions")
class PlanNiveauxApiController {

    private final PlanService plans;
    private final NiveauxPlan niveaux;

    PlanNiveauxApiController(PlanService plans, NiveauxPlan niveaux) {
        this.plans = plans;
        this.niveaux = niveaux;
    }

    record NiveauDetailJson(int rang, String nom, Numerotation numerotation, String prefixe) {
    }

    record NiveauxJson(long conventionId, int version, ModeleFiche modele, List<NiveauDetailJson> niveaux) {
    }

    /** {@code rang}: the level's current rank (null for a new level, added just above the fiches). */
    record NiveauxModifJson(List<NiveauxPlan.NiveauVoulu> niveaux) {
    }

    record NouveauNiveauJson(String nom, Numerotation numerotation, String prefixe) {
    }

    record NouveauPlanJson(ModeleFiche modele, List<NouveauNiveauJson> niveaux) {
    }

    @GetMapping("/conventions/{id}/plan/niveaux")
    @Operation(summary = "Les niveaux du plan (le dernier nomme les fiches), avec la version du plan à renvoyer pour les modifier")
    NiveauxJson lire(@PathVariable long id) {
        return json(niveaux.plan(id));
    }

    @PutMapping("/conventions/{id}/plan/niveaux")
    @Operation(summary = "Remplacer les niveaux du plan ; version du plan lue obligatoire (409 si elle a changé)",
            description = "Chaque niveau gardé porte son rang actuel (renommer, changer la numérotation ou le préfixe) ; un niveau "
                    + "absent est retiré (seulement s'il est vide) ; un niveau sans rang est ajouté juste au-dessus des fiches. "
                    + "Le dernier niveau reste celui des fiches. Les références déjà données ne changent pas. Tout ou rien.")
    NiveauxJson remplacer(@PathVariable long id, @RequestParam int version, @RequestBody NiveauxModifJson corps) {
        return json(niveaux.remplacer(id, version, corps == null ? null : corps.niveaux()));
    }

    @PostMapping("/conventions/{id}/plan")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer le plan d'actions d'une convention qui n'en a pas (409 si elle en a un)",
            description = "modele : le modèle de fiche ; niveaux : de 2 à 6, du plus haut au niveau des fiches (le dernier). "
                    + "Numérotation par défaut : PAR_PARENT pour les éléments, CONTINUE pour les fiches.")
    NiveauxJson creer(@PathVariable long id, @RequestBody NouveauPlanJson corps) {
        if (!plans.peutModifierLePlan(id)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier le plan d'actions de cette convention.");
        }
        if (plans.planSiExiste(id).isPresent()) {
            throw new ConflitDeModification("Cette convention a déjà un plan d'actions : rien n'a été créé. "
                    + "Modifiez ses niveaux (PUT …/plan/niveaux) ou importez dans une convention sans plan.");
        }
        if (corps == null || corps.modele() == null) {
            throw new ErreurValidation("modele", "Choisissez le modèle de fiche du plan (" + String.join(", ",
                    java.util.Arrays.stream(ModeleFiche.values()).map(Enum::name).toList()) + ").");
        }
        List<NouveauNiveauJson> voulus = corps.niveaux() == null ? List.of() : corps.niveaux();
        List<Niveau> liste = new ArrayList<>();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        for (int i = 0; i < voulus.size(); i++) {
            NouveauNiveauJson n = voulus.get(i);
            if (n == null || n.nom() == null || n.nom().isBlank()) {
                erreurs.add(new ErreurValidation.Erreur("niveaux[" + i + "].nom", "Chaque niveau doit avoir un nom (par exemple « Axe stratégique »)."));
                continue;
            }
            boolean fiches = i == voulus.size() - 1;
            liste.add(new Niveau(i, n.nom().trim(), n.numerotation() != null ? n.numerotation()
                    : fiches ? Numerotation.CONTINUE : Numerotation.PAR_PARENT, n.prefixe() == null ? "" : n.prefixe().trim()));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        plans.initialiser(id, corps.modele(), liste, List.of(), List.of(), List.of());
        return json(niveaux.plan(id));
    }

    static NiveauxJson json(Plan plan) {
        return new NiveauxJson(plan.conventionId(), plan.version(), plan.modele(), plan.niveaux().stream()
                .map(n -> new NiveauDetailJson(n.rang(), n.nom(), n.numerotation(), n.prefixe() == null ? "" : n.prefixe())).toList());
    }
}
