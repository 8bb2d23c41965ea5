package fr.pilotectg.importation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of document imports (ADR 0031): upload (extraction, analysis, draft), review and correction of the draft
 * by its uploader, deletion, and confirmation in one transaction (the convention, its plan, its annexes, one journal
 * entry "import du document X"; any failure writes nothing). Who may import: those who may create a convention (an
 * agent of a Caf, an administrator). A draft is its uploader's alone: anyone else, administrators included, gets a
 * 403 (an unconfirmed draft is a working copy, not yet shared data).
 */
@Service
public class ImportsService {

    static final Duration DUREE_DE_VIE = Duration.ofDays(30);
    static final String A_REVOIR = "A_REVOIR";
    static final String CONFIRME = "CONFIRME";

    private final Extraction extraction;
    private final AnalyseConvention analyseConvention;
    private final AnalysePlan analysePlan;
    private final AnalyseAnnexes analyseAnnexes;
    private final ConfirmationConvention confirmationConvention;
    private final ConfirmationPlan confirmationPlan;
    private final ConfirmationAnnexes confirmationAnnexes;
    private final Journal journal;
    private final JdbcClient jdbc;
    private final JsonDesBrouillons json;
    private final Clock horloge;

    ImportsService(Extraction extraction, AnalyseConvention analyseConvention, AnalysePlan analysePlan, AnalyseAnnexes analyseAnnexes,
                   ConfirmationConvention confirmationConvention, ConfirmationPlan confirmationPlan,
                   ConfirmationAnnexes confirmationAnnexes, Journal journal, JdbcClient jdbc, JsonDesBrouillons json, Clock horloge) {
        this.extraction = extraction;
        this.analyseConvention = analyseConvention;
        this.analysePlan = analysePlan;
        this.analyseAnnexes = analyseAnnexes;
        this.confirmationConvention = confirmationConvention;
        this.confirmationPlan = confirmationPlan;
        this.confirmationAnnexes = confirmationAnnexes;
        this.journal = journal;
        this.jdbc = jdbc;
        this.json = json;
        this.horloge = horloge;
    }

    /** An extracted document and what the analysis found in it. */
    public record Analyse(DocumentExtrait document, Brouillon brouillon) {
    }

    /** A stored draft. */
    public record Fiche(long id, long proprietaireId, String nomFichier, String format, String statut, Long conventionId,
                        OffsetDateTime creeLe, OffsetDateTime expireLe, int version, Brouillon brouillon, List<Ligne> lignes) {

        public boolean confirme() {
            return CONFIRME.equals(statut);
        }
    }

    /** A line of the list of one's drafts. */
    public record Resume(long id, String nomFichier, String format, String statut, Long conventionId, OffsetDateTime creeLe,
                         OffsetDateTime expireLe, int version) {

        public String libelleStatut() {
            return CONFIRME.equals(statut) ? "Confirmé" : "À revoir";
        }
    }

    public record Page(List<Resume> elements, int page, int taille, long total) {

        public int pages() {
            return (int) Math.max(1, (total + taille - 1) / taille);
        }
    }

