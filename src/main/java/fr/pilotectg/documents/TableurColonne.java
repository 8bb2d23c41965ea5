package fr.pilotectg.documents;

import java.util.List;

/**
 * A column of an exported table: its header, its width in characters and, for a status, the values a user may
 * choose from (a drop-down list in the spreadsheet, so that the file sent back holds known values).
 */
public record TableurColonne(String titre, int largeur, List<String> valeursPermises) {

    public TableurColonne {
        valeursPermises = valeursPermises == null ? List.of() : List.copyOf(valeursPermises);
    }

    static TableurColonne de(String titre, int largeur) {
        return new TableurColonne(titre, largeur, List.of());
    }

    static TableurColonne liste(String titre, int largeur, List<String> valeurs) {
        return new TableurColonne(titre, largeur, valeurs);
    }
}
