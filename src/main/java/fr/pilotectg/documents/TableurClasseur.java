package fr.pilotectg.documents;

import java.util.List;

/** An exported table: its French file name (without extension) and its sheets; a CSV holds the first sheet. */
public record TableurClasseur(String nomFichier, List<TableurFeuille> feuilles) {

    public TableurClasseur {
        feuilles = List.copyOf(feuilles);
    }

    public TableurFeuille premiereFeuille() {
        return feuilles.get(0);
    }
}
