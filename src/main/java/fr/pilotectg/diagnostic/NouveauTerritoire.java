package fr.pilotectg.diagnostic;

import java.util.List;

/**
 * A territory the diagnostic compares: from the referential (COMMUNE, EPCI, DEPARTEMENT with their code; FRANCE),
 * or defined by the convention (QPV, BASSIN_DE_VIE, SOUS_TERRITOIRE, AUTRE) with its communes by name or INSEE code.
 */
public record NouveauTerritoire(String cle, TypeTerritoire type, String nom, String code, List<String> communes) {
}
