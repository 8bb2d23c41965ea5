package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;

/** Start and end dates, or only a duration in years ("sur 5 ans") while the dates are not known. */
public record Periode(LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees) {

    public static final Periode INCONNUE = new Periode(null, null, null);

    public Periode {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
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
