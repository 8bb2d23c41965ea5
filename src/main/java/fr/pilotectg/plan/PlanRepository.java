package fr.pilotectg.plan;

import fr.pilotectg.shared.JsonStocke;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Plain SQL for the plan: JSON columns hold the typed template fields and lists. */
@Repository
class PlanRepository {

    private static final TypeReference<List<String>> TEXTES = new TypeReference<>() {
    };
    private static final TypeReference<List<CompteDeclare>> COMPTES = new TypeReference<>() {
    };
    private static final TypeReference<List<Plan.PhaseCalendrier>> CALENDRIER = new TypeReference<>() {
    };
    private static final String FICHE_COLONNES =
            "id, convention_id, noeud_id, ordre, reference, titre, champs, annees, echeances, notes, version, debut, fin";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<Noeud> noeudMapper = this::noeud;
    private final RowMapper<Fiche> ficheMapper = this::fiche;

    PlanRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Plan> plan(long conventionId) {
        List<Niveau> niveaux = jdbc.sql("SELECT * FROM plan_niveau WHERE convention_id = :c ORDER BY rang")
                .param("c", conventionId)
                .query((rs, i) -> new Niveau(rs.getInt("rang"), rs.getString("nom"),
                        Numerotation.valueOf(rs.getString("numerotation")), rs.getString("prefixe")))
                .list();
        return jdbc.sql("SELECT * FROM plan WHERE convention_id = :c").param("c", conventionId)
                .query((rs, i) -> new Plan(conventionId, ModeleFiche.valueOf(rs.getString("modele")), niveaux,
                        JsonStocke.LECTURE.readValue(rs.getString("comptes_declares"), COMPTES),
                        JsonStocke.LECTURE.readValue(rs.getString("calendrier"), CALENDRIER),
                        JsonStocke.LECTURE.readValue(rs.getString("notes"), TEXTES), rs.getInt("version")))
                .optional();
    }

    /** Serialises the writes on one plan (numbering reads then writes): held until the transaction ends. */
    void verrouillerPlan(long conventionId) {
        jdbc.sql("SELECT convention_id FROM plan WHERE convention_id = :c FOR UPDATE").param("c", conventionId)
                .query(Long.class).optional();
    }

    /** A fiche's reference and place, deleted fiches included: a deleted fiche may come back with its reference. */
    record ReferenceDeFiche(long id, Long noeudId, String reference, boolean supprimee) {
    }

    List<ReferenceDeFiche> referencesDeFiches(long conventionId) {
        return jdbc.sql("SELECT id, noeud_id, reference, supprimee_le IS NOT NULL AS supprimee FROM fiche WHERE convention_id = :c")
                .param("c", conventionId)
                .query((rs, i) -> new ReferenceDeFiche(rs.getLong("id"), (Long) rs.getObject("noeud_id"), rs.getString("reference"),
                        rs.getBoolean("supprimee")))
                .list();
    }

    void creerPlan(Plan plan) {
        jdbc.sql("""
                        INSERT INTO plan (convention_id, modele, comptes_declares, calendrier, notes)
                        VALUES (:c, :modele, CAST(:comptes AS jsonb), CAST(:calendrier AS jsonb), CAST(:notes AS jsonb))""")
                .param("c", plan.conventionId()).param("modele", plan.modele().name())
                .param("comptes", json.writeValueAsString(plan.comptesDeclares()))
                .param("calendrier", json.writeValueAsString(plan.calendrier()))
                .param("notes", json.writeValueAsString(plan.notes()))
                .update();
        for (Niveau niveau : plan.niveaux()) {
            jdbc.sql("""
                            INSERT INTO plan_niveau (convention_id, rang, nom, numerotation, prefixe)
                            VALUES (:c, :rang, :nom, :numerotation, :prefixe)""")
                    .param("c", plan.conventionId()).param("rang", niveau.rang()).param("nom", niveau.nom())
                    .param("numerotation", niveau.numerotation().name())
                    .param("prefixe", niveau.prefixe() == null ? "" : niveau.prefixe())
                    .update();
        }
    }

