package fr.pilotectg.diagnostic;

import java.util.Arrays;

import fr.pilotectg.shared.ErreurValidation;

/** The kinds of rows of a diagnostic that can be removed one by one, by the name the API gives them. */
enum LigneDiagnostic {
    TERRITOIRES("territoires", "diagnostic_territoire", "territoire de comparaison (et ses valeurs)"),
    INDICATEURS("indicateurs", "diagnostic_indicateur", "indicateur (et ses valeurs)"),
    EAJE("eaje", "diagnostic_eaje", "établissement du tableau des EAJE"),
    ALSH("alsh", "diagnostic_alsh", "accueil du tableau des ALSH"),
    FINANCEMENTS("financements", "diagnostic_financement", "ligne de financement"),
    CHIFFRES_IMPRIMES("chiffres-imprimes", "diagnostic_chiffre_imprime", "chiffre imprimé"),
    CONSTATS("constats", "diagnostic_constat", "enjeu, besoin ou élément de l'AFOM (et ses liens au plan)");

    final String chemin;
    final String table;
    final String libelle;

    LigneDiagnostic(String chemin, String table, String libelle) {
        this.chemin = chemin;
        this.table = table;
        this.libelle = libelle;
    }

    static LigneDiagnostic depuisChemin(String chemin) {
        return Arrays.stream(values()).filter(l -> l.chemin.equals(chemin)).findFirst()
                .orElseThrow(() -> new ErreurValidation("tableau", "Tableau inconnu ; valeurs possibles : "
                        + String.join(", ", Arrays.stream(values()).map(l -> l.chemin).toList()) + "."));
    }
}
