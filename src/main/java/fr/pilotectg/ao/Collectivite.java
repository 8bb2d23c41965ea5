package fr.pilotectg.ao;

/** A collectivité that may hold competences: the convention's EPCI (by SIREN) or one of its communes (by INSEE code). */
public record Collectivite(String code, String nom, TypeCollectivite type, Integer population) {
}
