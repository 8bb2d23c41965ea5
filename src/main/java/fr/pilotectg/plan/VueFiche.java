package fr.pilotectg.plan;

import java.util.List;

import fr.pilotectg.shared.audit.EntreeJournal;

/** A fiche with what its page shows: its template, its place in the plan, rights and history. */
public record VueFiche(Fiche fiche, Plan plan, String conventionTitre, List<Integer> anneesPeriode, List<String> chemin,
                       boolean modifiable, List<EntreeJournal> historique) {

    public ModeleFiche modele() {
        return plan.modele();
    }
}
