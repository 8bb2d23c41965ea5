package fr.pilotectg.offre;

import java.util.List;

/**
 * A row of the annex as typed or imported: the supporting collectivité(s) of that row.
 *
 * @param sousType a finer kind as printed ("multi-accueil", "crèche familiale", "itinérant"), optional
 * @param codePostal the postal code printed with the address; settles a commune name shared by several communes
 */
public record NouveauService(TypeService type, String typeImprime, String sousType, String nom, String gestionnaire,
                             String adresse, String codePostal, String commune, Integer capacite, Boolean horsBonusTerritoire,
                             List<String> collectivitesSoutien) {
}
