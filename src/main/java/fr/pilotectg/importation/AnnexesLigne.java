package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.List;

/** A line of the document as the annex analysis reads it: its number, genre and cleaned text. */
record AnnexesLigne(int numero, Ligne.NatureDeLigne genre, String texte) {

    static List<AnnexesLigne> de(DocumentExtrait document) {
        List<AnnexesLigne> lignes = new ArrayList<>();
        for (Ligne l : document.lignes()) {
            String propre = AnnexesTexte.propre(l.texte());
            Ligne.NatureDeLigne genre = propre.isBlank() ? Ligne.NatureDeLigne.VIDE : l.genre();
            if (genre != Ligne.NatureDeLigne.TABLEAU && propre.contains("\t")) {
                genre = Ligne.NatureDeLigne.TABLEAU;
            }
            lignes.add(new AnnexesLigne(l.numero(), genre, propre));
        }
        return lignes;
    }

    List<String> cellules() {
        return AnnexesTexte.cellules(texte);
    }

    List<String> nonVides() {
        return AnnexesTexte.nonVides(cellules());
    }

    String cle() {
        return AnnexesTexte.cle(texte);
    }

    boolean vide() {
        return genre == Ligne.NatureDeLigne.VIDE;
    }

    boolean tableau() {
        return genre == Ligne.NatureDeLigne.TABLEAU;
    }

    /** A lone page number or a row of dashes: noise left by the conversion. */
    boolean bruit() {
        String t = texte.replace("\t", "").strip();
        return t.matches("(?i)(page\\s*)?\\d{1,3}(\\s*/\\s*\\d{1,3})?") || t.matches("[-–—=_|:\\s]+");
    }
}
