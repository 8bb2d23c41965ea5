package fr.pilotectg.diagnostic;

import java.util.List;

/** A total or an evolution as the document printed it, whether or not its rows add up to it. */
public record ChiffreImprime(Long id, TableauImprime tableau, String cle, Integer annee, Valeur valeur,
                             List<String> composantes, String emplacement) {

    public ChiffreImprime {
        composantes = composantes == null ? List.of() : List.copyOf(composantes);
    }
}
