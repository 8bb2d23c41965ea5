package fr.pilotectg.diagnostic;

/** What an import wrote, in one transaction. */
public record ResultatImport(int lignes, int valeurs, int marqueurs, int territoiresCrees) {
}
