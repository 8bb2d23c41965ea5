package fr.pilotectg.importation.tableur;

import java.util.ArrayList;
import java.util.List;

/** What an analysis finds while reading a sheet: changes, errors worded with sheet/line/column, warnings. */
final class Constat {

    private final String feuille;
    final List<ApercuTableur.Changement> changements = new ArrayList<>();
    final List<ApercuTableur.Erreur> erreurs = new ArrayList<>();
    final List<String> avertissements = new ArrayList<>();

    Constat(String feuille) {
        this.feuille = feuille;
    }

    void erreur(Integer ligne, String colonne, String message) {
        ajouter(ligne, colonne, message, false);
    }

    void refus(Integer ligne, String colonne, String message) {
        ajouter(ligne, colonne, message, true);
    }

    private void ajouter(Integer ligne, String colonne, String message, boolean droits) {
        String lieu = "Feuille « " + feuille + " »" + (ligne == null ? "" : ", ligne " + ligne)
                + (colonne == null ? "" : ", colonne « " + colonne + " »");
        erreurs.add(new ApercuTableur.Erreur(feuille, ligne, colonne, lieu + " : " + message, droits));
    }

    void changement(int ligne, String reference, String nature, String colonne, String avant, String apres) {
        changements.add(new ApercuTableur.Changement(ligne, reference, nature, colonne, vide(avant), vide(apres)));
    }

    ApercuTableur apercu(String tableau, int lignes) {
        return new ApercuTableur(tableau, feuille, lignes, changements, erreurs, avertissements, false);
    }

    private static String vide(String texte) {
        return texte == null || texte.isEmpty() ? null : texte;
    }

    static String court(String texte) {
        String t = texte == null ? "" : texte;
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
