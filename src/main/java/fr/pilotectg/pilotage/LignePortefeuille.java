package fr.pilotectg.pilotage;

import java.time.LocalDate;

import fr.pilotectg.convention.Periode;
import fr.pilotectg.convention.StatutConvention;

/**
 * One convention of a Caf's portfolio. "Réalisé" is the share of concerned fiche-years réalisé over the years of the
 * period up to the current year, "en retard" the late fiche-years (both as on the dashboard, situated by
 * {@link fr.pilotectg.evaluation.SituationAnnuelle}); the campaign figures are those of the open campaign(s).
 */
public record LignePortefeuille(long id, String titre, String caf, StatutConvention statut, LocalDate dateDebut,
                                LocalDate dateFin, Integer dureeAnnees, int fiches, int concernees, int realisees,
                                int retards, int campagneConcernees, int campagneRepondues, LocalDate prochainCopil, boolean exemple) {

    /** The same line with its fiche-year counts. */
    LignePortefeuille avec(int concernees, int realisees, int retards) {
        return new LignePortefeuille(id, titre, caf, statut, dateDebut, dateFin, dureeAnnees, fiches, concernees, realisees,
                retards, campagneConcernees, campagneRepondues, prochainCopil, exemple);
    }

    /** The same line with its fiches, open campaigns' answers and next COPIL. */
    LignePortefeuille avec(PortefeuilleRepository.Chiffres c) {
        return new LignePortefeuille(id, titre, caf, statut, dateDebut, dateFin, dureeAnnees, c.fiches(), concernees,
                realisees, retards, c.campagneConcernees(), c.campagneRepondues(), c.prochainCopil(), exemple);
    }

    /** The same line, its figures including example rows. */
    LignePortefeuille avecExemple() {
        return new LignePortefeuille(id, titre, caf, statut, dateDebut, dateFin, dureeAnnees, fiches, concernees, realisees,
                retards, campagneConcernees, campagneRepondues, prochainCopil, true);
    }

    /** A convention in force whose end date falls within six months of that day (issue 14: the portfolio shows them). */
    public boolean finProche(LocalDate aujourdhui) {
        return statut.estEnCours() && dateFin != null && !dateFin.isBefore(aujourdhui) && !dateFin.isAfter(aujourdhui.plusMonths(6));
    }

    public boolean finProche() {
        return finProche(LocalDate.now());
    }

    public String periode() {
        return new Periode(dateDebut, dateFin, dureeAnnees).libelle();
    }

    /** Share réalisé in %, or -1 when nothing is concerned yet (sorted first, shown as a dash). */
    public double tauxRealise() {
        return concernees == 0 ? -1 : 100.0 * realisees / concernees;
    }

    public String tauxRealiseTexte() {
        return concernees == 0 ? "—" : Pourcentages.texte(tauxRealise());
    }

    public boolean aUneCampagneOuverte() {
        return campagneConcernees > 0;
    }

    /** Share of the fiches asked by the open campaign that answered, in %, or -1 without an open campaign. */
    public double tauxCampagne() {
        return campagneConcernees == 0 ? -1 : 100.0 * campagneRepondues / campagneConcernees;
    }
}
