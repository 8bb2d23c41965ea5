package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.List;

/** The general information edited in one form: title, period, signature, visas. */
public record InformationsConvention(String titre, LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees,
                                     String lieuSignature, LocalDate dateSignature, Integer nombreOriginaux,
                                     List<String> visas, boolean tientLieuSchemaAo) {

    public InformationsConvention {
        visas = visas == null ? List.of() : List.copyOf(visas);
    }
}
