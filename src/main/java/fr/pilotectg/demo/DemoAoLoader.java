package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import fr.pilotectg.ao.AoService;
import fr.pilotectg.ao.LigneProjection;
import fr.pilotectg.ao.SaisieCollectivite;
import fr.pilotectg.convention.Convention;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the early-childhood AO data of the demo conventions from {@code demo/ao/<convention>.json}: the
 * competence matrix as the documents tick it, and the schéma projection tables.
 */
@Component
class DemoAoLoader {

    record AoDemo(List<CollectiviteDemo> matrice, List<ProjectionDemo> projections) {
    }

    record CollectiviteDemo(String collectivite, Map<String, SaisieCollectivite.Saisie> competences) {
    }

    record ProjectionDemo(String ao, List<LigneProjection> lignes) {
    }

    private final AoService ao;
    private final ObjectMapper json;

    DemoAoLoader(AoService ao, ObjectMapper json) {
        this.ao = ao;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/ao/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
    }

    private void charger(long conventionId, AoDemo demo) {
        for (CollectiviteDemo collectivite : demo.matrice()) {
            int version = ao.vue(conventionId).matrice().version();
            ao.definirCollectivite(conventionId, new SaisieCollectivite(version, collectivite.collectivite(), collectivite.competences()));
        }
        for (ProjectionDemo projection : demo.projections()) {
            String code = ao.collectivites(conventionId).stream().filter(c -> c.nom().equals(projection.ao())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Autorité organisatrice inconnue : " + projection.ao())).code();
            ao.remplacerProjection(conventionId, ao.vue(conventionId).versionProjection(), code, projection.lignes());
        }
    }

    private AoDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, AoDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
