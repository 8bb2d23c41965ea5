package fr.pilotectg.organisation;

public record NouvelleOrganisation(String nom, String sigle, TypeOrganisation type,
                                   String codeInsee, String siren, String codeDepartement) {

    public static NouvelleOrganisation commune(String nom, String codeInsee, String codeDepartement) {
        return new NouvelleOrganisation(nom, null, TypeOrganisation.COMMUNE, codeInsee, null, codeDepartement);
    }

    public static NouvelleOrganisation epci(String nom, String siren, String codeDepartement) {
        return new NouvelleOrganisation(nom, null, TypeOrganisation.EPCI, null, siren, codeDepartement);
    }
}
