package fr.pilotectg.importation.tableur;

import java.util.List;

/** A sheet read from an uploaded spreadsheet: its name, its header cells and its non-empty rows (cells as text). */
public record FeuilleLue(String nom, List<String> entetes, List<LigneLue> lignes) {

    public FeuilleLue {
        entetes = List.copyOf(entetes);
        lignes = List.copyOf(lignes);
    }

    /** A row with its number as the spreadsheet shows it (the header is line 1). */
    public record LigneLue(int numero, List<String> cellules) {

        public LigneLue {
            cellules = List.copyOf(cellules);
        }

        public String cellule(Integer index) {
            return index == null || index >= cellules.size() ? "" : cellules.get(index);
        }
    }
}
