package fr.pilotectg.gouvernance;

import java.math.BigDecimal;

/** The share of a chargé de coopération's time spent on one thématique, in ETP. */
public record PartEtp(String thematique, BigDecimal etp) {
}
