package fr.pilotectg.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.Indicateur;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.Comme;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the evaluation tests share: API and page clients, and throw-away conventions 2026-2030 of the Caf de
 * l'Ardèche on the CCBA (caf07 and ccba write them) with a small plan:
 * Alpha (planned 2026, 2027; carried by the Centre social Le Palabre; two indicators), Bravo (planned 2028),
 * Charlie (no planned year).
 */
abstract class EvaluationTestSupport {

    record PetitPlan(long conventionId, long alpha, long bravo, long charlie) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService planService;

    @Autowired
    UserDetailsService utilisateurs;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    PetitPlan petitPlan(String prefixe) {
        long conventionId = api.creerConventionDeTest("caf07", prefixe).path("id").asLong();
        return comme("admin", () -> {
            planService.initialiser(conventionId, ModeleFiche.NATIONAL, List.of(
                    new Niveau(0, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            long axe = planService.ajouterNoeud(conventionId, null, null, "Axe A", null, List.of(), null).id();
            ChampsFiche champsAlpha = new ChampsFiche(Map.of(), Map.of(),
                    Map.of("porteurs", List.of(new OrganisationCitee("Centre social Le Palabre", null, null))),
                    Map.of("indicateurs", List.of(new Indicateur("Nombre de familles accueillies", "QUANTITATIF"),
                            new Indicateur("Satisfaction des familles", "QUALITATIF"))));
            long alpha = planService.creerFiche(conventionId, axe, new ContenuFiche(null, "Alpha", champsAlpha, List.of(2026, 2027), null, List.of())).id();
            long bravo = planService.creerFiche(conventionId, axe, new ContenuFiche(null, "Bravo", ChampsFiche.VIDES, List.of(2028), null, List.of())).id();
            long charlie = planService.creerFiche(conventionId, null, new ContenuFiche(null, "Charlie", ChampsFiche.VIDES, List.of(), null, List.of())).id();
            return new PetitPlan(conventionId, alpha, bravo, charlie);
        });
    }

    <T> T comme(String identifiant, Supplier<T> action) {
        return Comme.utilisateur(utilisateurs, identifiant, action);
    }

    static String grille(long conventionId, int annee) {
        return "/api/v1/conventions/" + conventionId + "/evaluation/" + annee;
    }

    JsonNode lireGrille(String utilisateur, long conventionId, int annee) {
        Reponse reponse = api.get(utilisateur, grille(conventionId, annee));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        return reponse.json();
    }

    static JsonNode ligne(JsonNode grille, String reference) {
        return StreamSupport.stream(grille.path("lignes").spliterator(), false)
                .filter(l -> reference.equals(l.path("reference").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de ligne " + reference + " dans " + grille));
    }

    static JsonNode ligne(JsonNode grille, long ficheId) {
        return StreamSupport.stream(grille.path("lignes").spliterator(), false)
                .filter(l -> l.path("ficheId").asLong() == ficheId).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de ligne pour la fiche " + ficheId));
    }

    static Map<String, Object> corpsLigne(String statut, String datePrevue, String resultats, int version) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("statut", statut);
        corps.put("datePrevue", datePrevue);
        corps.put("resultats", resultats);
        corps.put("perspectives", null);
        corps.put("impacts", null);
        corps.put("version", version);
        return corps;
    }

    Reponse putLigne(String utilisateur, long conventionId, int annee, long ficheId, Map<String, Object> corps) {
        return api.put(utilisateur, grille(conventionId, annee) + "/lignes/" + ficheId, corps);
    }

    Reponse valider(String utilisateur, long conventionId, int annee, String date) {
        return api.post(utilisateur, grille(conventionId, annee) + "/validation", Map.of("dateCopil", date, "decision", "Évaluation adoptée"));
    }
}
