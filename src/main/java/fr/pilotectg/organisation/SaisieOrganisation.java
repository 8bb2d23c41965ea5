package fr.pilotectg.organisation;

import java.util.List;

/** What a user types to create or edit an organisation. */
public record SaisieOrganisation(TypeOrganisation type, String nom, String sigle, String siren, String codeDepartement,
                                 String adresse, List<String> aliases) {
}
