package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.CompteDeclare;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.Plan;
import fr.pilotectg.plan.PlanComplet;
import fr.pilotectg.plan.TypeChampAjoute;

/**
 * What the analysis found of the action plan, in the shape of the complete plan ({@link PlanComplet.PlanCompletJson}):
 * levels, added fields, nodes with their texts, fiches with every field of their template, sub-actions, the
 * programme table (action × year), the calendar, printed counts. Every node, fiche, sub-action and programme cell
 * carries the {@link Source} it was read from and a confidence (0–1). {@link #versPlanComplet()} gives what
 * {@link ConfirmationPlan} imports.
 */
public record PlanTrouve(ModeleFiche modele, List<NiveauTrouve> niveaux, List<ChampTrouve> champs, List<NoeudTrouve> noeuds,
                         List<FicheTrouvee> fiches, List<CompteImprime> comptes, List<CelluleProgramme> programme,
                         List<PhaseTrouvee> calendrier, List<String> notes, List<Alerte> alertes) implements PartieTrouvee {

    public PlanTrouve {
        niveaux = niveaux == null ? List.of() : List.copyOf(niveaux);
        champs = champs == null ? List.of() : List.copyOf(champs);
        noeuds = noeuds == null ? List.of() : List.copyOf(noeuds);
        fiches = fiches == null ? List.of() : List.copyOf(fiches);
        comptes = comptes == null ? List.of() : List.copyOf(comptes);
        programme = programme == null ? List.of() : List.copyOf(programme);
        calendrier = calendrier == null ? List.of() : List.copyOf(calendrier);
        notes = notes == null ? List.of() : List.copyOf(notes);
        alertes = alertes == null ? List.of() : List.copyOf(alertes);
    }

    /** Compatibility with the contract's first shape: alerts only. */
    public PlanTrouve(List<Alerte> alertes) {
        this(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), alertes);
    }

    public static PlanTrouve vide() {
        return new PlanTrouve(List.of());
    }

    public boolean estVide() {
        return noeuds.isEmpty() && fiches.isEmpty();
    }

    /** One level of the plan, top first; the last one names the fiches. */
    public record NiveauTrouve(String nom, Numerotation numerotation, String prefixe, Source source, double confiance) {
    }

    /** A field found in the fiches but in no template: proposed as an added field. */
    public record ChampTrouve(String cle, String libelle, TypeChampAjoute type, Source source, double confiance) {
    }

    /** A count printed in the document ("32 actions"), kept to be checked against what was found. */
    public record CompteImprime(String libelle, int valeur, Source source) {
    }

    public record NoeudTrouve(String reference, String titre, String texte, List<String> objectifs, String contexte, CompteImprime compte,
                              List<NoeudTrouve> noeuds, List<FicheTrouvee> fiches, Source source, double confiance) {

        public NoeudTrouve {
            objectifs = objectifs == null ? List.of() : List.copyOf(objectifs);
            noeuds = noeuds == null ? List.of() : List.copyOf(noeuds);
            fiches = fiches == null ? List.of() : List.copyOf(fiches);
        }
    }

    /** A fiche: reference as printed, title, the template's fields (and added ones) in {@code champs} as the plan API writes them. */
    public record FicheTrouvee(String reference, String titre, List<Integer> annees, String echeances, Map<String, Object> champs,
                               List<SousActionTrouvee> sousActions, Source source, double confiance) {

        public FicheTrouvee {
            annees = annees == null ? List.of() : List.copyOf(annees);
            champs = champs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(champs));
            sousActions = sousActions == null ? List.of() : List.copyOf(sousActions);
        }
    }

    public record SousActionTrouvee(String libelle, String porteur, Source source, double confiance) {
    }

    /** One filled cell of the programme table: the action (fiche reference) planned in a year. */
    public record CelluleProgramme(String reference, int annee, String texte, Source source, double confiance) {
    }

    public record PhaseTrouvee(Integer annee, String phase, List<String> objectifs, Source source, double confiance) {
    }

    /** Every fiche, depth first in plan order (under the nodes, then outside any node). */
    public List<FicheTrouvee> toutesLesFiches() {
        List<FicheTrouvee> toutes = new ArrayList<>();
        noeuds.forEach(n -> fichesDe(n, toutes));
        toutes.addAll(fiches);
        return toutes;
    }

    private static void fichesDe(NoeudTrouve n, List<FicheTrouvee> toutes) {
        toutes.addAll(n.fiches());
        n.noeuds().forEach(e -> fichesDe(e, toutes));
    }

    /** The complete plan to import (what {@code POST …/plan/import} takes). */
    public PlanComplet.PlanCompletJson versPlanComplet() {
        return new PlanComplet.PlanCompletJson(modele,
                niveaux.stream().map(n -> new PlanComplet.NiveauCompletJson(n.nom(), n.numerotation(), n.prefixe() == null ? "" : n.prefixe())).toList(),
                champs.stream().map(c -> new PlanComplet.ChampCompletJson(c.cle(), c.libelle(), c.type(), List.of())).toList(),
                noeuds.stream().map(PlanTrouve::noeudComplet).toList(),
                fiches.stream().map(PlanTrouve::ficheComplete).toList(),
                comptes.stream().map(c -> new CompteDeclare(c.libelle(), c.valeur())).toList(),
                calendrier.stream().map(p -> new Plan.PhaseCalendrier(p.annee(), p.phase(), p.objectifs())).toList(),
                notes);
    }

    private static PlanComplet.NoeudCompletJson noeudComplet(NoeudTrouve n) {
        return new PlanComplet.NoeudCompletJson(n.reference(), n.titre(), n.texte(), n.objectifs(), n.contexte(),
                n.compte() == null ? null : new CompteDeclare(n.compte().libelle(), n.compte().valeur()),
                n.noeuds().stream().map(PlanTrouve::noeudComplet).toList(), n.fiches().stream().map(PlanTrouve::ficheComplete).toList(),
                List.of(), List.of());
    }

    private static PlanComplet.FicheCompleteJson ficheComplete(FicheTrouvee f) {
        return new PlanComplet.FicheCompleteJson(f.reference(), f.titre(), f.annees(), f.echeances(), List.of(), f.champs(), null, null,
                List.of(), List.of(), List.of(), List.of());
    }
}
