package fr.pilotectg.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Shape of {@code demo/conventions.json}: facts of real conventions, loaded into an empty database. */
record DemoFixture(List<Caf> cafs, List<OrganisationDemo> organisations, List<ConventionDemo> conventions, List<Compte> comptes) {

    record OrganisationDemo(String cle, String nom, String type, String departement) {
    }

    record Caf(String cle, String nom, String departement) {
    }

    record ConventionDemo(String cle, String titre, String caf, String epci, LocalDate dateDebut, LocalDate dateFin,
                          SignatureDemo signature, boolean tientLieuSchemaAo, List<String> statuts, List<String> visas,
                          Map<String, PersonneDemo> personnes, List<PartieDemo> parties) {
    }

    record SignatureDemo(String lieu, LocalDate date, Integer nombreOriginaux) {
    }

    record PersonneDemo(String civilite, String prenom, String nom) {
    }

    /** Exactly one of caf (a key of cafs), epci (the convention's EPCI) or commune (a name as the document spells it). */
    record PartieDemo(String caf, Boolean epci, String commune, String departement, String role,
                      List<RepresentantDemo> representants, DeliberationDemo deliberation) {
    }

    /** Either a key of personnes (one person, several mandates) or the person's names. */
    record RepresentantDemo(String personne, String civilite, String prenom, String nom, String fonction) {
    }

    record DeliberationDemo(String instance, LocalDate date, String dateTexte) {
    }

    /** The account's organisation: a Caf (caf), the EPCI of a convention (epciDe) or another organisation (organisation). */
    record Compte(String identifiant, String nom, String role, String caf, String epciDe, String organisation,
                  List<String> habilitations) {
    }
}