    /** Replaces the levels of a plan if nobody changed the plan since it was read; false otherwise (nothing written). */
    boolean remplacerNiveaux(long conventionId, int version, List<Niveau> niveaux) {
        if (jdbc.sql("UPDATE plan SET version = version + 1 WHERE convention_id = :c AND version = :v")
                .param("c", conventionId).param("v", version).update() != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM plan_niveau WHERE convention_id = :c").param("c", conventionId).update();
        for (Niveau niveau : niveaux) {
            jdbc.sql("""
                            INSERT INTO plan_niveau (convention_id, rang, nom, numerotation, prefixe)
                            VALUES (:c, :rang, :nom, :numerotation, :prefixe)""")
                    .param("c", conventionId).param("rang", niveau.rang()).param("nom", niveau.nom())
                    .param("numerotation", niveau.numerotation().name())
                    .param("prefixe", niveau.prefixe() == null ? "" : niveau.prefixe())
                    .update();
        }
        return true;
    }

    List<Noeud> noeuds(long conventionId) {
        return jdbc.sql("SELECT * FROM plan_noeud WHERE convention_id = :c AND supprime_le IS NULL ORDER BY rang, ordre, id")
                .param("c", conventionId).query(noeudMapper).list();
    }

    /** Every node ever created in the plan, deleted ones included: their references stay reserved for an undo. */
    List<Noeud> noeudsMemeSupprimes(long conventionId) {
        return jdbc.sql("SELECT * FROM plan_noeud WHERE convention_id = :c ORDER BY rang, ordre, id")
                .param("c", conventionId).query(noeudMapper).list();
    }

    Optional<Noeud> noeud(long id) {
        return jdbc.sql("SELECT * FROM plan_noeud WHERE id = :id AND supprime_le IS NULL").param("id", id).query(noeudMapper).optional();
    }

    /** A node the user deleted (the head of a deletion batch), with what it held. */
    Optional<Noeud> noeudSupprime(long id) {
        return jdbc.sql("SELECT * FROM plan_noeud WHERE id = :id AND supprime_le IS NOT NULL AND lot_suppression = id")
                .param("id", id).query(noeudMapper).optional();
    }

    /** Deletes nodes and the live fiches under them as one batch; returns the fiches deleted. */
    List<Long> supprimerNoeuds(long lot, List<Long> noeuds) {
        jdbc.sql("UPDATE plan_noeud SET supprime_le = now(), lot_suppression = :lot, version = version + 1 WHERE id IN (:ids)")
                .param("lot", lot).param("ids", noeuds).update();
        return jdbc.sql("""
                        UPDATE fiche SET supprimee_le = now(), lot_suppression = :lot, version = version + 1
                        WHERE noeud_id IN (:ids) AND supprimee_le IS NULL RETURNING id""")
                .param("lot", lot).param("ids", noeuds).query(Long.class).list();
    }

    /** Brings a deletion batch back: its nodes and the fiches deleted with them (not those deleted before). */
    List<Long> restaurerLot(long lot) {
        jdbc.sql("UPDATE plan_noeud SET supprime_le = NULL, lot_suppression = NULL, version = version + 1 WHERE lot_suppression = :lot")
                .param("lot", lot).update();
        return jdbc.sql("""
                        UPDATE fiche SET supprimee_le = NULL, lot_suppression = NULL, version = version + 1
                        WHERE lot_suppression = :lot AND supprimee_le IS NOT NULL RETURNING id""")
                .param("lot", lot).query(Long.class).list();
    }

    Noeud insererNoeud(Noeud n) {
        long id = jdbc.sql("""
                        INSERT INTO plan_noeud (convention_id, parent_id, rang, ordre, reference, titre, texte, objectifs, compte_declare,
                                                contexte, intitule_manquant)
                        VALUES (:c, :parent, :rang, :ordre, :reference, :titre, :texte, CAST(:objectifs AS jsonb), CAST(:compte AS jsonb),
                                :contexte, :manquant)
                        RETURNING id""")
                .param("c", n.conventionId()).param("parent", n.parentId()).param("rang", n.rang()).param("ordre", n.ordre())
                .param("contexte", n.contexte()).param("manquant", n.intituleManquant())
                .param("reference", n.reference()).param("titre", n.titre()).param("texte", n.texte())
                .param("objectifs", json.writeValueAsString(n.objectifs()))
                .param("compte", n.compteDeclare() == null ? null : json.writeValueAsString(n.compteDeclare()))
                .query(Long.class).single();
        return noeud(id).orElseThrow();
    }

    /** What a node says (not its place); false when someone else changed it meanwhile (nothing written). */
    boolean modifierNoeud(Noeud n) {
        return jdbc.sql("""
                        UPDATE plan_noeud SET reference = :reference, titre = :titre, intitule_manquant = :manquant, texte = :texte,
                               objectifs = CAST(:objectifs AS jsonb), contexte = :contexte, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("reference", n.reference()).param("titre", n.titre()).param("manquant", n.intituleManquant())
                .param("texte", n.texte()).param("objectifs", json.writeValueAsString(n.objectifs())).param("contexte", n.contexte())
                .param("id", n.id()).param("version", n.version()).update() == 1;
    }

    /** Place and number of a node; false when someone else changed it meanwhile. */
    boolean placerNoeud(Noeud n) {
        return jdbc.sql("""
                        UPDATE plan_noeud SET parent_id = :parent, ordre = :ordre, reference = :reference, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("parent", n.parentId()).param("ordre", n.ordre()).param("reference", n.reference())
                .param("id", n.id()).param("version", n.version()).update() == 1;
    }

    List<Fiche> fiches(long conventionId) {
        return jdbc.sql("SELECT " + FICHE_COLONNES + " FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL ORDER BY ordre, id")
                .param("c", conventionId).query(ficheMapper).list();
    }

    /** Live fiches in plan order, their fields left empty: for a page that shows only titles, years and deadlines. */
    List<Fiche> fichesSansChamps(long conventionId) {
        return jdbc.sql("SELECT " + FICHE_COLONNES.replace("champs", "'{}' AS champs")
                        + " FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL ORDER BY ordre, id")
                .param("c", conventionId).query(ficheMapper).list();
    }

    /** Live fiches placed directly under a node ({@code null}: at the root). */
    int nombreDeFiches(long conventionId, Long noeudId) {
        return jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND noeud_id IS NOT DISTINCT FROM CAST(:n AS bigint) AND supprimee_le IS NULL")
                .param("c", conventionId).param("n", noeudId).query(Integer.class).single();
    }

    Optional<Fiche> fiche(long id) {
        return jdbc.sql("SELECT " + FICHE_COLONNES + " FROM fiche WHERE id = :id AND supprimee_le IS NULL")
                .param("id", id).query(ficheMapper).optional();
    }

    void definirPredecesseur(long ficheId, long predecesseurId) {
        jdbc.sql("UPDATE fiche SET predecesseur_id = :p WHERE id = :id").param("p", predecesseurId).param("id", ficheId).update();
    }

    /** Fiche id → the fiche of the previous CTG it carries over (issue 14 item 7). */
    java.util.Map<Long, Long> predecesseurs(long conventionId) {
        java.util.Map<Long, Long> liens = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, predecesseur_id FROM fiche WHERE convention_id = :c AND predecesseur_id IS NOT NULL AND supprimee_le IS NULL ORDER BY id")
                .param("c", conventionId).query((rs, i) -> liens.put(rs.getLong(1), rs.getLong(2))).list();
        return liens;
    }

    Optional<Fiche> ficheSupprimee(long id) {
        return jdbc.sql("SELECT " + FICHE_COLONNES + " FROM fiche WHERE id = :id AND supprimee_le IS NOT NULL")
                .param("id", id).query(ficheMapper).optional();
    }

    Fiche insererFiche(Fiche f) {
        long id = jdbc.sql("""
                        INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, champs, annees, echeances, notes, debut, fin,
                                           texte_integral, recherche)
                        VALUES (:c, :noeud, :ordre, :reference, :titre, CAST(:champs AS jsonb), CAST(:annees AS integer[]), :echeances,
                                CAST(:notes AS jsonb), :debut, :fin, :texteIntegral, """ + RECHERCHE + ") RETURNING id")
                .params(parametresFiche(f, null))
                .query(Long.class).single();
        return fiche(id).orElseThrow();
    }

    /** Saves a fiche if nobody saved it since it was read; false otherwise (nothing written). */
    boolean modifierFiche(Fiche f) {
        return jdbc.sql("""
                        UPDATE fiche SET noeud_id = :noeud, ordre = :ordre, reference = :reference, titre = :titre,
                               champs = CAST(:champs AS jsonb), annees = CAST(:annees AS integer[]), echeances = :echeances,
                               notes = CAST(:notes AS jsonb), debut = :debut, fin = :fin, texte_integral = :texteIntegral, recherche = """ + RECHERCHE + """
                        , version = version + 1
                        WHERE id = :id AND version = :version AND supprimee_le IS NULL""")
                .params(parametresFiche(f, champsEnregistres(f.id()))).param("id", f.id()).param("version", f.version())
                .update() == 1;
    }

    void placerFiche(long id, Long noeudId, int ordre) {
        jdbc.sql("UPDATE fiche SET noeud_id = :noeud, ordre = :ordre WHERE id = :id")
                .param("noeud", noeudId).param("ordre", ordre).param("id", id).update();
    }

    void definirReferenceFiche(long id, String reference) {
        jdbc.sql("UPDATE fiche SET reference = :reference WHERE id = :id").param("reference", reference).param("id", id).update();
    }

    void definirReferenceNoeud(long id, String reference) {
        jdbc.sql("UPDATE plan_noeud SET reference = :reference WHERE id = :id").param("reference", reference).param("id", id).update();
    }

    boolean supprimerFiche(long id, int version) {
        return jdbc.sql("UPDATE fiche SET supprimee_le = now(), version = version + 1 WHERE id = :id AND version = :version AND supprimee_le IS NULL")
                .param("id", id).param("version", version).update() == 1;
    }

    /**
     * Fiches of the convention still deleted, whose latest deletion this user made within the last hours (the length
     * of a session): read from the database, so that every instance of the application offers the same undo list.
     */
    java.util.Map<Long, String> fichesSupprimeesRecemment(long conventionId, String utilisateur, int heures) {
        java.util.Map<Long, String> fiches = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT f.id, f.reference, f.titre FROM fiche f
                        WHERE f.convention_id = :convention AND f.supprimee_le IS NOT NULL
                          AND f.supprimee_le > now() - make_interval(hours => :heures)
                          AND EXISTS (SELECT 1 FROM journal j WHERE j.objet_type = 'fiche' AND j.objet_id = f.id
                                      AND j.action = 'suppression' AND j.utilisateur = :utilisateur
                                      AND j.horodatage >= f.supprimee_le)
                        ORDER BY f.supprimee_le DESC, f.id DESC LIMIT 50""")
                .param("convention", conventionId).param("utilisateur", utilisateur).param("heures", heures)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> fiches.put(rs.getLong("id"),
                        (rs.getString("reference") == null ? "" : rs.getString("reference") + " — ") + rs.getString("titre")));
        return fiches;
    }

    boolean restaurerFiche(long id) {
        return jdbc.sql("UPDATE fiche SET supprimee_le = NULL, version = version + 1 WHERE id = :id AND supprimee_le IS NOT NULL")
                .param("id", id).update() == 1;
    }

    /** Fiches matching a French full-text query (stems, accents ignored), with highlighted excerpts. */
    List<ResultatRecherche> rechercher(long conventionId, String requete) {
        return jdbc.sql("""
                        SELECT f.id, f.reference, f.titre,
                               ts_headline('francais_sans_accents', f.titre || ' — ' || coalesce(f.texte_integral, '')
                                           || coalesce(' — ' || (SELECT string_agg(v.valeur, ' — ')
                                                                 FROM jsonb_each_text(f.champs_ajoutes) AS v(cle, valeur)), ''), q,
                                           'StartSel="[[m]]", StopSel="[[/m]]", MaxFragments=2, MaxWords=18, MinWords=6') AS extrait,
                               ts_rank(f.recherche, q) AS rang
                        FROM fiche f, websearch_to_tsquery('french', unaccent(:requete)) q
                        WHERE f.convention_id = :c AND f.supprimee_le IS NULL
                          -- the text values of the fields the convention added (issue 10 item 8) are searched too
                          AND (f.recherche @@ q
                               OR jsonb_to_tsvector('francais_sans_accents', f.champs_ajoutes, '["string"]') @@ q)
                        ORDER BY rang DESC, f.ordre LIMIT 50""")
                .param("c", conventionId).param("requete", requete)
                .query((rs, i) -> new ResultatRecherche(rs.getLong("id"), rs.getString("reference"), rs.getString("titre"),
                        rs.getString("extrait")))
                .list();
    }

    private static final String RECHERCHE = """
            setweight(to_tsvector('french', unaccent(coalesce(:reference, '') || ' ' || :titre)), 'A')
            || setweight(to_tsvector('french', unaccent(:texteIntegral)), 'B')""";

    /** The fields as saved now (null for an unknown fiche): the indicators' ids are kept from them. */
    private ChampsFiche champsEnregistres(long id) {
        return jdbc.sql("SELECT champs FROM fiche WHERE id = :id").param("id", id).query(String.class).optional()
                .map(texte -> JsonStocke.LECTURE.readValue(texte, ChampsFiche.class)).orElse(null);
    }

    private Map<String, Object> parametresFiche(Fiche f, ChampsFiche anciens) {
        Map<String, Object> p = new HashMap<>();
        p.put("c", f.conventionId());
        p.put("noeud", f.noeudId());
        p.put("ordre", f.ordre());
        p.put("reference", f.reference());
        p.put("titre", f.titre());
        p.put("champs", json.writeValueAsString(ClesIndicateurs.attribuer(f.champs(), anciens)));
        p.put("annees", "{" + String.join(",", f.annees().stream().map(String::valueOf).toList()) + "}");
        p.put("echeances", f.echeances());
        p.put("notes", json.writeValueAsString(f.notes()));
        p.put("debut", f.debut() == null ? null : f.debut().atDay(1));
        p.put("fin", f.fin() == null ? null : f.fin().atDay(1));
        p.put("texteIntegral", f.champs().texteIntegral() + " " + (f.echeances() == null ? "" : f.echeances()));
        return p;
    }

    private Noeud noeud(ResultSet rs, int i) throws SQLException {
        String compte = rs.getString("compte_declare");
        return new Noeud(rs.getLong("id"), rs.getLong("convention_id"), (Long) rs.getObject("parent_id"), rs.getInt("rang"),
                rs.getInt("ordre"), rs.getString("reference"), rs.getString("titre"), rs.getString("texte"),
                JsonStocke.LECTURE.readValue(rs.getString("objectifs"), TEXTES),
                compte == null ? null : JsonStocke.LECTURE.readValue(compte, CompteDeclare.class), rs.getInt("version"), rs.getString("contexte"),
                rs.getBoolean("intitule_manquant"));
    }

    private Fiche fiche(ResultSet rs, int i) throws SQLException {
        Array annees = rs.getArray("annees");
        return new Fiche(rs.getLong("id"), rs.getLong("convention_id"), (Long) rs.getObject("noeud_id"), rs.getInt("ordre"),
                rs.getString("reference"), rs.getString("titre"), JsonStocke.LECTURE.readValue(rs.getString("champs"), ChampsFiche.class),
                Arrays.stream((Integer[]) annees.getArray()).toList(), rs.getString("echeances"),
                JsonStocke.LECTURE.readValue(rs.getString("notes"), TEXTES), rs.getInt("version"), mois(rs, "debut"), mois(rs, "fin"));
    }

    /** A month stored as its first day (columns debut, fin of V67). */
    private static java.time.YearMonth mois(ResultSet rs, String colonne) throws SQLException {
        java.time.LocalDate jour = rs.getObject(colonne, java.time.LocalDate.class);
        return jour == null ? null : java.time.YearMonth.from(jour);
    }
}
