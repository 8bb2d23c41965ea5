package fr.pilotectg.diagnostic;

import java.util.List;
import java.util.UUID;

import fr.pilotectg.shared.ErreurValidation;

/**
 * What an uploaded CSV would import: counts, its first lines, and every error by line and column. The token
 * confirms it; there is none when the file has errors (nothing can be imported then).
 */
public record ApercuImport(UUID jeton, String nomFichier, int lignes, int valeurs, int marqueurs, List<String> nouveauxTerritoires,
                           List<String> colonnes, List<List<String>> premieresLignes, List<ErreurValidation.Erreur> erreurs,
                           int nombreErreurs) {

    public boolean importable() {
        return jeton != null;
    }
}
