package fr.pilotectg.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.ChampAjoute;
import fr.pilotectg.plan.ChampsAjoutes;
import fr.pilotectg.plan.Financement;
import fr.pilotectg.plan.FinancementsService;
import fr.pilotectg.plan.TypeChampAjoute;
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

    /** The technical last column: the version of the row's fiche when exported (not to be changed by hand). */
    static final String VERSION = "Version";

    private final ConventionService conventions;
    private final PlanService plans;
    private final ChampsAjoutes champsAjoutes;
    private final FinancementsService financements;

    TableurPlan(ConventionService conventions, PlanService plans, ChampsAjoutes champsAjoutes, FinancementsService financements) {
        this.conventions = conventions;
        this.plans = plans;
        this.champsAjoutes = champsAjoutes;
        this.financements = financements;
    }

    /** What a row needs besides the fiche: the plan, the added fields and their values, the money lines. */
    private record Contexte(Plan plan, int niveaux, List<ChampAjoute> ajoutes, Map<Long, Map<String, Object>> valeurs,
                            Map<Long, List<Financement>> argent) {
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
        List<ChampAjoute> ajoutes = champsAjoutes.champs(conventionId);
        for (ChampAjoute champ : ajoutes) {
            colonnes.add(champ.type() == TypeChampAjoute.CHOIX_UNIQUE ? TableurColonne.liste(champ.libelle(), 30, champ.choix())
                    : champ.type() == TypeChampAjoute.OUI_NON ? TableurColonne.liste(champ.libelle(), 12, List.of("Oui", "Non"))
                    : TableurColonne.de(champ.libelle(), champ.type() == TypeChampAjoute.DATE || champ.type() == TypeChampAjoute.NOMBRE ? 14 : 30));
        }
        colonnes.add(TableurColonne.de("Années prévues", 18));
        colonnes.add(TableurColonne.de("Échéances", 30));
        colonnes.add(TableurColonne.de("Début (mois)", 12));
        colonnes.add(TableurColonne.de("Fin (mois)", 12));
        colonnes.add(TableurColonne.de("Financement prévu (€)", 18));
        colonnes.add(TableurColonne.de("Financement réalisé (€)", 18));
        // The fiche's version when exported: an import refuses a row whose fiche changed since (ADR 0036).
        colonnes.add(TableurColonne.de(VERSION, 9));

        List<List<Object>> lignes = new ArrayList<>();
        Contexte contexte = new Contexte(plan, plan.niveauxDeNoeuds().size(), ajoutes, champsAjoutes.valeursDesFiches(conventionId),
                financements.deLaConvention(conventionId));
        for (ArbrePlan.Branche racine : arbre.racines()) {
            parcourir(racine, new ArrayList<>(), contexte, lignes);
        }
        for (Fiche fiche : arbre.fichesHorsAxe()) {
            lignes.add(ligne(fiche, List.of(), contexte));
        }
        return new TableurClasseur(nom, List.of(new TableurFeuille("Plan d'actions", colonnes, lignes)));
    }

    private static void parcourir(ArbrePlan.Branche branche, List<String> chemin, Contexte contexte, List<List<Object>> lignes) {
        List<String> ici = new ArrayList<>(chemin);
        ici.add(intitule(branche));
        for (Fiche fiche : branche.fiches()) {
            lignes.add(ligne(fiche, ici, contexte));
        }
        for (ArbrePlan.Branche enfant : branche.enfants()) {
            parcourir(enfant, ici, contexte, lignes);
        }
    }

    private static String intitule(ArbrePlan.Branche branche) {
        String reference = branche.noeud().reference();
        return (reference == null || reference.isBlank() ? "" : reference + " — ") + branche.noeud().titre();
    }

    private static List<Object> ligne(Fiche fiche, List<String> chemin, Contexte contexte) {
        List<Object> ligne = new ArrayList<>();
        for (int i = 0; i < contexte.niveaux(); i++) {
            ligne.add(i < chemin.size() ? chemin.get(i) : null);
        }
        ligne.add(fiche.reference());
        ligne.add(fiche.titre());
        for (ChampModele champ : contexte.plan().modele().champs()) {
            ligne.add(TableurValeurs.champ(fiche, champ));
        }
        Map<String, Object> valeurs = contexte.valeurs().getOrDefault(fiche.id(), Map.of());
        for (ChampAjoute champ : contexte.ajoutes()) {
            ligne.add(ajoute(champ, valeurs.get(champ.cle())));
        }
        ligne.add(fiche.annees().isEmpty() ? null : fiche.annees().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        ligne.add(fiche.echeances());
        ligne.add(fiche.debut());
        ligne.add(fiche.fin());
        List<Financement> argent = contexte.argent().getOrDefault(fiche.id(), List.of());
        ligne.add(somme(argent, Financement::prevuCentimes));
        ligne.add(somme(argent, Financement::realiseCentimes));
        ligne.add(fiche.version());
        return ligne;
    }

    /** A date field as a date cell, a number as a number, the rest as the fiche page shows it. */
    private static Object ajoute(ChampAjoute champ, Object valeur) {
        if (valeur == null) {
            return null;
        }
        if (champ.type() == TypeChampAjoute.DATE && valeur instanceof String texte) {
            try {
                return LocalDate.parse(texte);
            } catch (DateTimeParseException e) {
                return texte;
            }
        }
        if (champ.type() == TypeChampAjoute.NOMBRE && valeur instanceof Number nombre) {
            return new BigDecimal(nombre.toString());
        }
        return champ.afficher(valeur);
    }

    /** The sum of the lines' amounts, or empty when no line has one. */
    private static TableurMontant somme(List<Financement> lignes, Function<Financement, Long> montant) {
        List<Long> montants = lignes.stream().map(montant).filter(java.util.Objects::nonNull).toList();
        return montants.isEmpty() ? null : new TableurMontant(montants.stream().mapToLong(Long::longValue).sum());
    }
}
