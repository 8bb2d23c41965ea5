package fr.pilotectg.organisation;

/**
 * A body that signs, carries or finances something. Communes and EPCI point at the territory
 * referential by their INSEE code or SIREN.
 */
public record Organisation(long id, String nom, String sigle, TypeOrganisation type,
                           String codeInsee, String siren, String codeDepartement) {
}
