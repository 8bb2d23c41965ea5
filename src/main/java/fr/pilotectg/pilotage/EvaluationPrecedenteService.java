package fr.pilotectg.pilotage;

import fr.pilotectg.shared.JsonStocke;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
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
