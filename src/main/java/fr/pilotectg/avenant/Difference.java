package fr.pilotectg.avenant;

import java.util.List;

/**
 * One readable change between two versions ("FA12 ajoutée : …", "Article 6 modifié"), with a line diff of the text
 * when a text changed.
 */
public record Difference(Genre genre, String libelle, List<Ligne> lignes) {

    public enum Genre { CONVENTION, PERIODE, PARTIE, SECTION, NOEUD, FICHE, SERVICE, FINANCEMENT, AO }

    /** A line of a text diff: {@code sens} is ' ' (kept), '-' (removed) or '+' (added). */
    public record Ligne(String sens, String texte) {
    }

    public Difference {
        lignes = lignes == null ? List.of() : List.copyOf(lignes);
    }

    static Difference simple(Genre genre, String libelle) {
        return new Difference(genre, libelle, List.of());
    }
}
