package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throw-away plans for tests that write: a new convention of the Caf de l'Ardèche (caf07 and ccba may edit it)
 * whose plan is set up through {@link PlanService} as a demo user, like the demo loader does. Also reads the
 * demo plans' fiches through the API.
 */
final class PlansDeTest {

    /** A small plan: "Axe" / "Fiche action", Axe A holding Alpha and Bravo, Axe B holding Charlie. */
    record PetitPlan(long conventionId, long axeA, long axeB, long alpha, long bravo, long charlie) {
    }

    private final PlanService plans;
    private final UserDetailsService utilisateurs;
    private final ClientApi api;

    PlansDeTest(PlanService plans, UserDetailsService utilisateurs, ClientApi api) {
        this.plans = plans;
        this.utilisateurs = utilisateurs;
        this.api = api;
    }

    /** Runs code as a demo user, as a request of that user would; the test thread's context is put back after. */
    <T> T comme(String identifiant, Supplier<T> action) {
        return Comme.utilisateur(utilisateurs, identifiant, action);
    }

    void comme(String identifiant, Runnable action) {
        comme(identifiant, () -> {
            action.run();
            return null;
        });
    }

    /** A new convention 2026-2030 without plan. */
    long convention(String prefixe) {
        return api.creerConventionDeTest("caf07", prefixe).path("id").asLong();
    }

