package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The levels of a plan replaced in one call (API {@code PUT …/plan/niveaux}), by the same steps as the levels page:
 * levels removed (only when empty), renamed or renumbered, added just above the fiches; all or nothing.
 */
@Service
class NiveauxPlan {

    static final String CONFLIT = "Les niveaux de ce plan ont été modifiés par quelqu'un d'autre depuis que vous les avez ouverts : "
            + "rien n'a été enregistré. Rechargez-les.";

    /** One wanted level: {@code rang} is its current rank, or null for a new level. */
    record NiveauVoulu(Integer rang, String nom, Numerotation numerotation, String prefixe) {
    }

    private final PlanService plans;

    NiveauxPlan(PlanService plans) {
        this.plans = plans;
    }

    Plan plan(long conventionId) {
        return plans.planSiExiste(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
    }

    @Transactional
    Plan remplacer(long conventionId, int version, List<NiveauVoulu> voulus) {
        if (!plans.peutModifierLePlan(conventionId)) {
            throw new fr.pilotectg.shared.AccesRefuse("Vous ne pouvez pas modifier le plan d'actions de cette convention.");
        }
        Plan plan = plan(conventionId);
        if (plan.version() != version) {
            throw new ConflitDeModification(CONFLIT);
        }
        verifier(plan, voulus);
        List<Integer> gardes = voulus.stream().map(NiveauVoulu::rang).filter(Objects::nonNull).toList();
        // 1. Levels removed, deepest first (the service refuses a level that holds a node, deleted ones included).
        for (int rang = plan.niveaux().size() - 2; rang >= 0; rang--) {
            if (!gardes.contains(rang)) {
                int r = rang;
                plan = enChamp("niveaux", () -> plans.supprimerNiveau(conventionId, plan(conventionId).version(), r));
            }
        }
        // 2. Kept levels renamed or renumbered, at their rank once the removed ones are gone.
        for (int i = 0; i < gardes.size(); i++) {
            NiveauVoulu voulu = voulus.stream().filter(v -> v.rang() != null).toList().get(i);
            Niveau actuel = plan.niveau(i);
            Numerotation numerotation = voulu.numerotation() == null ? actuel.numerotation() : voulu.numerotation();
            String prefixe = voulu.prefixe() == null ? "" : voulu.prefixe().trim();
            if (!actuel.nom().equals(voulu.nom().trim()) || actuel.numerotation() != numerotation
                    || !Objects.equals(actuel.prefixe() == null ? "" : actuel.prefixe(), prefixe)) {
                int rang = i;
                plan = enChamp("niveaux[" + voulus.indexOf(voulu) + "]",
                        () -> plans.modifierNiveau(conventionId, plan(conventionId).version(), rang, voulu.nom(), numerotation, prefixe));
            }
        }
        // 3. New levels, just above the fiches, in the order given.
        for (int i = 0; i < voulus.size(); i++) {
            NiveauVoulu voulu = voulus.get(i);
            if (voulu.rang() == null) {
                int index = i;
                plan = enChamp("niveaux[" + index + "]", () -> plans.ajouterNiveau(conventionId, plan(conventionId).version(),
                        voulu.nom(), voulu.numerotation(), voulu.prefixe()));
            }
        }
        return plan;
    }

    private static void verifier(Plan plan, List<NiveauVoulu> voulus) {
        if (voulus == null || voulus.size() < 2 || voulus.size() > PlanService.NIVEAUX_MAX) {
            throw new ErreurValidation("niveaux", "Un plan a de 2 à " + PlanService.NIVEAUX_MAX + " niveaux (le dernier nomme les fiches).");
        }
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        int dernier = plan.niveaux().size() - 1;
        int precedent = -1;
        boolean nouveauVu = false;
        for (int i = 0; i < voulus.size(); i++) {
            NiveauVoulu v = voulus.get(i);
            String chemin = "niveaux[" + i + "]";
            if (v == null) {
                erreurs.add(new ErreurValidation.Erreur(chemin, "Niveau vide : un objet {rang, nom, numerotation, prefixe} est attendu."));
                continue;
            }
            if (v.nom() == null || v.nom().isBlank()) {
                erreurs.add(new ErreurValidation.Erreur(chemin + ".nom", "Chaque niveau doit avoir un nom (par exemple « Axe stratégique »)."));
            }
            boolean estDernier = i == voulus.size() - 1;
            if (estDernier) {
                if (v.rang() == null || v.rang() != dernier) {
                    erreurs.add(new ErreurValidation.Erreur(chemin + ".rang", "Le dernier niveau est celui des fiches (rang " + dernier
                            + ") : il reste le dernier."));
                }
            } else if (v.rang() == null) {
                nouveauVu = true;
            } else if (v.rang() < 0 || v.rang() >= dernier || v.rang() <= precedent) {
                erreurs.add(new ErreurValidation.Erreur(chemin + ".rang", "Rang inconnu ou dans le désordre : les niveaux gardés restent "
                        + "dans leur ordre (rangs croissants de 0 à " + (dernier - 1) + ")."));
            } else if (nouveauVu) {
                erreurs.add(new ErreurValidation.Erreur(chemin + ".rang", "Un nouveau niveau (sans rang) s'ajoute juste au-dessus des fiches, "
                        + "après les niveaux gardés."));
            } else {
                precedent = v.rang();
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    /** Runs one step; a refusal names the element of the body it is about. */
    private static Plan enChamp(String chemin, java.util.function.Supplier<Plan> etape) {
        try {
            return etape.get();
        } catch (ErreurValidation e) {
            throw new ErreurValidation(e.erreurs().stream()
                    .map(x -> new ErreurValidation.Erreur(x.champ() == null || x.champ().equals("rang") ? chemin : chemin + "." + x.champ(),
                            x.message())).toList());
        }
    }
}
