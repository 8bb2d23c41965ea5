package fr.pilotectg.offre;

import java.util.List;

/** A row of the annex as typed or imported: the supporting collectivité(s) of that row. */
public record NouveauService(TypeService type, String typeImprime, String nom, String gestionnaire, String adresse,
                             String commune, Integer capacite, Boolean horsBonusTerritoire, List<String> collectivitesSoutien) {
}
