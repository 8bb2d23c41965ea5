package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.texte.ObjectifsService;
import fr.pilotectg.texte.SaisieObjectif;
import fr.pilotectg.texte.SaisieSection;
import fr.pilotectg.texte.TexteService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The text and objectifs conjoints of a demo convention, from {@code demo/texte/<cle>.json}: article titles and
 * structure of the real document, its prose summarised. Parties are named "EPCI" or by their commune's name.
 */
@Component
class DemoTexteLoader {

    record TexteDemo(List<SaisieSection> sections, List<ObjectifDemo> objectifs) {
    }

    record ObjectifDemo(String intitule, String texte, String groupe, List<String> parties) {
    }

    private final TexteService textes;
    private final ObjectifsService objectifs;
    private final ConventionService conventions;
    private final ObjectMapper json;
    private final DemoReferentielsLoader referentiels;

    DemoTexteLoader(TexteService textes, ObjectifsService objectifs, ConventionService conventions, ObjectMapper json,
                    DemoReferentielsLoader referentiels) {
        this.referentiels = referentiels;
        this.textes = textes;
        this.objectifs = objectifs;
        this.conventions = conventions;
        this.json = json;
    }

    void charger(Map<String, Convention> parCle) {
        parCle.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/texte/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
        referentiels.charger(parCle);
    }

    private void charger(long conventionId, TexteDemo demo) {
        textes.modifier(conventionId, 0, demo.sections());
        VueConvention vue = conventions.vue(conventionId);
        objectifs.modifier(conventionId, 0, demo.objectifs().stream()
                .map(o -> new SaisieObjectif(o.intitule(), o.texte(), o.groupe(),
                        o.parties().stream().map(p -> partie(vue, p)).toList(), null))
                .toList());
    }

    private static long partie(VueConvention vue, String nom) {
        return vue.parties().stream()
                .filter(p -> "EPCI".equals(nom) ? p.organisation().type() == TypeOrganisation.EPCI
                        : p.organisation().type() == TypeOrganisation.COMMUNE
                        && Textes.plier(p.organisation().nom()).equals(Textes.plier(nom)))
                .map(p -> p.organisation().id()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Partie de démonstration introuvable : " + nom));
    }

    private TexteDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, TexteDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
