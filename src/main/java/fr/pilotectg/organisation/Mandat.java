package fr.pilotectg.organisation;

/** A person's function in an organisation ("Président du conseil d'administration", "Maire"). */
public record Mandat(long id, Personne personne, long organisationId, String organisationNom, String fonction) {
}
