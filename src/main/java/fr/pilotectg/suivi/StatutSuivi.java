package fr.pilotectg.suivi;

import java.util.List;

/**
 * A follow-up status of a convention's configurable list. {@code statutEvaluation} tells how an update in this
 * status pre-fills the annual evaluation (REALISE, EN_COURS, NON_REALISE; null = no pre-filling).
 */
public record StatutSuivi(String code, String libelle, Integer avancementDefaut, int ordre, String statutEvaluation, int version) {

    public static final List<String> STATUTS_EVALUATION = List.of("REALISE", "EN_COURS", "NON_REALISE");

    public String libelleEvaluation() {
        if (statutEvaluation == null) {
            return "aucun (décidé par le COPIL)";
        }
        return switch (statutEvaluation) {
            case "REALISE" -> "réalisé";
            case "EN_COURS" -> "en cours de réalisation";
            default -> "non réalisé";
        };
    }
}
