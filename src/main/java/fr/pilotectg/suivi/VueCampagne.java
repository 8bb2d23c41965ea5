package fr.pilotectg.suivi;

import java.util.List;

/** A campaign page: per fiche, its porteurs and whether it was answered; counts; the reminders sent. */
public record VueCampagne(Campagne campagne, String conventionTitre, List<Ligne> lignes, List<Relance> relances,
                          boolean modifiable) {

    /** One fiche of the campaign; {@code reponse} is its first update recorded in the campaign, null if none. */
    public record Ligne(long ficheId, String reference, String titre, List<String> porteurs, MiseAJour reponse) {

        public boolean repondue() {
            return reponse != null;
        }
    }

    public long repondues() {
        return lignes.stream().filter(Ligne::repondue).count();
    }

    public long nonRepondues() {
        return lignes.size() - repondues();
    }

    /** Share of answered fiches, rounded to the nearest percent (0 for a campaign without fiche). */
    public int pourcentageRepondues() {
        return lignes.isEmpty() ? 0 : (int) Math.round(100.0 * repondues() / lignes.size());
    }
}
