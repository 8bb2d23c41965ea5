package fr.pilotectg.documents;

import java.util.List;

/**
 * One sheet of an exported table. A cell is a {@link String} (text, kept as text even when it looks like a number:
 * a statistical marker "&lt;5" is never 0), a {@link Number}, a {@link java.time.LocalDate} or null (empty).
 */
public record TableurFeuille(String nom, List<TableurColonne> colonnes, List<List<Object>> lignes) {

    public TableurFeuille {
        colonnes = List.copyOf(colonnes);
    }
}
