package fr.pilotectg.offre;

import java.util.List;

/**
 * A facility or service of the annex, with the collectivités that support it (one leisure centre listed
 * under eight communes is one service with eight supporters).
 */
public record ServiceSoutenu(Long id, long conventionId, TypeService type, String typeImprime, String nom,
                             String gestionnaire, String adresse, String commune, String codeInsee, Integer capacite,
                             boolean horsBonusTerritoire, List<String> collectivitesSoutien) {

    public ServiceSoutenu {
        collectivitesSoutien = collectivitesSoutien == null ? List.of() : List.copyOf(collectivitesSoutien);
    }
}
