package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.pilotage.EvaluationPrecedente;
import fr.pilotectg.pilotage.EvaluationPrecedenteService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Attaches the evaluation of the previous CTG to the demo conventions that have one in {@code demo/evaluation-precedente/}. */
@Component
class DemoEvaluationPrecedenteLoader {

    private final EvaluationPrecedenteService evaluations;
    private final ObjectMapper json;

    DemoEvaluationPrecedenteLoader(EvaluationPrecedenteService evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/evaluation-precedente/" + cle + ".json");
            if (fichier.exists()) {
                try (InputStream in = fichier.getInputStream()) {
                    evaluations.enregistrer(convention.id(), json.readValue(in, EvaluationPrecedente.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
