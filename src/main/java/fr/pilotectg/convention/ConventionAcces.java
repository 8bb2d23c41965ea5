package fr.pilotectg.convention;

import java.util.Map;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read or change which convention (habilitation by organisation and by convention, Art. 9 of
 * the national model). The same rule serves pages, API and list queries.
 */
@Component
public class ConventionAcces {

    private final JdbcClient jdbc;

    ConventionAcces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL condition on a convention aliased {@code c}; its parameters come from {@link #parametres}. */
    static String conditionDeLecture(UtilisateurConnecte utilisateur) {
        String habilitee = "EXISTS (SELECT 1 FROM convention_habilitation h WHERE h.convention_id = c.id AND h.utilisateur_id = :acces_utilisateur)";
        String partie = "EXISTS (SELECT 1 FROM convention_partie p WHERE p.convention_id = c.id AND p.organisation_id = :acces_organisation)";
        String impliquee = "EXISTS (SELECT 1 FROM convention_implication i WHERE i.convention_id = c.id AND i.organisation_id = :acces_organisation)";
        return switch (utilisateur.role()) {
            case ADMIN -> "TRUE";
            case AGENT_CAF -> "(c.caf_id = :acces_organisation OR " + habilitee + ")";
            case CHARGE_COOPERATION -> "(" + partie + " OR " + habilitee + ")";
            case PORTEUR -> "(" + partie + " OR " + impliquee + " OR " + habilitee + ")";
            case LECTEUR -> habilitee;
        };
    }

    static Map<String, Object> parametres(UtilisateurConnecte utilisateur) {
        return Map.of("acces_utilisateur", utilisateur.id(),
                "acces_organisation", utilisateur.organisationId() == null ? -1L : utilisateur.organisationId());
    }

    /**
     * The reading rule as an SQL condition on a convention aliased {@code c}, with its named parameters, for another
     * feature's list query: one statement for all the conventions a page shows instead of one check per convention.
     */
    public ConditionDeLecture conditionDeLecturePour(UtilisateurConnecte utilisateur) {
        return new ConditionDeLecture(conditionDeLecture(utilisateur), parametres(utilisateur));
    }

    /** An SQL condition on {@code c} (a convention) and the parameters it names. */
    public record ConditionDeLecture(String sql, Map<String, Object> parametres) {
    }

    public boolean peutLire(UtilisateurConnecte utilisateur, long conventionId) {
        return jdbc.sql("SELECT count(*) FROM convention c WHERE c.id = :id AND " + conditionDeLecture(utilisateur))
                .param("id", conventionId).params(parametres(utilisateur))
                .query(Long.class).single() > 0;
    }

    public boolean peutModifier(UtilisateurConnecte utilisateur, Convention convention) {
        return switch (utilisateur.role()) {
            case ADMIN -> true;
            case AGENT_CAF -> utilisateur.organisationId() != null && convention.cafId() == utilisateur.organisationId();
            case CHARGE_COOPERATION -> utilisateur.organisationId() != null && convention.estPartie(utilisateur.organisationId());
            case PORTEUR, LECTEUR -> false;
        };
    }

    public void verifierLecture(UtilisateurConnecte utilisateur, long conventionId) {
        if (!peutLire(utilisateur, conventionId)) {
            throw new AccesRefuse("Vous n'avez pas accès à cette convention.");
        }
    }

    void verifierModification(UtilisateurConnecte utilisateur, Convention convention) {
        verifierLecture(utilisateur, convention.id());
        if (!peutModifier(utilisateur, convention)) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas la modifier.");
        }
    }
}
