package fr.pilotectg.suivi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the follow-up tests share: clients, and a throw-away convention of the Caf de l'Ardèche (caf07 and ccba
 * manage it) whose plan has two thématiques. « Centre social Le Palabre » carries Alpha only.
 */
@IntegrationTest
abstract class SuiviTestSupport {

    static final String PALABRE = "Centre social Le Palabre";

    /**
     * Thématique Enfance › Axe A (Alpha: palabre, 2026; Bravo: 2027), Axe B (Charlie: no planned year);
     * Thématique Jeunesse › Axe C (Delta: 2026-2027).
     */
    record PlanDeSuivi(long conventionId, long alpha, long bravo, long charlie, long delta) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService plans;

    @Autowired
    SuiviService suivi;

    @Autowired
    CampagneService campagnes;

    @Autowired
    OrganisationService organisations;

    @Autowired
    UserDetailsService utilisateurs;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    <T> T comme(String identifiant, Supplier<T> action) {
        return Comme.utilisateur(utilisateurs, identifiant, action);
    }

    long palabre() {
        return comme("admin", () -> organisations.parNom(PALABRE).get(0).id());
    }

    PlanDeSuivi planDeSuivi(String prefixe) {
        long conventionId = api.creerConventionDeTest("caf07", prefixe).path("id").asLong();
        long palabre = palabre();
        return comme("admin", () -> {
            plans.initialiser(conventionId, ModeleFiche.NATIONAL, List.of(
                    new Niveau(0, "Thématique", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(2, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            long enfance = plans.ajouterNoeud(conventionId, null, null, "Enfance", null, List.of(), null).id();
            long jeunesse = plans.ajouterNoeud(conventionId, null, null, "Jeunesse", null, List.of(), null).id();
            long axeA = plans.ajouterNoeud(conventionId, enfance, null, "Axe A", null, List.of(), null).id();
            long axeB = plans.ajouterNoeud(conventionId, enfance, null, "Axe B", null, List.of(), null).id();
            long axeC = plans.ajouterNoeud(conventionId, jeunesse, null, "Axe C", null, List.of(), null).id();
            ChampsFiche portee = ChampsFiche.VIDES.avecOrganisations("porteurs", List.of(new OrganisationCitee(PALABRE, palabre, null)));
            long alpha = creer(conventionId, axeA, "Alpha", portee, List.of(2026));
            long bravo = creer(conventionId, axeA, "Bravo", ChampsFiche.VIDES, List.of(2027));
            long charlie = creer(conventionId, axeB, "Charlie", ChampsFiche.VIDES, List.of());
            long delta = creer(conventionId, axeC, "Delta", ChampsFiche.VIDES, List.of(2026, 2027));
            return new PlanDeSuivi(conventionId, alpha, bravo, charlie, delta);
        });
    }

    private long creer(long conventionId, long noeudId, String titre, ChampsFiche champs, List<Integer> annees) {
        return plans.creerFiche(conventionId, noeudId, new ContenuFiche(null, titre, champs, annees, null, List.of())).id();
    }

    /** Id of a fiche of a demo convention by its reference. */
    long ficheDemo(long conventionId, String reference) {
        return comme("admin", () -> plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre().stream()
                .filter(f -> reference.equals(f.reference())).map(Fiche::id).findFirst().orElseThrow());
    }

    static Map<String, Object> miseAJour(String statut, Integer avancement, String datePoint) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("statut", statut);
        corps.put("avancement", avancement);
        corps.put("datePoint", datePoint);
        corps.put("miseEnOeuvre", "Réunion de lancement");
        corps.put("realisations", "Premier atelier");
        corps.put("difficultes", null);
        return corps;
    }
}
