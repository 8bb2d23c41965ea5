package fr.pilotectg.convention;

import java.time.LocalDate;

/** One line of the conventions list. */
public record ConventionResume(long id, String titre, StatutConvention statut, LocalDate dateDebut, LocalDate dateFin,
                               Integer dureeAnnees, String cafNom, String territoireNom, String codeDepartement,
                               int nombreCommunes) {

    public String periode() {
        return new Periode(dateDebut, dateFin, dureeAnnees).libelle();
    }
}