    public static boolean peutImporter() {
        try {
            Role role = UtilisateurConnecte.courant().role();
            return role == Role.ADMIN || role == Role.AGENT_CAF;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static void verifierDroitDImporter() {
        if (!peutImporter()) {
            throw new AccesRefuse("Seuls un agent de Caf ou un administrateur, qui peuvent créer une convention, peuvent en importer une.");
        }
    }

    /** Extraction and analysis, nothing written; a French 400 when the file is no document or holds no convention. */
    public Analyse analyser(String nomFichier, byte[] contenu) {
        DocumentExtrait document = extraction.extraire(nomFichier, contenu);
        Brouillon brouillon = new Brouillon(analyseConvention.analyser(document), analysePlan.analyser(document),
                analyseAnnexes.analyser(document));
        if (!Extraction.parleDUneConvention(document) && !json.contientQuelqueChose(brouillon.convention())
                && !json.contientQuelqueChose(brouillon.plan()) && !json.contientQuelqueChose(brouillon.annexes())) {
            throw ImportRefuse.parce("Aucune convention reconnaissable dans ce document : ni titre, ni partie, ni plan d'actions "
                    + "n'y a été trouvé.");
        }
        return new Analyse(document, brouillon);
    }

    /** Upload: a new draft of the signed-in user. */
    @Transactional
    public long importer(String nomFichier, byte[] contenu) {
        verifierDroitDImporter();
        String nom = nomDeFichier(nomFichier);
        Analyse analyse = analyser(nom, contenu);
        return enregistrer(UtilisateurConnecte.courant().id(), nom, analyse);
    }

    /** Stores a draft (in the caller's transaction) and journals it. */
    long enregistrer(long proprietaire, String nom, Analyse analyse) {
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        long id = jdbc.sql("""
                        INSERT INTO import_brouillon (proprietaire_id, nom_fichier, format, lignes, brouillon, cree_le, expire_le)
                        VALUES (:proprietaire, :nom, :format, CAST(:lignes AS jsonb), CAST(:brouillon AS jsonb), :creeLe, :expireLe)
                        RETURNING id""")
                .param("proprietaire", proprietaire).param("nom", nom).param("format", analyse.document().format().name())
                .param("lignes", json.ecrire(analyse.document().lignes())).param("brouillon", json.ecrire(analyse.brouillon()))
                .param("creeLe", maintenant).param("expireLe", maintenant.plus(DUREE_DE_VIE))
                .query(Long.class).single();
        journal.enregistrer("import", id, null, "dépôt du document " + nom,
                List.of(new Changement("Lignes extraites", null, String.valueOf(analyse.document().lignes().size()))));
        return id;
    }

    static String nomDeFichier(String brut) {
        String nom = brut == null ? "" : brut.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "").strip();
        if (nom.isEmpty()) {
            nom = "document";
        }
        return nom.length() > 200 ? nom.substring(0, 200) : nom;
    }

    /** A draft of the signed-in user; 404 when it does not exist or has expired, 403 when it is someone else's. */
    public Fiche brouillon(long id) {
        Fiche fiche = lire(id, false);
        verifierProprietaire(fiche);
        return fiche;
    }

    private Fiche lire(long id, boolean verrou) {
        Fiche fiche = jdbc.sql("SELECT * FROM import_brouillon WHERE id = :id" + (verrou ? " FOR UPDATE" : ""))
                .param("id", id).query(this::fiche).optional()
                .orElseThrow(() -> new Introuvable("Brouillon d'import introuvable."));
        if (fiche.expireLe().isBefore(OffsetDateTime.now(horloge))) {
            throw new Introuvable("Ce brouillon d'import a expiré (30 jours après son dépôt) : déposez le document à nouveau.");
        }
        return fiche;
    }

    private static void verifierProprietaire(Fiche fiche) {
        UtilisateurConnecte moi = UtilisateurConnecte.courant();
        if (fiche.proprietaireId() != moi.id()) {
            throw new AccesRefuse("Ce brouillon d'import appartient à la personne qui a déposé le document.");
        }
    }

    private static void verifierModifiable(Fiche fiche) {
        if (fiche.confirme()) {
            throw new ConflitDeModification("Ce brouillon a déjà été confirmé : la convention importée se modifie désormais dans ses pages.");
        }
    }

    private static void verifierVersion(Fiche fiche, Integer version) {
        if (version == null) {
            throw new fr.pilotectg.shared.ErreurValidation("version", fr.pilotectg.shared.Versions.MANQUANTE);
        }
        if (version != fiche.version()) {
            throw new ConflitDeModification("Ce brouillon a été modifié par quelqu'un d'autre (ou dans un autre onglet) depuis "
                    + "son ouverture : rechargez-le avant de le corriger.");
        }
    }

    public Page mesBrouillons(int page, int taille) {
        long moi = UtilisateurConnecte.courant().id();
        int p = Math.max(0, Math.min(page, 10_000));
        int t = Math.max(1, Math.min(taille, 100));
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        long total = jdbc.sql("SELECT count(*) FROM import_brouillon WHERE proprietaire_id = :moi AND expire_le >= :maintenant")
                .param("moi", moi).param("maintenant", maintenant).query(Long.class).single();
        List<Resume> elements = jdbc.sql("""
                        SELECT id, nom_fichier, format, statut, convention_id, cree_le, expire_le, version FROM import_brouillon
                        WHERE proprietaire_id = :moi AND expire_le >= :maintenant ORDER BY cree_le DESC, id DESC LIMIT :t OFFSET :o""")
                .param("moi", moi).param("maintenant", maintenant).param("t", t).param("o", (long) p * t)
                .query((rs, i) -> new Resume(rs.getLong("id"), rs.getString("nom_fichier"), rs.getString("format"),
                        rs.getString("statut"), (Long) rs.getObject("convention_id"), rs.getObject("cree_le", OffsetDateTime.class),
                        rs.getObject("expire_le", OffsetDateTime.class), rs.getInt("version")))
                .list();
        return new Page(elements, p, t, total);
    }

    /** The corrected draft replaces the stored one, if nobody saved it since {@code version} was read (else 409). */
    @Transactional
    public Fiche modifier(long id, Integer version, Brouillon corrige) {
        Fiche fiche = lire(id, true);
        verifierProprietaire(fiche);
        verifierModifiable(fiche);
        verifierVersion(fiche, version);
        jdbc.sql("UPDATE import_brouillon SET brouillon = CAST(:b AS jsonb), version = version + 1 WHERE id = :id AND version = :v")
                .param("b", json.ecrire(corrige)).param("id", id).param("v", fiche.version()).update();
        journal.enregistrer("import", id, null, "correction du brouillon du document " + fiche.nomFichier(), List.of());
        return lire(id, false);
    }

    @Transactional
    public void supprimer(long id) {
        Fiche fiche = lire(id, true);
        verifierProprietaire(fiche);
        jdbc.sql("DELETE FROM import_brouillon WHERE id = :id").param("id", id).update();
        journal.enregistrer("import", id, fiche.conventionId(), "suppression du brouillon du document " + fiche.nomFichier(), List.of());
    }

    /**
     * Confirmation, all or nothing: the draft is marked confirmed first, then the convention is created, its plan and
     * annexes written, and the import journalled; an exception anywhere rolls everything back, the mark included.
     * {@code version}, when given, must be the one the user reviewed.
     */
    @Transactional
    public long confirmer(long id, Integer version) {
        verifierDroitDImporter();
        Fiche fiche = lire(id, true);
        verifierProprietaire(fiche);
        verifierModifiable(fiche);
        if (version != null) {
            verifierVersion(fiche, version);
        }
        confirmationPlan.verifier(fiche.brouillon().plan());
        jdbc.sql("UPDATE import_brouillon SET statut = :s, confirme_le = :le, version = version + 1 WHERE id = :id")
                .param("s", CONFIRME).param("le", OffsetDateTime.now(horloge)).param("id", id).update();
        Brouillon b = fiche.brouillon();
        long conventionId = confirmationConvention.creer(b.convention());
        confirmationPlan.confirmer(conventionId, b.plan());
        confirmationAnnexes.confirmer(conventionId, b.annexes());
        jdbc.sql("UPDATE import_brouillon SET convention_id = :c WHERE id = :id").param("c", conventionId).param("id", id).update();
        journal.enregistrer("import", id, conventionId, "import du document " + fiche.nomFichier(),
                List.of(new Changement("Convention", null, String.valueOf(conventionId))));
        return conventionId;
    }

    private Fiche fiche(ResultSet rs, int i) throws SQLException {
        return new Fiche(rs.getLong("id"), rs.getLong("proprietaire_id"), rs.getString("nom_fichier"), rs.getString("format"),
                rs.getString("statut"), (Long) rs.getObject("convention_id"), rs.getObject("cree_le", OffsetDateTime.class),
                rs.getObject("expire_le", OffsetDateTime.class), rs.getInt("version"), json.brouillon(rs.getString("brouillon")),
                json.lignes(rs.getString("lignes")));
    }
}
