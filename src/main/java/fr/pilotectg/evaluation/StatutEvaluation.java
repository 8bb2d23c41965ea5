package fr.pilotectg.evaluation;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/**
 * Status of a fiche in the annual grid, with the colour code of the annex "Évaluation annuelle" (green
 * réalisé, orange en cours, red non réalisé, greyed non concerné). The colour is never shown without its label.
 */
public enum StatutEvaluation {
    REALISE("réalisé", "eval-realise", "#1e6b30"),
    EN_COURS("en cours de réalisation", "eval-en-cours", "#8a4b00"),
    NON_REALISE("non réalisé", "eval-non-realise", "#a4262c"),
    NON_CONCERNE("non concerné", "eval-non-concerne", "#5c636a");

    private final String libelle;
    private final String classe;
    private final String couleur;

    StatutEvaluation(String libelle, String classe, String couleur) {
        this.libelle = libelle;
        this.classe = classe;
        this.couleur = couleur;
    }

    public String libelle() {
        return libelle;
    }

    /** CSS class carrying the colour of the code. */
    public String classe() {
        return classe;
    }

    /** The colour of the code for charts: bars on white, with white figures written on them (4.5:1). */
    public String couleur() {
        return couleur;
    }

    /** The status typed or sent (code, any case); anything else is refused, naming the field "statut". */
    static StatutEvaluation lire(String saisie) {
        if (saisie == null || saisie.isBlank()) {
            throw new ErreurValidation("statut", "Le statut est obligatoire : " + liste() + ".");
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(saisie.trim())).findFirst()
                .orElseThrow(() -> new ErreurValidation("statut", "Statut « " + saisie.trim() + " » inconnu : choisissez "
                        + liste() + "."));
    }

    private static String liste() {
        return Arrays.stream(values()).map(s -> s.libelle + " (" + s.name() + ")").collect(Collectors.joining(", "));
    }
}
