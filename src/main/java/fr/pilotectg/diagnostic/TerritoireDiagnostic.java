package fr.pilotectg.diagnostic;

import java.util.List;

/**
 * A territory of the diagnostic. Referential ones carry their code (INSEE, SIREN, département); those the
 * convention defines (QPV, bassin de vie, "EPCI sans ville-centre") carry the INSEE codes of their communes.
 */
public record TerritoireDiagnostic(Long id, String cle, TypeTerritoire type, String nom, String code, List<String> communes) {

    public TerritoireDiagnostic {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }
}
