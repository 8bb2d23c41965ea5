package fr.pilotectg.diagnostic;

import java.util.Arrays;

import fr.pilotectg.shared.ErreurValidation;

/** The kinds of rows of a diagnostic that can be removed one by one, by the name the API gives them. */
enum LigneDiagnostic {
    TERRITOIRES("territoires", "diagnostic_territoire", "territoire de comparaison (et ses valeurs)", false),
    INDICATEURS("indicateurs", "diagnostic_indicateur", "indicateur (et ses valeurs)", true),
    EAJE("eaje", "diagnostic_eaje", "établissement du tableau des EAJE", true),
    ALSH("alsh", "diagnostic_alsh", "accueil du tableau des ALSH", true),
    FINANCEMENTS("financements", "diagnostic_financement", "ligne de financement", true),
    CHIFFRES_IMPRIMES("chiffres-imprimes", "diagnostic_chiffre_imprime", "chiffre imprimé", false),
    CONSTATS("constats", "diagnostic_constat", "enjeu, besoin ou élément de l'AFOM (et ses liens au plan)", true);

    final String chemin;
    final String table;
    final String libelle;
    /** The rows carry a version (edited on the diagnostic's edit pages): a removal may name the version read. */
    final boolean versionnee;

    LigneDiagnostic(String chemin, String table, String libelle, boolean versionnee) {
        this.chemin = chemin;
        this.table = table;
        this.libelle = libelle;
        this.versionnee = versionnee;
    }

    static LigneDiagnostic depuisChemin(String chemin) {
        return Arrays.stream(values()).filter(l -> l.chemin.equals(chemin)).findFirst()
                .orElseThrow(() -> new ErreurValidation("tableau", "Tableau inconnu ; valeurs possibles : "
                        + String.join(", ", Arrays.stream(values()).map(l -> l.chemin).toList()) + "."));
    }
}
