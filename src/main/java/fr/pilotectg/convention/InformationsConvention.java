package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.List;

/**
 * The general information edited in one form: title, period (with its printed wording and renewal mode),
 * signature (with the number of originals as printed), visas.
 */
public record InformationsConvention(String titre, LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees,
                                     String lieuSignature, LocalDate dateSignature, Integer nombreOriginaux,
                                     List<String> visas, boolean tientLieuSchemaAo, String periodeLibelle,
                                     Reconduction reconduction, String nombreOriginauxTexte) {

    public InformationsConvention {
        visas = visas == null ? List.of() : List.copyOf(visas);
    }

    public InformationsConvention(String titre, LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees,
                                  String lieuSignature, LocalDate dateSignature, Integer nombreOriginaux,
                                  List<String> visas, boolean tientLieuSchemaAo) {
        this(titre, dateDebut, dateFin, dureeAnnees, lieuSignature, dateSignature, nombreOriginaux, visas,
                tientLieuSchemaAo, null, null, null);
    }
}
