package fr.pilotectg.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Calls the JSON API as a script would: HTTP Basic with a demo account (password "demo"), JSON in and
 * out. Goes through the whole security filter chain of the shared test context.
 */
public final class ClientApi {

    public static final String MOT_DE_PASSE = "demo";
    public static final String AUBENAS = "CTG du Bassin d'Aubenas 2026-2030";
    public static final String PILAT = "CTG des Monts du Pilat 2026-2030";
    public static final String CCBA = "CC du Bassin d'Aubenas";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    public ClientApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Status and body of one API answer. */
    public record Reponse(int status, String texte) {

        public JsonNode json() {
            assertThat(texte).as("corps JSON attendu (HTTP %s)", status).isNotBlank();
            return JSON.readTree(texte);
        }

        /** The fields named by {@code erreurs[].champ} of an error body. */
        public List<String> champsEnErreur() {
            return StreamSupport.stream(json().path("erreurs").spliterator(), false)
                    .map(e -> e.path("champ").asString()).toList();
        }

        /** The message of the error about one field. */
        public String messageDuChamp(String champ) {
            return StreamSupport.stream(json().path("erreurs").spliterator(), false)
                    .filter(e -> champ.equals(e.path("champ").asString()))
                    .map(e -> e.path("message").asString()).findFirst()
                    .orElseThrow(() -> new AssertionError("Aucune erreur sur le champ " + champ + " dans " + texte));
        }
    }

    public Reponse get(String utilisateur, String chemin) {
        return executer(utilisateur, MockMvcRequestBuilders.get(chemin).accept(MediaType.APPLICATION_JSON));
    }

