package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.offre.NouveauService;
import fr.pilotectg.offre.OffreService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the supported-services annexes of the demo conventions from {@code demo/services/<convention>.json},
 * row by row as the documents print them, so that rows naming the same service merge as they would for a user.
 */
@Component
class DemoServicesLoader {

    record AnnexeDemo(List<NouveauService> lignes) {
    }

    private final OffreService offre;
    private final ObjectMapper json;

    DemoServicesLoader(OffreService offre, ObjectMapper json) {
        this.offre = offre;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/services/" + cle + ".json");
            if (fichier.exists()) {
                lire(fichier).lignes().forEach(ligne -> offre.ajouter(convention.id(), ligne));
            }
        });
    }

    private AnnexeDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, AnnexeDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
