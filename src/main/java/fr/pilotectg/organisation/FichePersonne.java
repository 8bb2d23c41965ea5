package fr.pilotectg.organisation;

import java.time.LocalDate;
import java.util.List;

/** A person with every mandate they hold or held, in any organisation. */
public record FichePersonne(long id, int version, String civilite, String prenom, String nom, List<MandatPersonne> mandats) {

    public record MandatPersonne(long id, long organisationId, String organisationNom, String fonction, LocalDate debut,
                                 LocalDate fin) {
    }

    public Personne personne() {
        return new Personne(id, civilite, prenom, nom);
    }

    public String nomComplet() {
        return personne().nomComplet();
    }
}