    public Reponse post(String utilisateur, String chemin, Object corps) {
        return executer(utilisateur, MockMvcRequestBuilders.post(chemin)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(corps)));
    }

    public Reponse put(String utilisateur, String chemin, Object corps) {
        return executer(utilisateur, MockMvcRequestBuilders.put(chemin)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(corps)));
    }

    public Reponse patch(String utilisateur, String chemin, Object corps) {
        return executer(utilisateur, MockMvcRequestBuilders.patch(chemin)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(corps)));
    }

    public Reponse delete(String utilisateur, String chemin) {
        return executer(utilisateur, MockMvcRequestBuilders.delete(chemin).accept(MediaType.APPLICATION_JSON));
    }

    /** A file sent as the multipart field {@code fichier} (the importers' uploads). */
    public Reponse deposer(String utilisateur, String chemin, String nomFichier, byte[] contenu) {
        try {
            MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.multipart(chemin)
                    .file(new MockMultipartFile("fichier", nomFichier, "application/octet-stream", contenu))
                    .with(httpBasic(utilisateur, MOT_DE_PASSE))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A convention as the API shows it to this user; fails unless 200. */
    public JsonNode convention(String utilisateur, long id) {
        Reponse reponse = get(utilisateur, "/api/v1/conventions/" + id);
        assertThat(reponse.status()).as("GET convention %s as %s: %s", id, utilisateur, reponse.texte()).isEqualTo(200);
        return reponse.json();
    }

    /** Titles of the conventions the user sees in the API list (all of them: fails rather than truncate). */
    public List<String> titresVisibles(String utilisateur) {
        List<String> titres = titres(executer(utilisateur, MockMvcRequestBuilders.get("/api/v1/conventions")
                .param("taille", "100").accept(MediaType.APPLICATION_JSON)));
        assertThat(titres).as("liste tronquée à 100 conventions").hasSizeLessThan(100);
        return titres;
    }

    /** Titles of the conventions the user finds by searching a text (title, territory or commune). */
    public List<String> titresTrouves(String utilisateur, String texte) {
        return titres(executer(utilisateur, MockMvcRequestBuilders.get("/api/v1/conventions")
                .param("q", texte).param("taille", "100").accept(MediaType.APPLICATION_JSON)));
    }

    /** Id of a convention found by its exact title, searched as the admin (who sees everything). */
    public long idParTitre(String titre) {
        Reponse reponse = executer("admin", MockMvcRequestBuilders.get("/api/v1/conventions")
                .param("q", titre).param("taille", "100").accept(MediaType.APPLICATION_JSON));
        assertThat(reponse.status()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().spliterator(), false)
                .filter(c -> titre.equals(c.path("titre").asString()))
                .mapToLong(c -> c.path("id").asLong()).findFirst()
                .orElseThrow(() -> new AssertionError("Convention introuvable : " + titre));
    }

    private static List<String> titres(Reponse reponse) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().spliterator(), false).map(c -> c.path("titre").asString()).toList();
    }

    public long aubenas() {
        return idParTitre(AUBENAS);
    }

    public long pilat() {
        return idParTitre(PILAT);
    }

    /** Id of the Caf de l'Ardèche, the Caf of the Aubenas demo convention. */
    public long cafArdeche() {
        return convention("admin", aubenas()).path("caf").path("id").asLong();
    }

    /** Request body of {@code POST /api/v1/conventions} for a CCBA convention of the Caf de l'Ardèche. */
    public Map<String, Object> nouvelleConventionArdeche(String titre) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("titre", titre);
        corps.put("cafId", cafArdeche());
        corps.put("epci", CCBA);
        corps.put("dateDebut", "2026-01-01");
        corps.put("dateFin", "2030-12-31");
        return corps;
    }

    /**
     * Creates a convention of the Caf de l'Ardèche on the CC du Bassin d'Aubenas (so the Caf and the CCBA
     * are its parties), with a unique title: tests write on it, never on the demo conventions.
     */
    public JsonNode creerConventionDeTest(String utilisateur, String prefixe) {
        String titre = "Test " + prefixe + " " + UUID.randomUUID().toString().substring(0, 8);
        Reponse reponse = post(utilisateur, "/api/v1/conventions", nouvelleConventionArdeche(titre));
        assertThat(reponse.status()).as("création de la convention de test : %s", reponse.texte()).isEqualTo(201);
        // Read back rather than keep the creation answer: what is stored is what later reads will show.
        return convention(utilisateur, reponse.json().path("id").asLong());
    }

    /** Id of the organisation that is a party under this name in a convention's JSON. */
    public static long idPartie(JsonNode convention, String nomOrganisation) {
        return StreamSupport.stream(convention.path("parties").spliterator(), false)
                .filter(p -> nomOrganisation.equals(p.path("organisation").path("nom").asString()))
                .mapToLong(p -> p.path("organisation").path("id").asLong()).findFirst()
                .orElseThrow(() -> new AssertionError(nomOrganisation + " n'est pas partie à " + convention.path("titre")));
    }

    /** A body with the general information of a convention as it is, with some fields replaced. */
    public static Map<String, Object> informations(JsonNode convention, Map<String, Object> remplacements) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("titre", convention.path("titre").asString());
        corps.put("dateDebut", texteOuNull(convention.path("dateDebut")));
        corps.put("dateFin", texteOuNull(convention.path("dateFin")));
        corps.put("dureeAnnees", convention.path("dureeAnnees").isNull() ? null : convention.path("dureeAnnees").asInt());
        corps.put("lieuSignature", texteOuNull(convention.path("lieuSignature")));
        corps.put("dateSignature", texteOuNull(convention.path("dateSignature")));
        corps.put("nombreOriginaux", convention.path("nombreOriginaux").isNull() ? null : convention.path("nombreOriginaux").asInt());
        corps.put("visas", StreamSupport.stream(convention.path("visas").spliterator(), false).map(JsonNode::asString).toList());
        corps.put("tientLieuSchemaAo", convention.path("tientLieuSchemaAo").asBoolean());
        corps.putAll(remplacements);
        return corps;
    }

    private static String texteOuNull(JsonNode valeur) {
        return valeur == null || valeur.isNull() || valeur.isMissingNode() ? null : valeur.asString();
    }

    private Reponse executer(String utilisateur, MockHttpServletRequestBuilder requete) {
        try {
            MockHttpServletResponse reponse = mvc.perform(requete.with(httpBasic(utilisateur, MOT_DE_PASSE)))
                    .andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
