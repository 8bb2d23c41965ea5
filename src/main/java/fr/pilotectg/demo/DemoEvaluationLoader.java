package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.evaluation.AxeTransversal;
import fr.pilotectg.evaluation.EvaluationService;
import fr.pilotectg.evaluation.IndicateursService;
import fr.pilotectg.evaluation.SaisieAxe;
import fr.pilotectg.evaluation.SaisieIndicateur;
import fr.pilotectg.evaluation.SaisieLigne;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads an example annual evaluation from {@code demo/evaluation/<convention>.json} through the evaluation
 * services, then labels it as example data. The year is left open (not validated by a COPIL).
 */
@Component
class DemoEvaluationLoader {

    record LigneDemo(String reference, String statut, String datePrevue, String resultats, String perspectives, String impacts) {
    }

    record IndicateurDemo(String reference, int position, String unite, String baseValeur, Integer baseAnnee,
                          String cibleValeur, Integer cibleAnnee, Map<Integer, String> valeurs) {
    }

    record EvaluationDemo(int annee, List<LigneDemo> lignes, Map<AxeTransversal, SaisieAxe> axes, String commentaires,
                          List<IndicateurDemo> indicateurs) {
    }

    private final EvaluationService evaluation;
    private final IndicateursService indicateurs;
    private final PlanService plans;
    private final ObjectMapper json;

    DemoEvaluationLoader(EvaluationService evaluation, IndicateursService indicateurs, PlanService plans, ObjectMapper json) {
        this.evaluation = evaluation;
        this.indicateurs = indicateurs;
        this.plans = plans;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/evaluation/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
    }

    private void charger(long conventionId, EvaluationDemo demo) {
        Map<String, Long> fiches = plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre().stream()
                .collect(Collectors.toMap(Fiche::reference, Fiche::id));
        int annee = demo.annee();
        for (LigneDemo l : demo.lignes()) {
            evaluation.enregistrerLigne(conventionId, annee, fiches.get(l.reference()),
                    new SaisieLigne(l.statut(), l.datePrevue(), l.resultats(), l.perspectives(), l.impacts(), 0));
        }
        demo.axes().forEach((axe, a) -> evaluation.enregistrerAxe(conventionId, annee, axe, new SaisieAxe(a.ouvertures(),
                a.fermetures(), a.faitsMarquants(), a.resultats(), a.perspectives(), a.impacts(), 0)));
        evaluation.enregistrerCommentaires(conventionId, annee, demo.commentaires(), 0);
        for (IndicateurDemo i : demo.indicateurs()) {
            indicateurs.enregistrer(conventionId, fiches.get(i.reference()), i.position(), new SaisieIndicateur(i.unite(),
                    i.baseValeur(), i.baseAnnee(), i.cibleValeur(), i.cibleAnnee(), i.valeurs(), 0));
        }
        evaluation.marquerCommeExemple(conventionId, annee);
    }

    private EvaluationDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, EvaluationDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
