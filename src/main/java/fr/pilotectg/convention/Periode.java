package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;

/**
 * Start and end dates, or only a duration in years ("sur 5 ans") while the dates are not known; with the wording
 * the document prints ("pour une durée de quatre ans au plus") and its renewal mode. A duration and one date give
 * the other date (end = start + duration − 1 day); a duration that disagrees with both dates is refused.
 */
public record Periode(LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees,
                      @Column("periode_libelle") String libelleImprime, Reconduction reconduction) {

    public static final Periode INCONNUE = new Periode(null, null, null);

    public Periode(LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees) {
        this(dateDebut, dateFin, dureeAnnees, null, null);
    }

    @PersistenceCreator
    public Periode {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        libelleImprime = libelleImprime == null || libelleImprime.isBlank() ? null : libelleImprime.strip();
        String probleme = Saisie.probleme(libelleImprime, Limites.TITRE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur("periodeLibelle", "Période telle qu'écrite : " + probleme));
        }
        boolean dureeValide = dureeAnnees != null && dureeAnnees >= 1 && dureeAnnees <= Limites.DUREE_MAX_ANNEES;
        if (dureeValide && dateDebut != null && dateFin == null && dateDebut.getYear() <= Limites.ANNEE_MAX) {
            dateFin = finApres(dateDebut, dureeAnnees);
        } else if (dureeValide && dateDebut == null && dateFin != null && dateFin.getYear() >= Limites.ANNEE_MIN) {
            dateDebut = dateFin.plusDays(1).minusYears(dureeAnnees);
        } else if (dureeValide && dateDebut != null && dateFin != null && dateFin.isAfter(dateDebut)
                && !dateFin.equals(finApres(dateDebut, dureeAnnees)) && !dateFin.equals(dateDebut.plusYears(dureeAnnees))) {
            erreurs.add(new ErreurValidation.Erreur("dureeAnnees", "La durée de " + dureeAnnees + " an"
                    + (dureeAnnees > 1 ? "s" : "") + " ne correspond pas aux dates : à partir du " + FormatFr.date(dateDebut)
                    + ", elle mène au " + FormatFr.date(finApres(dateDebut, dureeAnnees)) + ", pas au " + FormatFr.date(dateFin)
                    + ". Corrigez la durée ou la date de fin, ou videz l'une des deux."));
        }
        if (dateDebut != null && dateFin != null && !dateFin.isAfter(dateDebut)) {
            erreurs.add(new ErreurValidation.Erreur("dateFin",
                    "La date de fin (" + FormatFr.date(dateFin) + ") doit être postérieure à la date de début ("
                            + FormatFr.date(dateDebut) + ")."));
        }
        anneeAcceptee(dateDebut, "dateDebut", "La date de début", erreurs);
        anneeAcceptee(dateFin, "dateFin", "La date de fin", erreurs);
        if (erreurs.isEmpty() && dateDebut != null && dateFin != null && dateFin.isAfter(dateDebut.plusYears(Limites.DUREE_MAX_ANNEES))) {
            erreurs.add(new ErreurValidation.Erreur("dateFin", "La période du " + FormatFr.date(dateDebut) + " au "
                    + FormatFr.date(dateFin) + " dépasse " + Limites.DUREE_MAX_ANNEES + " ans."));
        }
        if (dureeAnnees != null && (dureeAnnees < 1 || dureeAnnees > Limites.DUREE_MAX_ANNEES)) {
            erreurs.add(new ErreurValidation.Erreur("dureeAnnees", "La durée doit être comprise entre 1 et "
                    + Limites.DUREE_MAX_ANNEES + " ans."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static void anneeAcceptee(LocalDate date, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (date != null && (date.getYear() < Limites.ANNEE_MIN || date.getYear() > Limites.ANNEE_MAX)) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " doit tomber entre " + Limites.ANNEE_MIN + " et "
                    + Limites.ANNEE_MAX + " (année saisie : " + date.getYear() + ")."));
        }
    }

    /** The last day of a period of whole years starting on {@code debut}: 1 January 2027 + 4 years → 31 December 2030. */
    public static LocalDate finApres(LocalDate debut, int annees) {
        return debut.plusYears(annees).minusDays(1);
    }

    public Periode avecFormalites(String libelle, Reconduction mode) {
        return new Periode(dateDebut, dateFin, dureeAnnees, libelle, mode);
    }

    public boolean estConnue() {
        return (dateDebut != null && dateFin != null) || dureeAnnees != null;
    }

    public boolean couvreAnnee(int annee) {
        return dateDebut != null && dateFin != null && dateDebut.getYear() <= annee && annee <= dateFin.getYear();
    }

    /** "1er janvier 2026 – 31 décembre 2030", or "sur 5 ans". */
    public String libelle() {
        if (dateDebut != null && dateFin != null) {
            return FormatFr.date(dateDebut) + " – " + FormatFr.date(dateFin);
        }
        if (dateDebut != null) {
            return "à partir du " + FormatFr.date(dateDebut) + (dureeAnnees != null ? ", sur " + dureeAnnees + " ans" : "");
        }
        if (dureeAnnees != null) {
            return "sur " + dureeAnnees + " ans (dates à fixer)";
        }
        return "non renseignée";
    }
}
