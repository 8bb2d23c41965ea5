package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.pilotage.EvaluationPrecedente;
import fr.pilotectg.pilotage.EvaluationPrecedenteService;
import fr.pilotectg.pilotage.TableauDeBordService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Steering demo data: the evaluation of the previous CTG ({@code demo/evaluation-precedente/}) and the planned
 * COPIL meetings ({@code demo/copils/}) of the demo conventions that have them.
 */
@Component
class DemoPilotageLoader {

    record CopilDemo(LocalDate date, String objet) {
    }

    private final EvaluationPrecedenteService evaluations;
    private final TableauDeBordService tableaux;
    private final ObjectMapper json;

    DemoPilotageLoader(EvaluationPrecedenteService evaluations, TableauDeBordService tableaux, ObjectMapper json) {
        this.evaluations = evaluations;
        this.tableaux = tableaux;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            lire("demo/evaluation-precedente/" + cle + ".json", EvaluationPrecedente.class)
                    .ifPresent(evaluation -> evaluations.enregistrer(convention.id(), evaluation));
            lire("demo/copils/" + cle + ".json", CopilDemo[].class)
                    .ifPresent(copils -> List.of(copils).forEach(c -> tableaux.ajouterCopil(convention.id(), c.date(), c.objet())));
        });
    }

    private <T> Optional<T> lire(String chemin, Class<T> type) {
        ClassPathResource fichier = new ClassPathResource(chemin);
        if (!fichier.exists()) {
            return Optional.empty();
        }
        try (InputStream in = fichier.getInputStream()) {
            return Optional.of(json.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
