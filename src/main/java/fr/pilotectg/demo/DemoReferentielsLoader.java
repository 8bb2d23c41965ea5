package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.referentiel.ReferentielsService;
import fr.pilotectg.referentiel.SaisieReferentiel;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The reference frameworks of a demo convention, from {@code demo/referentiels/<cle>.json}: the names and headings
 * of the frameworks the real document refers to (missions of the branche Famille, a roadmap's axes and enjeux).
 */
@Component
class DemoReferentielsLoader {

    private final ReferentielsService referentiels;
    private final ObjectMapper json;

    DemoReferentielsLoader(ReferentielsService referentiels, ObjectMapper json) {
        this.referentiels = referentiels;
        this.json = json;
    }

    void charger(Map<String, Convention> parCle) {
        parCle.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/referentiels/" + cle + ".json");
            if (fichier.exists()) {
                referentiels.modifier(convention.id(), 0, lire(fichier));
            }
        });
    }

    private List<SaisieReferentiel> lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, new TypeReference<List<SaisieReferentiel>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
