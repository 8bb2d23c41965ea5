package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Plan;
import fr.pilotectg.plan.PlanService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan as a spreadsheet: one row per fiche in plan order, a path column per level above the fiches
 * ("Axe", "Objectif"…), then one column per field of the convention's template, the years and the deadlines.
 */
@Component
class TableurPlan {

    private final ConventionService conventions;
    private final PlanService plans;

    TableurPlan(ConventionService conventions, PlanService plans) {
        this.conventions = conventions;
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        String nom = "Plan d'actions - " + convention.titre();
        if (plans.planSiExiste(conventionId).isEmpty()) {
            return new TableurClasseur(nom, List.of(new TableurFeuille("Plan d'actions",
                    List.of(TableurColonne.de("Référence", 12), TableurColonne.de("Titre", 50)), List.of())));
        }
        ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
        Plan plan = arbre.plan();
        List<TableurColonne> colonnes = new ArrayList<>();
        for (Niveau niveau : plan.niveauxDeNoeuds()) {
            colonnes.add(TableurColonne.de(niveau.nom(), 40));
        }
        colonnes.add(TableurColonne.de("Référence", 12));
        colonnes.add(TableurColonne.de("Titre", 50));
        for (ChampModele champ : plan.modele().champs()) {
            colonnes.add(TableurColonne.de(champ.libelle(), 40));
        }
        colonnes.add(TableurColonne.de("Années prévues", 18));
        colonnes.add(TableurColonne.de("Échéances", 30));

        List<List<Object>> lignes = new ArrayList<>();
        int niveaux = plan.niveauxDeNoeuds().size();
        for (ArbrePlan.Branche racine : arbre.racines()) {
            parcourir(racine, new ArrayList<>(), niveaux, plan, lignes);
        }
        for (Fiche fiche : arbre.fichesHorsAxe()) {
            lignes.add(ligne(fiche, List.of(), niveaux, plan));
        }
        return new TableurClasseur(nom, List.of(new TableurFeuille("Plan d'actions", colonnes, lignes)));
    }

    private static void parcourir(ArbrePlan.Branche branche, List<String> chemin, int niveaux, Plan plan, List<List<Object>> lignes) {
        List<String> ici = new ArrayList<>(chemin);
        ici.add(intitule(branche));
        for (Fiche fiche : branche.fiches()) {
            lignes.add(ligne(fiche, ici, niveaux, plan));
        }
        for (ArbrePlan.Branche enfant : branche.enfants()) {
            parcourir(enfant, ici, niveaux, plan, lignes);
        }
    }

    private static String intitule(ArbrePlan.Branche branche) {
        String reference = branche.noeud().reference();
        return (reference == null || reference.isBlank() ? "" : reference + " — ") + branche.noeud().titre();
    }

    private static List<Object> ligne(Fiche fiche, List<String> chemin, int niveaux, Plan plan) {
        List<Object> ligne = new ArrayList<>();
        for (int i = 0; i < niveaux; i++) {
            ligne.add(i < chemin.size() ? chemin.get(i) : null);
        }
        ligne.add(fiche.reference());
        ligne.add(fiche.titre());
        for (ChampModele champ : plan.modele().champs()) {
            ligne.add(TableurValeurs.champ(fiche, champ));
        }
        ligne.add(fiche.annees().isEmpty() ? null : fiche.annees().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        ligne.add(fiche.echeances());
        return ligne;
    }
}
