package fr.pilotectg.importation.tableur;

import java.util.List;

/**
 * What an uploaded table changes (or changed, once {@code applique}): one entry per change, row by row, and the
 * errors that block the whole import (nothing is written while there is one).
 */
public record ApercuTableur(String tableau, String feuille, int lignesLues, List<Changement> changements,
                            List<Erreur> erreurs, List<String> avertissements, boolean applique) {

    public ApercuTableur {
        changements = List.copyOf(changements);
        erreurs = List.copyOf(erreurs);
        avertissements = List.copyOf(avertissements);
    }

    /** Nature: « fiche créée », « champ modifié » or « mise à jour ajoutée »; {@code colonne} null for a whole row. */
    public record Changement(int ligne, String reference, String nature, String colonne, String avant, String apres) {
    }

    /** An error of a cell or a row; {@code message} reads « Feuille « X », ligne N, colonne « C » : … ». */
    public record Erreur(String feuille, Integer ligne, String colonne, String message, boolean droits) {
    }

    public boolean applicable() {
        return erreurs.isEmpty();
    }
}
