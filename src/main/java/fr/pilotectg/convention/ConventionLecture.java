package fr.pilotectg.convention;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.Textes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read model of the conventions list: filters, search by name or commune, sorting, pagination. */
@Component
class ConventionLecture {

    private static final Map<String, String> TRIS = Map.of(
            "titre", "c.titre, c.id",
            "debut", "c.date_debut NULLS LAST, c.titre",
            "statut", "c.statut, c.titre",
            "caf", "caf.nom, c.titre");

    private final JdbcClient jdbc;

    ConventionLecture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageDeResultats<ConventionResume> rechercher(UtilisateurConnecte utilisateur, FiltreConventions filtre, int page, int taille) {
        Map<String, Object> params = new HashMap<>(ConventionAcces.parametres(utilisateur));
        StringBuilder where = new StringBuilder(" WHERE c.archivee_le IS NULL AND ").append(ConventionAcces.conditionDeLecture(utilisateur));
        if (filtre.cafId() != null) {
            where.append(" AND c.caf_id = :caf");
            params.put("caf", filtre.cafId());
        }
        if (filtre.departement() != null && !filtre.departement().isBlank()) {
            where.append(" AND c.code_departement = :departement");
            params.put("departement", filtre.departement().trim());
        }
        if (filtre.statut() != null) {
            where.append(" AND c.statut = :statut");
            params.put("statut", filtre.statut().name());
        }
        if (filtre.annee() != null) {
            where.append(" AND c.date_debut <= :finAnnee AND c.date_fin >= :debutAnnee");
            params.put("debutAnnee", Date.valueOf(LocalDate.of(filtre.annee(), 1, 1)));
            params.put("finAnnee", Date.valueOf(LocalDate.of(filtre.annee(), 12, 31)));
        }
        if (filtre.texte() != null && !filtre.texte().isBlank()) {
            // A text block loses its leading indentation: the space before AND must be explicit
            // (the admin's condition is a bare TRUE, and "TRUEAND" is not SQL).
            where.append(" ").append("""
                     AND c.id IN (SELECT t.id FROM convention t WHERE unaccent_simple(t.titre) LIKE :texte
                                  UNION SELECT t.id FROM convention t WHERE unaccent_simple(coalesce(t.territoire_nom, '')) LIKE :texte
                                  UNION SELECT cc.convention_id FROM convention_commune cc WHERE unaccent_simple(cc.nom) LIKE :texte)""");
            // A union of three trigram index lookups (V86): an OR of the three would read every convention (ADR 0027).
            // LIKE wildcards typed by the user are literal text, not patterns.
            params.put("texte", "%" + Textes.plier(filtre.texte()).replace("%", "").replace("_", "") + "%");
        }
        String from = " FROM convention c JOIN organisation caf ON caf.id = c.caf_id" + where;
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<ConventionResume> elements = jdbc.sql("""
                        SELECT c.id, c.titre, c.statut, c.date_debut, c.date_fin, c.duree_annees, caf.nom AS caf_nom,
                               c.territoire_nom, c.code_departement,
                               (SELECT count(*) FROM convention_commune cc WHERE cc.convention_id = c.id) AS nombre_communes
                        """ + from + " ORDER BY " + TRIS.getOrDefault(filtre.tri() == null ? "titre" : filtre.tri(), TRIS.get("titre"))
                        + " LIMIT :limite OFFSET :decalage")
                .params(params).param("limite", taille).param("decalage", (page - 1) * taille)
                .query((rs, i) -> new ConventionResume(rs.getLong("id"), rs.getString("titre"),
                        StatutConvention.valueOf(rs.getString("statut")), rs.getObject("date_debut", LocalDate.class),
                        rs.getObject("date_fin", LocalDate.class), (Integer) rs.getObject("duree_annees"),
                        rs.getString("caf_nom"), rs.getString("territoire_nom"), rs.getString("code_departement"),
                        rs.getInt("nombre_communes")))
                .list();
        return new PageDeResultats<>(elements, total, page, taille);
    }

    List<String> departementsVisibles(UtilisateurConnecte utilisateur) {
        return jdbc.sql("SELECT DISTINCT c.code_departement FROM convention c WHERE c.code_departement IS NOT NULL AND c.archivee_le IS NULL AND "
                        + ConventionAcces.conditionDeLecture(utilisateur) + " ORDER BY 1")
                .params(ConventionAcces.parametres(utilisateur)).query(String.class).list();
    }

    List<Long> cafsVisibles(UtilisateurConnecte utilisateur) {
        return jdbc.sql("SELECT DISTINCT c.caf_id FROM convention c WHERE c.archivee_le IS NULL AND " + ConventionAcces.conditionDeLecture(utilisateur))
                .params(ConventionAcces.parametres(utilisateur)).query(Long.class).list();
    }

    /** Parties and involved organisations of a Caf's conventions, never another Caf (its accounts are its own Caf's). */
    List<Long> organisationsDesConventionsDeLaCaf(long cafId) {
        return jdbc.sql("""
                        SELECT o.id FROM organisation o
                        WHERE o.type <> 'CAF' AND o.id IN (
                            SELECT p.organisation_id FROM convention_partie p JOIN convention c ON c.id = p.convention_id WHERE c.caf_id = :caf
                            UNION SELECT i.organisation_id FROM convention_implication i JOIN convention c ON c.id = i.convention_id
                            WHERE c.caf_id = :caf)""")
                .param("caf", cafId).query(Long.class).list();
    }

    List<Long> organisationsDesConventions() {
        return jdbc.sql("SELECT organisation_id FROM convention_partie UNION SELECT organisation_id FROM convention_implication")
                .query(Long.class).list();
    }
}
