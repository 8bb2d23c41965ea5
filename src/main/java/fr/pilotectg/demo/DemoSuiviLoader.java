package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.suivi.CampagneService;
import fr.pilotectg.suivi.NouvelleCampagne;
import fr.pilotectg.suivi.NouvelleMiseAJour;
import fr.pilotectg.suivi.SuiviService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads example follow-ups from {@code demo/suivi/<convention>.json}: updates recorded before a campaign, the
 * campaign, then the answers (linked to it as any update made while it is open). All flagged as examples.
 */
@Component
class DemoSuiviLoader {

    record MiseAJourDemo(String fiche, String statut, Integer avancement, LocalDate datePoint, String auteur,
                         String miseEnOeuvre, String realisations, String difficultes) {
    }

    record CampagneDemo(String libelle, int annee, int trimestre, LocalDate dateLimite, List<String> fiches) {
    }

    record SuiviDemo(List<MiseAJourDemo> avantCampagne, CampagneDemo campagne, List<MiseAJourDemo> reponses) {
    }

    private final SuiviService suivi;
    private final CampagneService campagnes;
    private final PlanService plans;
    private final ObjectMapper json;

    DemoSuiviLoader(SuiviService suivi, CampagneService campagnes, PlanService plans, ObjectMapper json) {
        this.suivi = suivi;
        this.campagnes = campagnes;
        this.plans = plans;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/suivi/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
    }

    private void charger(long conventionId, SuiviDemo demo) {
        Map<String, Long> fiches = plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre().stream()
                .collect(Collectors.toMap(Fiche::reference, Fiche::id));
        demo.avantCampagne().forEach(m -> enregistrer(fiches, m));
        CampagneDemo c = demo.campagne();
        campagnes.ouvrirExemple(conventionId, new NouvelleCampagne(c.libelle(), c.annee(), c.trimestre(), c.dateLimite(),
                c.fiches().stream().map(fiches::get).toList()));
        demo.reponses().forEach(m -> enregistrer(fiches, m));
    }

    private void enregistrer(Map<String, Long> fiches, MiseAJourDemo m) {
        suivi.ajouterExemple(fiches.get(m.fiche()), new NouvelleMiseAJour(m.statut(), m.avancement(), m.datePoint(),
                m.miseEnOeuvre(), m.realisations(), m.difficultes()), m.auteur());
    }

    private SuiviDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, SuiviDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
