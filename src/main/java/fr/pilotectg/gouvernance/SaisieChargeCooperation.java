package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A chargé de coopération as sent: the employer by id or by name, the ETP and its split by thématique. */
public record SaisieChargeCooperation(String personne, Long employeurId, String employeur, BigDecimal etp,
                                      List<PartEtp> repartition, LocalDate dateDebut, LocalDate dateFin,
                                      String financementCaf, String fiche) {
}
