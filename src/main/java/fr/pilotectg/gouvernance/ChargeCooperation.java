package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A chargé de coopération: the person, their employer (an organisation of the referential), their total ETP and its
 * split by thématique (the parts add up to the total), the period of the post, how the Caf funds it (as written) and
 * the fiche action that describes the post, if any.
 */
public record ChargeCooperation(String personne, long employeurId, BigDecimal etp, List<PartEtp> repartition,
                                LocalDate dateDebut, LocalDate dateFin, String financementCaf, String fiche) {

    public ChargeCooperation {
        repartition = List.copyOf(repartition);
    }
}
