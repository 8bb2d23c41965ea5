package fr.pilotectg.organisation;

import java.util.List;

/** An organisation as its administration page shows it: every field, its aliases and its version. */
public record FicheOrganisation(long id, int version, String nom, String sigle, TypeOrganisation type, String codeInsee,
                                String siren, String codeDepartement, String adresse, boolean actif, Long fusionneeDans,
                                List<String> aliases) {

    public Organisation organisation() {
        return new Organisation(id, nom, sigle, type, codeInsee, siren, codeDepartement);
    }
}
