package fr.pilotectg.offre;

import java.util.List;

/**
 * A facility or service of the annex, with the collectivités that support it (one leisure centre listed
 * under eight communes is one service with eight supporters).
 *
 * @param commune the referential name when the commune resolved (codeInsee set), else the name as printed
 * @param communeNote how a former name led to the current commune ("« A » a fusionné dans « B » …"), or null
 */
public record ServiceSoutenu(Long id, long conventionId, TypeService type, String typeImprime, String sousType, String nom,
                             String gestionnaire, String adresse, String codePostal, String commune, String codeInsee,
                             String communeNote, Integer capacite, boolean horsBonusTerritoire, List<String> collectivitesSoutien,
                             int version) {

    public ServiceSoutenu {
        collectivitesSoutien = collectivitesSoutien == null ? List.of() : List.copyOf(collectivitesSoutien);
    }

    /** A commune was given but matches no commune of the referential (or several): shown as "commune non reconnue". */
    public boolean communeNonReconnue() {
        return commune != null && codeInsee == null;
    }

    /** The warning shown with the row, or null. */
    public String avertissement() {
        return communeNonReconnue() ? "Commune non reconnue : « " + commune + " » ne correspond à aucune commune du référentiel"
                + " (ou à plusieurs). Corrigez la commune ou indiquez le code postal." : null;
    }
}
