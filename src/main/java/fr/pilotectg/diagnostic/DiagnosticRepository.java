package fr.pilotectg.diagnostic;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class DiagnosticRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DiagnosticRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // --- territories, indicators, values

    List<TerritoireDiagnostic> territoires(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_territoire WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new TerritoireDiagnostic(rs.getLong("id"), rs.getString("cle"), TypeTerritoire.valueOf(rs.getString("type")),
                        rs.getString("nom"), rs.getString("code"), textes(rs.getArray("communes"))))
                .list();
    }

    long insererTerritoire(long conventionId, TerritoireDiagnostic t) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_territoire (convention_id, cle, type, nom, code, communes)
                        VALUES (:c, :cle, :type, :nom, :code, CAST(:communes AS TEXT[])) RETURNING id""")
                .param("c", conventionId).param("cle", t.cle()).param("type", t.type().name()).param("nom", t.nom())
                .param("code", t.code()).param("communes", litteralTableau(t.communes()))
                .query(Long.class).single();
    }

    List<Indicateur> indicateurs(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_indicateur WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new Indicateur(rs.getLong("id"), rs.getString("code"), rs.getString("libelle"), rs.getString("unite"),
                        rs.getString("definition"), rs.getString("thematique"), rs.getString("numerateur_code"),
                        rs.getString("denominateur_code")))
                .list();
    }

    long enregistrerIndicateur(long conventionId, Indicateur i) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_indicateur (convention_id, code, libelle, unite, definition, thematique,
                                                           numerateur_code, denominateur_code)
                        VALUES (:c, :code, :libelle, :unite, :definition, :thematique, :num, :den)
                        ON CONFLICT (convention_id, code) DO UPDATE SET libelle = EXCLUDED.libelle, unite = EXCLUDED.unite,
                            definition = EXCLUDED.definition, thematique = EXCLUDED.thematique,
                            numerateur_code = EXCLUDED.numerateur_code, denominateur_code = EXCLUDED.denominateur_code,
                            version = diagnostic_indicateur.version + CASE WHEN (diagnostic_indicateur.libelle,
                                diagnostic_indicateur.unite, diagnostic_indicateur.definition, diagnostic_indicateur.thematique,
                                diagnostic_indicateur.numerateur_code, diagnostic_indicateur.denominateur_code)
                                IS DISTINCT FROM (EXCLUDED.libelle, EXCLUDED.unite, EXCLUDED.definition, EXCLUDED.thematique,
                                EXCLUDED.numerateur_code, EXCLUDED.denominateur_code) THEN 1 ELSE 0 END
                        RETURNING id""")
                .param("c", conventionId).param("code", i.code()).param("libelle", i.libelle()).param("unite", i.unite())
                .param("definition", i.definition()).param("thematique", i.thematique())
                .param("num", i.numerateur()).param("den", i.denominateur())
                .query(Long.class).single();
    }

    List<ValeurBrute> valeurs(long conventionId) {
        return jdbc.sql("""
                        SELECT v.* FROM diagnostic_valeur v JOIN diagnostic_indicateur i ON i.id = v.indicateur_id
                        WHERE i.convention_id = :c ORDER BY v.indicateur_id, v.periode DESC, v.territoire_id, v.source COLLATE "C"
                        """)
                .param("c", conventionId)
                .query((rs, i) -> new ValeurBrute(rs.getLong("indicateur_id"), rs.getLong("territoire_id"), rs.getString("periode"),
                        rs.getString("source"), intervalleOuValeur(rs), rs.getString("note")))
                .list();
    }

    /** Per indicator: how many values, its latest non-blank period, and its sources and periods in the order of its values. */
    record Resume(int nombre, String derniere, List<String[]> sourcesEtPeriodes) {
    }

    /**
     * The stored summary of each indicator of the convention (ADR 0048): its count, latest period and (source, period)
     * pairs, each pair where it first appears in the usual order of the values. An indicator whose summary was never
     * computed maps to null.
     */
    Map<Long, Resume> resumes(long conventionId) {
        Map<Long, Resume> resumes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT i.id, r.nombre, r.derniere, r.sources, r.periodes
                        FROM diagnostic_indicateur i LEFT JOIN diagnostic_resume r ON r.indicateur_id = i.id
                        WHERE i.convention_id = :c""")
                .param("c", conventionId)
                .query(rs -> {
                    if (rs.getObject("nombre") == null) {
                        resumes.put(rs.getLong("id"), null);
                        return;
                    }
                    List<String> sources = textes(rs.getArray("sources"));
                    List<String> periodes = textes(rs.getArray("periodes"));
                    List<String[]> paires = new ArrayList<>();
                    for (int k = 0; k < sources.size(); k++) {
                        paires.add(new String[]{sources.get(k), periodes.get(k)});
                    }
                    resumes.put(rs.getLong("id"), new Resume(rs.getInt("nombre"), rs.getString("derniere"), paires));
                });
        return resumes;
    }

    /**
     * What the recomputation asks of the values of some indicators ({@code indicateurs}, all of the convention): which
     * are rates compared with other territories, which have a bound (100 for %, 1 000 for ‰), which are a ratio's terms
     * and which ratios are in % (numerator × 100).
     */
    record Selection(long conventionId, List<Long> indicateurs, List<Long> comparees, List<Long> pourcent, List<Long> pourmille,
                     List<Long> termes, List<Long> centuples) {
    }

    /**
     * A value read for the page: shown ({@code affichee}) or only flagged; with the numerator and denominator of a ratio
     * for the same territory and period, and the lowest and highest positive value of the other territories for that
     * period (all the plausibility check uses of them).
     */
    record ValeurLue(ValeurBrute valeur, boolean affichee, BigDecimal numerateur, BigDecimal denominateur, BigDecimal autresMin,
                     BigDecimal autresMax) {
    }

    /**
     * Serialises the recomputations of a convention's summaries (ADR 0048): a write waits here for the one before it to
     * commit, so that its recomputation sees the values of both. Taken before writing the values, so that two writers
     * never wait for each other's rows while holding it.
     */
    void verrouillerResumes(long conventionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:classe, CAST(:c AS INTEGER))").param("classe", VERROU_RESUMES).param("c", conventionId)
                .query((RowCallbackHandler) rs -> { });
    }

    /** The first key of the advisory lock of the summaries ("DIAG"); the second one is the convention. */
    private static final int VERROU_RESUMES = 0x44494147;

    /**
     * Recomputes the summaries and the values read by the page of {@code s.indicateurs()}, from all their values: the
     * summary (count, latest period, sources and periods), then the values the page shows (all of an indicator's when it
     * has at most {@code max}; otherwise up to {@code max} of its latest period, territories that are not communes
     * first) and those it may flag: a value out of its bound, ten times above or below the other territories, or a ratio
     * that may differ from its recomputation (a generous margin: the service recomputes exactly and keeps only the real
     * écarts). Three statements whatever the number of indicators; runs in the caller's transaction.
     */
    void recalculer(Selection s, int max) {
        jdbc.sql("""
                        INSERT INTO diagnostic_resume (indicateur_id, nombre, derniere, sources, periodes)
                        SELECT ids.id, coalesce(r.nombre, 0), coalesce(r.derniere, ''), coalesce(r.sources, '{}'), coalesce(r.periodes, '{}')
                        FROM unnest(CAST(:ids AS BIGINT[])) AS ids (id)
                        LEFT JOIN (SELECT g.indicateur_id, sum(g.nombre) AS nombre,
                                          max(g.periode COLLATE "C") FILTER (WHERE g.periode ~ '[^[:space:]]') AS derniere,
                                          array_agg(g.source ORDER BY g.premier, g.periode COLLATE "C" DESC, g.source COLLATE "C") AS sources,
                                          array_agg(g.periode ORDER BY g.premier, g.periode COLLATE "C" DESC, g.source COLLATE "C") AS periodes
                                   FROM (SELECT v.indicateur_id, v.source, v.periode, count(*) AS nombre,
                                                min(ARRAY[array_position(CAST(:types AS TEXT[]), t.type)::BIGINT, v.territoire_id]) AS premier
                                         FROM diagnostic_valeur v JOIN diagnostic_territoire t ON t.id = v.territoire_id
                                         WHERE v.indicateur_id = ANY (CAST(:ids AS BIGINT[]))
                                         GROUP BY v.indicateur_id, v.source, v.periode) g
                                   GROUP BY g.indicateur_id) r ON r.indicateur_id = ids.id
                        ON CONFLICT (indicateur_id) DO UPDATE SET nombre = EXCLUDED.nombre, derniere = EXCLUDED.derniere,
                            sources = EXCLUDED.sources, periodes = EXCLUDED.periodes""")
                .param("ids", entiers(s.indicateurs())).param("types", new SqlArrayValue("text", (Object[]) TYPES))
                .update();
        jdbc.sql("DELETE FROM diagnostic_valeur_lue WHERE indicateur_id = ANY (CAST(:ids AS BIGINT[]))")
                .param("ids", entiers(s.indicateurs())).update();
        jdbc.sql("""
                        INSERT INTO diagnostic_valeur_lue (indicateur_id, territoire_id, periode, source, affichee, numerateur,
                                                           denominateur, autres_min, autres_max)
                        WITH recentes AS (
                            SELECT r.indicateur_id, r.territoire_id, r.periode, r.source
                            FROM (SELECT v.indicateur_id, v.territoire_id, v.periode, v.source,
                                         row_number() OVER (PARTITION BY v.indicateur_id ORDER BY t.type = 'COMMUNE',
                                             array_position(CAST(:types AS TEXT[]), t.type), v.territoire_id, v.source COLLATE "C") AS rang
                                  FROM diagnostic_resume d
                                  JOIN diagnostic_valeur v ON v.indicateur_id = d.indicateur_id AND v.periode = d.derniere
                                  JOIN diagnostic_territoire t ON t.id = v.territoire_id
                                  WHERE d.indicateur_id = ANY (CAST(:ids AS BIGINT[])) AND d.nombre > :max) r
                            WHERE r.rang <= :max
                        ), periodes AS (
                            SELECT e.indicateur_id, e.periode, (array_agg(e.bas ORDER BY e.bas))[1] AS min1,
                                   (array_agg(e.bas ORDER BY e.bas))[2] AS min2, (array_agg(e.haut ORDER BY e.haut DESC))[1] AS max1,
                                   (array_agg(e.haut ORDER BY e.haut DESC))[2] AS max2
                            FROM (SELECT indicateur_id, periode, territoire_id, min(valeur) AS bas, max(valeur) AS haut
                                  FROM diagnostic_valeur
                                  WHERE indicateur_id = ANY (CAST(:comparees AS BIGINT[])) AND valeur > 0 AND valeur_max IS NULL
                                  GROUP BY indicateur_id, periode, territoire_id) e
                            GROUP BY e.indicateur_id, e.periode
                        ), termes AS (
                            SELECT DISTINCT ON (indicateur_id, territoire_id, periode) indicateur_id, territoire_id, periode, valeur
                            FROM diagnostic_valeur WHERE indicateur_id = ANY (CAST(:termes AS BIGINT[]))
                            ORDER BY indicateur_id, territoire_id, periode, source COLLATE "C"
                        ), lues AS (
                            SELECT v.*, rc.indicateur_id IS NOT NULL OR d.nombre <= :max AS affichee,
                                   n.valeur AS numerateur, de.valeur AS denominateur,
                                   -- the extremes of the other territories: the second one when this territory holds the first
                                   CASE WHEN min(v.valeur) FILTER (WHERE v.valeur > 0 AND v.valeur_max IS NULL) OVER territoire = p.min1
                                        THEN p.min2 ELSE p.min1 END AS autres_min,
                                   CASE WHEN max(v.valeur) FILTER (WHERE v.valeur > 0 AND v.valeur_max IS NULL) OVER territoire = p.max1
                                        THEN p.max2 ELSE p.max1 END AS autres_max,
                                   CASE WHEN v.indicateur_id = ANY (CAST(:centuples AS BIGINT[])) THEN 100 ELSE 1 END AS facteur
                            FROM diagnostic_valeur v JOIN diagnostic_indicateur i ON i.id = v.indicateur_id
                            JOIN diagnostic_resume d ON d.indicateur_id = v.indicateur_id
                            LEFT JOIN recentes rc ON (rc.indicateur_id, rc.territoire_id, rc.periode, rc.source)
                                                   = (v.indicateur_id, v.territoire_id, v.periode, v.source)
                            LEFT JOIN periodes p ON p.indicateur_id = v.indicateur_id AND p.periode = v.periode
                            LEFT JOIN diagnostic_indicateur ni ON ni.convention_id = i.convention_id AND ni.code = i.numerateur_code
                                                              AND i.denominateur_code IS NOT NULL
                            LEFT JOIN diagnostic_indicateur di ON di.convention_id = i.convention_id AND di.code = i.denominateur_code
                                                              AND i.numerateur_code IS NOT NULL
                            LEFT JOIN termes n ON n.indicateur_id = ni.id AND n.territoire_id = v.territoire_id AND n.periode = v.periode
                            LEFT JOIN termes de ON de.indicateur_id = di.id AND de.territoire_id = v.territoire_id AND de.periode = v.periode
                            WHERE v.indicateur_id = ANY (CAST(:ids AS BIGINT[]))
                            WINDOW territoire AS (PARTITION BY v.indicateur_id, v.periode, v.territoire_id)
                        )
                        SELECT l.indicateur_id, l.territoire_id, l.periode, l.source, l.affichee, l.numerateur, l.denominateur,
                               l.autres_min, l.autres_max
                        FROM lues l
                        WHERE l.affichee OR (l.valeur IS NOT NULL AND (
                               (l.indicateur_id = ANY (CAST(:pourcent AS BIGINT[])) AND (coalesce(l.valeur_max, l.valeur) > 100 OR l.valeur < 0))
                            OR (l.indicateur_id = ANY (CAST(:pourmille AS BIGINT[])) AND (coalesce(l.valeur_max, l.valeur) > 1000 OR l.valeur < 0))
                            OR (l.valeur > 0 AND (l.valeur >= 10 * l.autres_max OR coalesce(l.valeur_max, l.valeur) * 10 <= l.autres_min))
                            OR (l.numerateur IS NOT NULL AND l.denominateur IS NOT NULL AND l.denominateur <> 0 AND (l.valeur_max IS NOT NULL
                                OR abs(l.numerateur * l.facteur / l.denominateur - l.valeur)
                                   >= 0.5 * power(10::NUMERIC, -scale(l.valeur)) - 0.000001))))
                        """)
                .param("types", new SqlArrayValue("text", (Object[]) TYPES)).param("max", max)
                .param("ids", entiers(s.indicateurs()))
                .param("comparees", entiers(s.comparees())).param("pourcent", entiers(s.pourcent()))
                .param("pourmille", entiers(s.pourmille())).param("termes", entiers(s.termes()))
                .param("centuples", entiers(s.centuples()))
                .update();
    }

    /**
     * The values the diagnostic page reads, as the last recomputation chose them (ADR 0048): as many rows as it shows
     * and flags, whatever the number of values.
     */
    List<ValeurLue> valeursLues(long conventionId) {
        return jdbc.sql("""
                        SELECT v.*, l.affichee, l.numerateur, l.denominateur, l.autres_min, l.autres_max
                        FROM diagnostic_valeur_lue l JOIN diagnostic_indicateur i ON i.id = l.indicateur_id
                        JOIN diagnostic_territoire t ON t.id = l.territoire_id
                        JOIN diagnostic_valeur v ON (v.indicateur_id, v.territoire_id, v.periode, v.source)
                                                  = (l.indicateur_id, l.territoire_id, l.periode, l.source)
                        WHERE i.convention_id = :c
                        ORDER BY l.indicateur_id, array_position(CAST(:types AS TEXT[]), t.type), l.territoire_id,
                                 l.periode COLLATE "C" DESC, l.source COLLATE "C"
                        """)
                .param("c", conventionId).param("types", new SqlArrayValue("text", (Object[]) TYPES))
                .query((rs, i) -> new ValeurLue(new ValeurBrute(rs.getLong("indicateur_id"), rs.getLong("territoire_id"),
                        rs.getString("periode"), rs.getString("source"), intervalleOuValeur(rs), rs.getString("note")),
                        rs.getBoolean("affichee"), rs.getBigDecimal("numerateur"), rs.getBigDecimal("denominateur"),
                        rs.getBigDecimal("autres_min"), rs.getBigDecimal("autres_max")))
                .list();
    }

    private static SqlArrayValue entiers(List<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }

    /** The kinds of territory in the order the values are shown. */
    private static final String[] TYPES = Arrays.stream(TypeTerritoire.values()).map(Enum::name).toArray(String[]::new);

    /**
     * Writes the values with COPY into a temporary table, then one upsert: a value already there for the same
     * indicator, territory, period and source is replaced. Runs in the caller's transaction.
     */
    int copierValeurs(List<ValeurBrute> valeurs) {
        jdbc.sql("""
                CREATE TEMPORARY TABLE IF NOT EXISTS diagnostic_valeur_import_v2 (indicateur_id BIGINT, territoire_id BIGINT,
                    periode TEXT, source TEXT, valeur NUMERIC, valeur_max NUMERIC, marqueur TEXT, note TEXT) ON COMMIT DELETE ROWS""").update();
        StringBuilder lignes = new StringBuilder(valeurs.size() * 48);
        for (ValeurBrute v : valeurs) {
            lignes.append(v.indicateurId()).append('\t').append(v.territoireId()).append('\t');
            champ(lignes, v.periode()).append('\t');
            champ(lignes, v.source()).append('\t');
            champ(lignes, v.valeur().estNombre() ? v.valeur().nombre().toPlainString() : null).append('\t');
            champ(lignes, v.valeur().estIntervalle() ? v.valeur().max().toPlainString() : null).append('\t');
            champ(lignes, v.valeur().estNombre() ? null : v.valeur().marqueur().code()).append('\t');
            champ(lignes, v.note()).append('\n');
        }
        Connection connexion = DataSourceUtils.getConnection(dataSource);
        try {
            connexion.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY diagnostic_valeur_import_v2 FROM STDIN", new StringReader(lignes.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Échec de la copie des valeurs du diagnostic", e);
        } finally {
            DataSourceUtils.releaseConnection(connexion, dataSource);
        }
        int ecrites = jdbc.sql("""
                INSERT INTO diagnostic_valeur (indicateur_id, territoire_id, periode, source, valeur, valeur_max, marqueur, note)
                SELECT indicateur_id, territoire_id, periode, source, valeur, valeur_max, marqueur, note FROM diagnostic_valeur_import_v2
                ON CONFLICT (indicateur_id, territoire_id, periode, source)
                DO UPDATE SET valeur = EXCLUDED.valeur, valeur_max = EXCLUDED.valeur_max, marqueur = EXCLUDED.marqueur,
                              note = EXCLUDED.note, version = diagnostic_valeur.version + 1""").update();
        jdbc.sql("TRUNCATE diagnostic_valeur_import_v2").update();
        return ecrites;
    }

    /** A field in COPY text format: \N for null, backslash, tab and line breaks escaped. */
    private static StringBuilder champ(StringBuilder sortie, String valeur) {
        if (valeur == null) {
            return sortie.append("\\N");
        }
        for (int i = 0; i < valeur.length(); i++) {
            char c = valeur.charAt(i);
            switch (c) {
                case '\\' -> sortie.append("\\\\");
                case '\t' -> sortie.append("\\t");
                case '\n' -> sortie.append("\\n");
                case '\r' -> sortie.append("\\r");
                default -> sortie.append(c);
            }
        }
        return sortie;
    }

    // --- sources

    List<SourceDiagnostic> sources(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_source WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new SourceDiagnostic(rs.getLong("id"), rs.getString("cle"), TypeSource.valueOf(rs.getString("type")),
                        rs.getString("libelle"), (Integer) rs.getObject("annee"), rs.getString("date_texte"), rs.getString("emplacement")))
                .list();
    }

    long insererSource(long conventionId, SourceDiagnostic s) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_source (convention_id, cle, type, libelle, annee, date_texte, emplacement)
                        VALUES (:c, :cle, :type, :libelle, :annee, :date, :emplacement) RETURNING id""")
                .param("c", conventionId).param("cle", s.cle()).param("type", s.type().name()).param("libelle", s.libelle())
                .param("annee", s.annee()).param("date", s.date()).param("emplacement", s.emplacement())
                .query(Long.class).single();
    }

    // --- facility and financing tables

    List<LigneEaje> eaje(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_eaje WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new LigneEaje(rs.getLong("id"), rs.getString("nom"), rs.getString("commune"), rs.getString("code_insee"),
                        rs.getString("type"), rs.getString("gestionnaire"), (Integer) rs.getObject("places"),
                        (Integer) rs.getObject("enfants_inscrits"), rs.getBigDecimal("taux_occupation_financier"),
                        rs.getBigDecimal("enfants_par_place"), rs.getBigDecimal("part_usagers"), (Integer) rs.getObject("annee"),
                        rs.getString("source"), rs.getString("note")))
                .list();
    }

    long insererEaje(long conventionId, LigneEaje l) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_eaje (convention_id, nom, commune, code_insee, type, gestionnaire, places,
                            enfants_inscrits, taux_occupation_financier, enfants_par_place, part_usagers, annee, source, note)
                        VALUES (:c, :nom, :commune, :code, :type, :gestionnaire, :places, :enfants, :taux, :parPlace,
                            :partUsagers, :annee, :source, :note) RETURNING id""")
                .param("c", conventionId).param("nom", l.nom()).param("commune", l.commune()).param("code", l.codeInsee())
                .param("type", l.type()).param("gestionnaire", l.gestionnaire()).param("places", l.places())
                .param("enfants", l.enfantsInscrits()).param("taux", l.tauxOccupationFinancier())
                .param("parPlace", l.enfantsParPlace()).param("partUsagers", l.partUsagers()).param("annee", l.annee())
                .param("source", l.source()).param("note", l.note())
                .query(Long.class).single();
    }

    List<LigneAlsh> alsh(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_alsh WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new LigneAlsh(rs.getLong("id"), rs.getString("nom"), CategorieAlsh.valueOf(rs.getString("categorie")),
                        (Integer) rs.getObject("enfants_accueillis"), valeur(rs, "enfants_aeeh", "enfants_aeeh_marqueur"),
                        rs.getBigDecimal("heures_realisees"), rs.getBigDecimal("heures_facturees"), rs.getBigDecimal("actes_ouvrant_droit"),
                        rs.getBigDecimal("prix_revient_heure_presence"),
                        valeur(rs, "prix_revient_heure_facturee", "prix_revient_heure_facturee_marqueur"),
                        (Integer) rs.getObject("annee"), rs.getString("source")))
                .list();
    }

    long insererAlsh(long conventionId, LigneAlsh l) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_alsh (convention_id, nom, categorie, enfants_accueillis, enfants_aeeh,
                            enfants_aeeh_marqueur, heures_realisees, heures_facturees, actes_ouvrant_droit,
                            prix_revient_heure_presence, prix_revient_heure_facturee, prix_revient_heure_facturee_marqueur,
                            annee, source)
                        VALUES (:c, :nom, :categorie, :enfants, :aeeh, :aeehMarqueur, :heuresRealisees, :heuresFacturees, :actes,
                            :prixPresence, :prixFacturee, :prixFactureeMarqueur, :annee, :source) RETURNING id""")
                .param("c", conventionId).param("nom", l.nom()).param("categorie", l.categorie().name())
                .param("enfants", l.enfantsAccueillis())
                .param("aeeh", nombre(l.enfantsAeeh()) == null ? null : nombre(l.enfantsAeeh()).intValueExact())
                .param("aeehMarqueur", marqueur(l.enfantsAeeh()))
                .param("heuresRealisees", l.heuresRealisees()).param("heuresFacturees", l.heuresFacturees())
                .param("actes", l.actesOuvrantDroit()).param("prixPresence", l.prixRevientHeurePresence())
                .param("prixFacturee", nombre(l.prixRevientHeureFacturee()))
                .param("prixFactureeMarqueur", marqueur(l.prixRevientHeureFacturee()))
                .param("annee", l.annee()).param("source", l.source())
                .query(Long.class).single();
    }

    List<LigneFinancement> financements(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_financement WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new LigneFinancement(rs.getLong("id"), rs.getString("secteur"), rs.getString("categorie"),
                        rs.getInt("annee"), valeur(rs, "montant", "montant_marqueur"), valeur(rs, "poids", "poids_marqueur")))
                .list();
    }

    long insererFinancement(long conventionId, LigneFinancement l) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_financement (convention_id, secteur, categorie, annee, montant, montant_marqueur,
                            poids, poids_marqueur)
                        VALUES (:c, :secteur, :categorie, :annee, :montant, :montantMarqueur, :poids, :poidsMarqueur) RETURNING id""")
                .param("c", conventionId).param("secteur", l.secteur()).param("categorie", l.categorie()).param("annee", l.annee())
                .param("montant", nombre(l.montant())).param("montantMarqueur", marqueur(l.montant()))
                .param("poids", nombre(l.poids())).param("poidsMarqueur", marqueur(l.poids()))
                .query(Long.class).single();
    }

    List<ChiffreImprime> chiffresImprimes(long conventionId) {
        return jdbc.sql("SELECT * FROM diagnostic_chiffre_imprime WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new ChiffreImprime(rs.getLong("id"), TableauImprime.valueOf(rs.getString("tableau")), rs.getString("cle"),
                        (Integer) rs.getObject("annee"), valeur(rs, "valeur", "marqueur"), textes(rs.getArray("composantes")),
                        rs.getString("emplacement")))
                .list();
    }

    /** Replaces the printed figure of the same table, key and year. */
    long enregistrerChiffre(long conventionId, ChiffreImprime c) {
        jdbc.sql("""
                        DELETE FROM diagnostic_chiffre_imprime WHERE convention_id = :c AND tableau = :tableau AND cle = :cle
                        AND annee IS NOT DISTINCT FROM CAST(:annee AS INTEGER)""")
                .param("c", conventionId).param("tableau", c.tableau().name()).param("cle", c.cle()).param("annee", c.annee())
                .update();
        return jdbc.sql("""
                        INSERT INTO diagnostic_chiffre_imprime (convention_id, tableau, cle, annee, valeur, marqueur, composantes, emplacement)
                        VALUES (:c, :tableau, :cle, :annee, :valeur, :marqueur, CAST(:composantes AS TEXT[]), :emplacement) RETURNING id""")
                .param("c", conventionId).param("tableau", c.tableau().name()).param("cle", c.cle()).param("annee", c.annee())
                .param("valeur", nombre(c.valeur())).param("marqueur", marqueur(c.valeur()))
                .param("composantes", litteralTableau(c.composantes())).param("emplacement", c.emplacement())
                .query(Long.class).single();
    }

    // --- enjeux, besoins, AFOM

    /** Findings with their links to the plan, by id only (the service names them). */
    List<Constat> constats(long conventionId) {
        Map<Long, List<LienPlan>> liens = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT l.constat_id, l.noeud_id, l.fiche_id FROM diagnostic_enjeu_lien l
                        JOIN diagnostic_constat c ON c.id = l.constat_id WHERE c.convention_id = :c ORDER BY l.constat_id""")
                .param("c", conventionId)
                .query(rs -> {
                    Long noeud = (Long) rs.getObject("noeud_id");
                    LienPlan lien = noeud != null ? new LienPlan(LienPlan.AXE, noeud, null, null)
                            : new LienPlan(LienPlan.FICHE, rs.getLong("fiche_id"), null, null);
                    liens.computeIfAbsent(rs.getLong("constat_id"), k -> new ArrayList<>()).add(lien);
                });
        return jdbc.sql("SELECT * FROM diagnostic_constat WHERE convention_id = :c ORDER BY id").param("c", conventionId)
                .query((rs, i) -> new Constat(rs.getLong("id"), NatureConstat.valueOf(rs.getString("nature")), rs.getString("thematique"),
                        rs.getString("texte"), rs.getString("source"), liens.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    long insererConstat(long conventionId, Constat c) {
        return jdbc.sql("""
                        INSERT INTO diagnostic_constat (convention_id, nature, thematique, texte, source)
                        VALUES (:c, :nature, :thematique, :texte, :source) RETURNING id""")
                .param("c", conventionId).param("nature", c.nature().name()).param("thematique", c.thematique())
                .param("texte", c.texte()).param("source", c.source())
                .query(Long.class).single();
    }

    Optional<Constat> constat(long id) {
        return jdbc.sql("SELECT * FROM diagnostic_constat WHERE id = :id").param("id", id)
                .query((rs, i) -> new Constat(rs.getLong("id"), NatureConstat.valueOf(rs.getString("nature")), rs.getString("thematique"),
                        rs.getString("texte"), rs.getString("source"), List.of()))
                .optional();
    }

    long conventionDuConstat(long id) {
        return jdbc.sql("SELECT convention_id FROM diagnostic_constat WHERE id = :id").param("id", id).query(Long.class).single();
    }

    void lier(long constatId, LienPlan lien) {
        jdbc.sql("""
                        INSERT INTO diagnostic_enjeu_lien (constat_id, noeud_id, fiche_id) VALUES (:c, :noeud, :fiche)
                        ON CONFLICT DO NOTHING""")
                .param("c", constatId)
                .param("noeud", LienPlan.AXE.equals(lien.type()) ? lien.id() : null)
                .param("fiche", LienPlan.FICHE.equals(lien.type()) ? lien.id() : null)
                .update();
    }

    // --- CSV uploads waiting for confirmation

    void enregistrerImport(UUID jeton, long conventionId, String utilisateur, String nomFichier, String contenu) {
        jdbc.sql("DELETE FROM diagnostic_import WHERE depose_le < now() - interval '1 day'").update();
        jdbc.sql("""
                        INSERT INTO diagnostic_import (jeton, convention_id, utilisateur, nom_fichier, contenu)
                        VALUES (:jeton, :c, :utilisateur, :nom, :contenu)""")
                .param("jeton", jeton).param("c", conventionId).param("utilisateur", utilisateur).param("nom", nomFichier)
                .param("contenu", contenu).update();
    }

    Optional<String> importEnAttente(UUID jeton, long conventionId, String utilisateur) {
        return jdbc.sql("SELECT contenu FROM diagnostic_import WHERE jeton = :jeton AND convention_id = :c AND utilisateur = :u")
                .param("jeton", jeton).param("c", conventionId).param("u", utilisateur)
                .query(String.class).optional();
    }

    /** Removes a row of one of the convention's tables; false when the convention has no such row. */
    boolean supprimer(long conventionId, LigneDiagnostic tableau, long ligneId) {
        return jdbc.sql("DELETE FROM " + tableau.table + " WHERE id = :id AND convention_id = :c")
                .param("id", ligneId).param("c", conventionId).update() == 1;
    }

    /** The version of a row of a versioned table, empty when the convention has no such row. */
    Optional<Integer> version(long conventionId, LigneDiagnostic tableau, long ligneId) {
        return jdbc.sql("SELECT version FROM " + tableau.table + " WHERE id = :id AND convention_id = :c")
                .param("id", ligneId).param("c", conventionId).query(Integer.class).optional();
    }

    boolean delier(long conventionId, long constatId, LienPlan lien) {
        return jdbc.sql("""
                        DELETE FROM diagnostic_enjeu_lien l USING diagnostic_constat c
                        WHERE l.constat_id = c.id AND c.id = :constat AND c.convention_id = :c
                          AND l.noeud_id IS NOT DISTINCT FROM :noeud AND l.fiche_id IS NOT DISTINCT FROM :fiche""")
                .param("constat", constatId).param("c", conventionId)
                .param("noeud", LienPlan.AXE.equals(lien.type()) ? lien.id() : null)
                .param("fiche", LienPlan.FICHE.equals(lien.type()) ? lien.id() : null).update() > 0;
    }

    void supprimerImport(UUID jeton) {
        jdbc.sql("DELETE FROM diagnostic_import WHERE jeton = :jeton").param("jeton", jeton).update();
    }

    // --- helpers

    private static Valeur valeur(ResultSet rs, String colonneNombre, String colonneMarqueur) throws SQLException {
        BigDecimal nombre = rs.getBigDecimal(colonneNombre);
        String marqueur = rs.getString(colonneMarqueur);
        if (nombre != null) {
            return Valeur.de(nombre);
        }
        return marqueur == null ? null : Valeur.de(Marqueur.depuis(marqueur).orElseThrow());
    }

    private static Valeur intervalleOuValeur(ResultSet rs) throws SQLException {
        BigDecimal max = rs.getBigDecimal("valeur_max");
        return max == null ? valeur(rs, "valeur", "marqueur") : Valeur.intervalle(rs.getBigDecimal("valeur"), max);
    }

    /** The number of a figure stored in a table without ranges (printed totals, rows of the EAJE, ALSH, financing tables). */
    private static BigDecimal nombre(Valeur valeur) {
        if (valeur != null && valeur.estIntervalle()) {
            throw new fr.pilotectg.shared.ErreurValidation("valeur", "« " + valeur.texte() + " » : un intervalle n'est accepté que"
                    + " pour la valeur d'un indicateur, pas dans les tableaux du diagnostic.");
        }
        return valeur == null ? null : valeur.nombre();
    }

    private static String marqueur(Valeur valeur) {
        return valeur == null || valeur.marqueur() == null ? null : valeur.marqueur().code();
    }

    /** A PostgreSQL array literal {"a","b"}: every element quoted, quotes and backslashes escaped. */
    private static String litteralTableau(List<String> elements) {
        StringBuilder litteral = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            litteral.append(i == 0 ? "" : ",").append('"')
                    .append(elements.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return litteral.append('}').toString();
    }

    private static List<String> textes(Array tableau) throws SQLException {
        return tableau == null ? List.of() : Arrays.asList((String[]) tableau.getArray());
    }
}
