package fr.pilotectg.plan;

import fr.pilotectg.shared.ErreurValidation;

/** The {@code niveau} a client gives when creating a node: it must be the one the node gets (parent's level + 1). */
final class NiveauDeNoeud {

    private NiveauDeNoeud() {
    }

    static void verifier(PlanService plans, long conventionId, Long parentId, Integer niveau) {
        if (niveau == null) {
            return;
        }
        ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
        Plan plan = arbre.plan();
        int dernier = plan.niveaux().size() - 2;
        if (niveau < 0 || niveau > dernier) {
            throw new ErreurValidation("niveau", "Ce plan a des éléments aux niveaux 0 à " + dernier + " (le niveau " + (dernier + 1)
                    + " nomme les fiches) : niveau " + niveau + " inconnu.");
        }
        Integer attendu = parentId == null ? Integer.valueOf(0) : arbre.racines().stream().flatMap(ArbrePlan.Branche::etDescendants)
                .filter(b -> b.noeud().id().equals(parentId)).findFirst().map(b -> b.noeud().rang() + 1).orElse(null);
        if (attendu == null) {
            return; // a parent outside this plan: the service refuses it on parentId
        }
        if (attendu != niveau.intValue()) {
            String voulu = plan.niveau(niveau).nom();
            throw new ErreurValidation("niveau", parentId == null
                    ? "À la racine du plan se placent les « " + plan.niveau(0).nom() + " » (niveau 0), pas les « " + voulu + " » (niveau " + niveau + ")."
                    : attendu > dernier ? "Sous cet élément on ne place que des fiches, pas un(e) « " + voulu + " »."
                    : "Sous cet élément se placent les « " + plan.niveau(attendu).nom() + " » (niveau " + attendu + "), pas les « "
                    + voulu + " » (niveau " + niveau + ").");
        }
    }
}
