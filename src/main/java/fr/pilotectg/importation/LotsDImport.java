package fr.pilotectg.importation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk imports (issue 17 item 5): a ZIP of documents becomes one task per document in PostgreSQL; tasks are taken one
 * at a time with {@code FOR UPDATE SKIP LOCKED}, so that several instances share the work without taking the same
 * task twice; each gives a draft of the uploader, or a French error kept on the task.
 */
@Service
public class LotsDImport {

    static final int DOCUMENTS_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LotsDImport.class);

    private final JdbcClient jdbc;
    private final ImportsService imports;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final UserDetailsService utilisateurs;
    private final Clock horloge;

    LotsDImport(JdbcClient jdbc, ImportsService imports, Journal journal, TransactionTemplate transaction,
                UserDetailsService utilisateurs, Clock horloge) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.journal = journal;
        this.transaction = transaction;
        this.utilisateurs = utilisateurs;
        this.horloge = horloge;
    }

    public record Tache(long id, int rang, String nomFichier, String statut, String message, Long brouillonId) {

        public String libelleStatut() {
            return switch (statut) {
                case "FAITE" -> "Brouillon prêt";
                case "ECHOUEE" -> "Refusé";
                default -> "En attente";
            };
        }
    }

    public record Lot(long id, String nomFichier, OffsetDateTime creeLe, List<Tache> taches) {

        public long faites() {
            return taches.stream().filter(t -> !"EN_ATTENTE".equals(t.statut())).count();
        }

        public boolean termine() {
            return faites() == taches.size();
        }
    }

    public record ResumeLot(long id, String nomFichier, OffsetDateTime creeLe, long total, long enAttente) {
    }

    /** A ZIP of documents (DOCX, ODT, PDF, text, Markdown), read within the bounds of {@link ArchiveBornee}. */
    @Transactional
    public long deposer(String nomFichier, byte[] contenu) {
        ImportsService.verifierDroitDImporter();
        if (contenu == null || contenu.length == 0) {
            throw ImportRefuse.parce("Le fichier est vide.");
        }
        if (!ArchiveBornee.estUnZip(contenu)) {
            throw ImportRefuse.parce("L'import par lot attend une archive ZIP de documents (DOCX, ODT, PDF, texte ou Markdown).");
        }
        Map<String, byte[]> archive = ArchiveBornee.lire(contenu);
        List<Map.Entry<String, byte[]>> documents = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : archive.entrySet()) {
            String nom = e.getKey().toLowerCase(Locale.ROOT);
            String base = nom.replaceAll("^.*/", "");
            if (nom.startsWith("__macosx/") || base.startsWith(".") || base.startsWith("~$")) {
                continue;
            }
            if (nom.endsWith(".docx") || nom.endsWith(".odt") || nom.endsWith(".pdf") || nom.endsWith(".txt") || nom.endsWith(".md")) {
                documents.add(e);
            }
        }
        if (documents.isEmpty()) {
            throw ImportRefuse.parce("L'archive ne contient aucun document à importer (DOCX, ODT, PDF, texte ou Markdown).");
        }
        if (documents.size() > DOCUMENTS_MAX) {
            throw ImportRefuse.parce("L'archive contient " + documents.size() + " documents : au plus " + DOCUMENTS_MAX + " par lot.");
        }
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        String nom = ImportsService.nomDeFichier(nomFichier);
        long lot = jdbc.sql("""
                        INSERT INTO import_lot (proprietaire_id, nom_fichier, cree_le, expire_le)
                        VALUES (:p, :nom, :le, :expire) RETURNING id""")
                .param("p", UtilisateurConnecte.courant().id()).param("nom", nom).param("le", maintenant)
                .param("expire", maintenant.plus(ImportsService.DUREE_DE_VIE)).query(Long.class).single();
        int rang = 0;
        for (Map.Entry<String, byte[]> d : documents) {
            jdbc.sql("INSERT INTO import_tache (lot_id, rang, nom_fichier, contenu) VALUES (:lot, :rang, :nom, :contenu)")
                    .param("lot", lot).param("rang", ++rang).param("nom", ImportsService.nomDeFichier(d.getKey()))
                    .param("contenu", d.getValue()).update();
        }
        journal.enregistrer("import-lot", lot, null, "dépôt du lot " + nom,
                List.of(new Changement("Documents", null, String.valueOf(documents.size()))));
        return lot;
    }

    /** A bulk import of the signed-in user, with its tasks; 404 / 403 as for drafts. */
    public Lot lot(long id) {
        record Ligne(long proprietaire, String nom, OffsetDateTime creeLe, OffsetDateTime expireLe) {
        }
        Ligne l = jdbc.sql("SELECT proprietaire_id, nom_fichier, cree_le, expire_le FROM import_lot WHERE id = :id").param("id", id)
                .query((rs, i) -> new Ligne(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new Introuvable("Import par lot introuvable."));
        if (l.expireLe().isBefore(OffsetDateTime.now(horloge))) {
            throw new Introuvable("Cet import par lot a expiré.");
        }
        if (l.proprietaire() != UtilisateurConnecte.courant().id()) {
            throw new AccesRefuse("Cet import par lot appartient à la personne qui a déposé l'archive.");
        }
        List<Tache> taches = jdbc.sql("""
                        SELECT id, rang, nom_fichier, statut, message, brouillon_id FROM import_tache WHERE lot_id = :id ORDER BY rang""")
                .param("id", id)
                .query((rs, i) -> new Tache(rs.getLong("id"), rs.getInt("rang"), rs.getString("nom_fichier"), rs.getString("statut"),
                        rs.getString("message"), (Long) rs.getObject("brouillon_id")))
                .list();
        return new Lot(id, l.nom(), l.creeLe(), taches);
    }

    public List<ResumeLot> mesLots() {
        return jdbc.sql("""
                        SELECT l.id, l.nom_fichier, l.cree_le, count(t.id) AS total,
                               count(t.id) FILTER (WHERE t.statut = 'EN_ATTENTE') AS en_attente
                        FROM import_lot l LEFT JOIN import_tache t ON t.lot_id = l.id
                        WHERE l.proprietaire_id = :moi AND l.expire_le >= :m
                        GROUP BY l.id ORDER BY l.cree_le DESC, l.id DESC LIMIT 20""")
                .param("moi", UtilisateurConnecte.courant().id()).param("m", OffsetDateTime.now(horloge))
                .query((rs, i) -> new ResumeLot(rs.getLong("id"), rs.getString("nom_fichier"), rs.getObject("cree_le", OffsetDateTime.class),
                        rs.getLong("total"), rs.getLong("en_attente")))
                .list();
    }

    /** Processes waiting tasks until none is left (or another instance holds them); returns how many were processed here. */
    public int traiterEnAttente() {
        int traitees = 0;
        while (traiterUne()) {
            traitees++;
        }
        return traitees;
    }

    /**
     * One task, in one transaction holding its row lock: the document is extracted and analysed as its uploader, a
     * draft stored, or the French refusal kept. Returns false when no task is waiting (or all are taken).
     */
    boolean traiterUne() {
        Boolean traitee = transaction.execute(etat -> {
            record Prise(long id, String nom, byte[] contenu, String identifiant, long proprietaire) {
            }
            Optional<Prise> prise = jdbc.sql("""
                            SELECT t.id, t.nom_fichier, t.contenu, u.identifiant, l.proprietaire_id
                            FROM import_tache t JOIN import_lot l ON l.id = t.lot_id JOIN utilisateur u ON u.id = l.proprietaire_id
                            WHERE t.statut = 'EN_ATTENTE' ORDER BY t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED""")
                    .query((rs, i) -> new Prise(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getLong(5)))
                    .optional();
            if (prise.isEmpty()) {
                return false;
            }
            Prise p = prise.get();
            SecurityContext avant = SecurityContextHolder.getContext();
            try {
                UserDetails compte = utilisateurs.loadUserByUsername(p.identifiant());
                SecurityContext contexte = SecurityContextHolder.createEmptyContext();
                contexte.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(compte, null, compte.getAuthorities()));
                SecurityContextHolder.setContext(contexte);
                long brouillon = imports.enregistrer(p.proprietaire(), p.nom(), imports.analyser(p.nom(), p.contenu() == null ? new byte[0] : p.contenu()));
                terminer(p.id(), "FAITE", null, brouillon);
            } catch (ErreurValidation e) {
                terminer(p.id(), "ECHOUEE", e.getMessage(), null);
            } catch (RuntimeException e) {
                LOG.warn("Import par lot : le document {} (tâche {}) n'a pas pu être traité", p.nom(), p.id(), e);
                terminer(p.id(), "ECHOUEE", "Le document n'a pas pu être lu (erreur inattendue).", null);
            } finally {
                SecurityContextHolder.setContext(avant);
            }
            return true;
        });
        return Boolean.TRUE.equals(traitee);
    }

    private void terminer(long tache, String statut, String message, Long brouillon) {
        jdbc.sql("UPDATE import_tache SET statut = :s, message = :m, brouillon_id = :b, contenu = NULL, traitee_le = :le WHERE id = :id")
                .param("s", statut).param("m", message).param("b", brouillon).param("le", OffsetDateTime.now(horloge))
                .param("id", tache).update();
    }
}
