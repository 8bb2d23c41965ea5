package fr.pilotectg.pilotage;

import fr.pilotectg.shared.JsonStocke;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The evaluation of the previous CTG attached to a convention: read by its readers, set by its writers. */
@Service
public class EvaluationPrecedenteService {

    private final ConventionService conventions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Journal journal;

    EvaluationPrecedenteService(ConventionService conventions, JdbcClient jdbc, ObjectMapper json, Journal journal) {
        this.conventions = conventions;
        this.jdbc = jdbc;
        this.json = json;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationPrecedente> evaluation(long conventionId) {
        conventions.convention(conventionId);
        return jdbc.sql("SELECT contenu::text FROM evaluation_precedente WHERE convention_id = :c")
                .param("c", conventionId).query(String.class).optional()
                .map(texte -> JsonStocke.LECTURE.readValue(texte, EvaluationPrecedente.class));
    }

    /** The evaluation as its edit form shows it, with the version read (null when there is none yet); writers only. */
    @Transactional(readOnly = true)
    public Edition edition(long conventionId) {
        redacteur(conventionId);
        return jdbc.sql("SELECT contenu::text, version FROM evaluation_precedente WHERE convention_id = :c").param("c", conventionId)
                .query((rs, i) -> new Edition(FormulaireEvaluationPrecedente.depuis(json.readValue(rs.getString(1), EvaluationPrecedente.class)),
                        rs.getInt(2)))
                .optional().orElseGet(() -> new Edition(FormulaireEvaluationPrecedente.depuis(null), null));
    }

    public record Edition(FormulaireEvaluationPrecedente formulaire, Integer version) {
    }

    static final String CONFLIT = "L'évaluation de la CTG précédente a été modifiée par quelqu'un d'autre depuis que vous l'avez "
            + "ouverte : votre saisie n'a pas été enregistrée.";

    /**
     * Saves the evaluation typed on its edit page if it is still at the version read (null: there was none); a 409
     * otherwise, nothing written. Journalled.
     */
    @Transactional
    public EvaluationPrecedente modifier(long conventionId, FormulaireEvaluationPrecedente formulaire, Integer version) {
        redacteur(conventionId);
        EvaluationPrecedente evaluation = formulaire.lire();
        String contenu = json.writeValueAsString(evaluation);
        int ecrites = version == null
                ? jdbc.sql("""
                        INSERT INTO evaluation_precedente (convention_id, contenu, modifiee_par, modifiee_le)
                        VALUES (:c, CAST(:contenu AS jsonb), :auteur, now()) ON CONFLICT (convention_id) DO NOTHING""")
                .param("c", conventionId).param("contenu", contenu).param("auteur", UtilisateurConnecte.identifiantCourantOuSysteme())
                .update()
                : jdbc.sql("""
                        UPDATE evaluation_precedente SET contenu = CAST(:contenu AS jsonb), modifiee_par = :auteur, modifiee_le = now(),
                            version = version + 1 WHERE convention_id = :c AND version = :v""")
                .param("c", conventionId).param("contenu", contenu).param("auteur", UtilisateurConnecte.identifiantCourantOuSysteme())
                .param("v", version).update();
        if (ecrites != 1) {
            throw new ConflitDeModification(CONFLIT);
        }
        journal.enregistrer("EVALUATION_PRECEDENTE", conventionId, conventionId,
                version == null ? "Évaluation de la CTG précédente" : "Modification de l'évaluation de la CTG précédente",
                List.of(new Changement("Évaluation de la CTG précédente", null,
                        evaluation.axes().size() + " axes, " + evaluation.realisations().size() + " thématiques de réalisations")));
        return evaluation;
    }

    public boolean peutModifier(long conventionId) {
        return conventions.peutModifier(conventions.convention(conventionId));
    }

    private void redacteur(long conventionId) {
        if (!peutModifier(conventionId)) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas modifier l'évaluation de la CTG précédente.");
        }
    }

    /** Attaches (or replaces) the evaluation of the previous CTG. */
    @Transactional
    public void enregistrer(long conventionId, EvaluationPrecedente evaluation) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas modifier l'évaluation de la CTG précédente.");
        }
        boolean existait = jdbc.sql("""
                        INSERT INTO evaluation_precedente (convention_id, contenu, modifiee_par, modifiee_le)
                        VALUES (:c, CAST(:contenu AS jsonb), :auteur, now())
                        ON CONFLICT (convention_id) DO UPDATE SET contenu = EXCLUDED.contenu, modifiee_par = EXCLUDED.modifiee_par,
                            modifiee_le = EXCLUDED.modifiee_le, version = evaluation_precedente.version + 1
                        RETURNING version > 0""")
                .param("c", conventionId).param("contenu", json.writeValueAsString(evaluation))
                .param("auteur", UtilisateurConnecte.identifiantCourantOuSysteme())
                .query(Boolean.class).single();
        journal.enregistrer("EVALUATION_PRECEDENTE", conventionId, conventionId,
                existait ? "Remplacement de l'évaluation de la CTG précédente" : "Évaluation de la CTG précédente",
                List.of(new Changement("Évaluation de la CTG précédente", null,
                        evaluation.axes().size() + " axes, " + evaluation.realisations().size() + " thématiques de réalisations")));
    }
}