    /** A new convention with the small plan; fiches numbered with the given numbering and prefix "FA". */
    PetitPlan petitPlan(String prefixe, Numerotation numerotationFiches) {
        long conventionId = convention(prefixe);
        return comme("admin", () -> {
            plans.initialiser(conventionId, ModeleFiche.NATIONAL, List.of(
                    new Niveau(0, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Fiche action", numerotationFiches, "FA")), List.of(), List.of(), List.of());
            long axeA = plans.ajouterNoeud(conventionId, null, null, "Axe A", null, List.of(), null).id();
            long axeB = plans.ajouterNoeud(conventionId, null, null, "Axe B", null, List.of(), null).id();
            boolean libre = numerotationFiches == Numerotation.LIBRE;
            long alpha = creer(conventionId, axeA, libre ? "PE7" : null, "Alpha");
            long bravo = creer(conventionId, axeA, libre ? "G1" : null, "Bravo");
            long charlie = creer(conventionId, axeB, libre ? "S3" : null, "Charlie");
            return new PetitPlan(conventionId, axeA, axeB, alpha, bravo, charlie);
        });
    }

    /** A throw-away convention whose plan has one added field of each type, and one fiche; keys by type. */
    record PlanDeChamps(long conventionId, long fiche, Map<TypeChampAjoute, String> cles) {

        String nom(TypeChampAjoute type) {
            return "ajoute_" + cles.get(type);
        }
    }

    PlanDeChamps planAvecChampsDeChaqueType(String prefixe) {
        long c = convention(prefixe);
        comme("admin", () -> plans.initialiser(c, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        Map<TypeChampAjoute, String> cles = new LinkedHashMap<>();
        Map<TypeChampAjoute, String> libelles = Map.of(TypeChampAjoute.OUI_NON, "Relève de la compétence de l'EPCI",
                TypeChampAjoute.TEXTE, "Référent", TypeChampAjoute.TEXTE_LONG, "Commentaire", TypeChampAjoute.URL, "Ressource en ligne",
                TypeChampAjoute.NOMBRE, "Budget estimé", TypeChampAjoute.DATE, "Date du comité", TypeChampAjoute.CHOIX_UNIQUE, "Priorité",
                TypeChampAjoute.CHOIX_MULTIPLE, "Publics", TypeChampAjoute.LISTE, "Sites");
        for (TypeChampAjoute type : TypeChampAjoute.values()) {
            Map<String, Object> corps = new LinkedHashMap<>(Map.of("libelle", libelles.get(type), "type", type.name()));
            if (type == TypeChampAjoute.CHOIX_UNIQUE) {
                corps.put("choix", List.of("Haute", "Moyenne", "Basse"));
            }
            if (type == TypeChampAjoute.CHOIX_MULTIPLE) {
                corps.put("choix", List.of("Familles", "Jeunes", "Seniors"));
            }
            Reponse cree = api.post("caf07", "/api/v1/conventions/" + c + "/plan/champs", corps);
            assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
            cles.put(type, cree.json().path("cle").asString());
        }
        return new PlanDeChamps(c, creer(c, null, null, "Fiche aux champs ajoutés"), cles);
    }

    /** Creates a fiche with a title only, as the admin. */
    long creer(long conventionId, Long noeudId, String reference, String titre) {
        return comme("admin", () -> plans.creerFiche(conventionId, noeudId,
                new ContenuFiche(reference, titre, ChampsFiche.VIDES, List.of(), null, List.of())).id());
    }

    Fiche fiche(long id) {
        return comme("admin", () -> plans.fiche(id).fiche());
    }

    /** A node of a plan as stored (with its version, which the API does not show). */
    Noeud noeud(long conventionId, long noeudId) {
        return arbre(conventionId).branches().map(ArbrePlan.Branche::noeud).filter(n -> n.id() == noeudId).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de nœud " + noeudId + " dans la convention " + conventionId));
    }

    ArbrePlan arbre(long conventionId) {
        return comme("admin", () -> plans.arbre(conventionId, FiltreFiches.AUCUN));
    }

    /** "reference titre" of each fiche in plan order. */
    List<String> fichesDansLOrdre(long conventionId) {
        return arbre(conventionId).fichesDansLOrdre().stream().map(f -> f.reference() + " " + f.titre()).toList();
    }

    /** The fiches of a plan as the API lists them, read as the admin. */
    List<JsonNode> fichesApi(long conventionId) {
        Reponse reponse = api.get("admin", "/api/v1/conventions/" + conventionId + "/fiches");
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().spliterator(), false).toList();
    }

    /** A demo fiche by its reference, as the API shows it to the admin. */
    JsonNode ficheApi(long conventionId, String reference) {
        return fichesApi(conventionId).stream().filter(f -> reference.equals(f.path("reference").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de fiche " + reference + " dans la convention " + conventionId));
    }

    /** The body of {@code PUT /api/v1/fiches/{id}} that leaves the fiche as the API showed it, with some fields replaced. */
    static Map<String, Object> corps(JsonNode fiche, Map<String, Object> remplacements) {
        Map<String, Object> corps = new java.util.LinkedHashMap<>();
        corps.put("reference", fiche.path("reference").isNull() ? null : fiche.path("reference").asString());
        corps.put("titre", fiche.path("titre").asString());
        corps.put("annees", StreamSupport.stream(fiche.path("annees").spliterator(), false).map(JsonNode::asInt).toList());
        corps.put("echeances", fiche.path("echeances").isNull() ? null : fiche.path("echeances").asString());
        corps.put("notes", StreamSupport.stream(fiche.path("notes").spliterator(), false).map(JsonNode::asString).toList());
        corps.put("champs", fiche.path("champs"));
        corps.putAll(remplacements);
        return corps;
    }

    /** What a fiche says, without its version: to compare a fiche before and after a write. */
    static JsonNode sansVersion(JsonNode fiche) {
        tools.jackson.databind.node.ObjectNode copie = ((tools.jackson.databind.node.ObjectNode) fiche).deepCopy();
        copie.remove("version");
        return copie;
    }

    /** Puts a demo fiche back as it was (content; the version moves on), as the admin. */
    void remettre(JsonNode original) {
        long id = original.path("id").asLong();
        JsonNode actuelle = api.get("admin", "/api/v1/fiches/" + id).json();
        if (sansVersion(actuelle).equals(sansVersion(original))) {
            return;
        }
        Reponse reponse = api.put("admin", "/api/v1/fiches/" + id + "?version=" + actuelle.path("version").asInt(), corps(original, Map.of()));
        assertThat(reponse.status()).as("remise en état de la fiche %s : %s", id, reponse.texte()).isEqualTo(200);
        assertThat(sansVersion(reponse.json())).isEqualTo(sansVersion(original));
    }
}
