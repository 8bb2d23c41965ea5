package fr.pilotectg.plan;

/**
 * An organisation named in a fiche (porteur, partner, garante): linked to an organisation of the
 * referential when known, otherwise kept as the text the document wrote, to be linked later.
 */
public record OrganisationCitee(String nom, Long organisationId, String role) {

    public boolean estLiee() {
        return organisationId != null;
    }

    OrganisationCitee lieeA(long id, String nomOfficiel) {
        return new OrganisationCitee(nomOfficiel, id, role);
    }
}
