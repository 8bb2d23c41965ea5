package fr.pilotectg.ao;

/** A commune that transferred a competence to the EPCI, with its population from the referential. */
public record CommuneTransferante(String codeInsee, String nom, Integer population) {
}
