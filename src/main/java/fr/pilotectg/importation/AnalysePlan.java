package fr.pilotectg.importation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.ModeleFiche;
import org.springframework.stereotype.Component;

/**
 * Finds the {@link PlanTrouve} part of a draft in an extracted document (deterministic, no network). The fiche
 * template is the one whose labels the document prints most (several fields, each at least twice); a document
 * without fiche labels whose plan is a list of bulleted lines under numbered headings is a roadmap. Page numbers
 * and lines repeated on every page (headers, footers) are skipped. See ADR 0034.
 */
@Component
public class AnalysePlan {

    public PlanTrouve analyser(DocumentExtrait document) {
        if (document == null || document.lignes() == null || document.lignes().isEmpty()) {
            return PlanTrouve.vide();
        }
        List<Ligne> lignes = document.lignes();
        boolean[] bruit = bruit(lignes);
        ModeleFiche modele = modele(lignes);
        if (modele == null) {
            return PlanTrouve.vide();
        }
        PlanTrouve plan = new AnalysePlanStructure(lignes, bruit, modele).analyser();
        if (plan.estVide() && modele != ModeleFiche.FEUILLE_DE_ROUTE && estFeuilleDeRoute(lignes)) {
            plan = new AnalysePlanStructure(lignes, bruit, ModeleFiche.FEUILLE_DE_ROUTE).analyser();
        }
        return plan.estVide() ? PlanTrouve.vide() : plan;
    }

    /** The template whose own labels are printed most: the number of its fields met at least twice, then the number of lines. */
    static ModeleFiche modele(List<Ligne> lignes) {
        ModeleFiche meilleur = null;
        int meilleurs = 0;
        int lignesDuMeilleur = 0;
        for (ModeleFiche m : List.of(ModeleFiche.NATIONAL, ModeleFiche.NOTE, ModeleFiche.COURT)) {
            Map<String, Integer> occurrences = AnalysePlanLibelles.occurrences(m, lignes);
            int champs = (int) occurrences.values().stream().filter(n -> n >= 2).count();
            int total = occurrences.values().stream().mapToInt(Integer::intValue).sum();
            if (champs > meilleurs || champs == meilleurs && total > lignesDuMeilleur) {
                meilleur = m;
                meilleurs = champs;
                lignesDuMeilleur = total;
            }
        }
        if (meilleurs >= 3) {
            return meilleur;
        }
        return estFeuilleDeRoute(lignes) ? ModeleFiche.FEUILLE_DE_ROUTE : ModeleFiche.COURT;
    }

    /** Bulleted one-line actions under numbered headings (at least two headings and five items under them). */
    private static boolean estFeuilleDeRoute(List<Ligne> lignes) {
        int entetes = 0;
        int items = 0;
        for (Ligne l : lignes) {
            if (l.genre() != Ligne.NatureDeLigne.LISTE && l.genre() != Ligne.NatureDeLigne.TABLEAU && AnalysePlanTitres.entete(l.texte()).isPresent()) {
                entetes++;
            } else if (entetes > 0 && l.genre() == Ligne.NatureDeLigne.LISTE) {
                items++;
            }
        }
        return entetes >= 2 && items >= 5;
    }

    /** Page numbers, and lines of four words or more repeated at least five times (running headers and footers). */
    static boolean[] bruit(List<Ligne> lignes) {
        Map<String, Integer> repetitions = new HashMap<>();
        for (Ligne l : lignes) {
            if (l.genre() == Ligne.NatureDeLigne.PARAGRAPHE) {
                repetitions.merge(AnalysePlanTextes.cle(l.texte()), 1, Integer::sum);
            }
        }
        List<AnalysePlanLibelles> modeles = List.of(new AnalysePlanLibelles(ModeleFiche.NATIONAL), new AnalysePlanLibelles(ModeleFiche.NOTE),
                new AnalysePlanLibelles(ModeleFiche.COURT));
        boolean[] bruit = new boolean[lignes.size()];
        String precedente = "";
        for (int i = 0; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            if (l.genre() == Ligne.NatureDeLigne.VIDE) {
                continue;
            }
            String cle = AnalysePlanTextes.cle(l.texte());
            bruit[i] = l.genre() == Ligne.NatureDeLigne.PARAGRAPHE && (AnalysePlanTextes.estNumeroDePage(l.texte())
                    || cle.split(" ").length >= 4 && cle.length() < 120 && repetitions.getOrDefault(cle, 0) >= 5 && !precedente.endsWith(":")
                    && modeles.stream().noneMatch(m -> m.reconnaitre(l.texte()).isPresent()));
            precedente = AnalysePlanTextes.propre(l.texte());
        }
        return bruit;
    }
}
