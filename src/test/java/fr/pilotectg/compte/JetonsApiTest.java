package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.testsupport.HachagesComptes;
import fr.pilotectg.testsupport.HorlogeDeTest;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Personal API tokens through the whole filter chain: created with a password, then used alone as Bearer. */
@IntegrationTest
class JetonsApiTest {

    private static final String MOT_DE_PASSE = "mot-de-passe-du-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganisationService organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HorlogeDeTest horloge;
    @Autowired
    HachagesComptes hachages;

    @AfterEach
    void remettreLHorlogeALHeure() {
        horloge.remettreALHeure();
    }

    @Test
    void a_token_is_shown_once_then_authenticates_api_calls_without_any_password_check() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        JsonNode cree = creer(compte, "Script d'import", null);
        String valeur = cree.path("jeton").asString();
        assertThat(valeur).startsWith("pctg_").hasSize(48);
        assertThat(cree.path("prefixe").asString()).isEqualTo(valeur.substring(0, 11));

        long avant = hachages.verifications();
        MvcResult liste = mvc.perform(get("/api/v1/jetons").header("Authorization", "Bearer " + valeur)).andReturn();

        assertThat(liste.getResponse().getStatus()).isEqualTo(200);
        assertThat(hachages.verifications()).as("no bcrypt for a token").isEqualTo(avant);
        assertThat(liste.getRequest().getSession(false)).as("no session for a script").isNull();
        assertThat(liste.getResponse().getHeader("Set-Cookie")).isNull();
        JsonNode jetons = JSON.readTree(corps(liste.getResponse()));
        assertThat(jetons).hasSize(1);
        assertThat(jetons.get(0).path("nom").asString()).isEqualTo("Script d'import");
        assertThat(jetons.get(0).path("derniereUtilisation").isNull()).as("last use recorded").isFalse();
        assertThat(corps(liste.getResponse())).as("the value is never listed").doesNotContain(valeur.substring(11));
        assertThat(bearer(valeur, get("/api/v1/conventions")).getStatus()).isEqualTo(200);
    }

    @Test
    void only_the_sha256_of_a_token_is_stored() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        JsonNode cree = creer(compte, "Stockage", null);
        String valeur = cree.path("jeton").asString();

        Map<String, Object> ligne = jdbc.sql("SELECT * FROM jeton_api WHERE id = :id").param("id", cree.path("id").asLong())
                .query().singleRow();

        assertThat(ligne.get("empreinte")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(valeur.getBytes(StandardCharsets.US_ASCII))));
        assertThat(ligne.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(valeur.substring(11)));
        assertThat(jdbc.sql("SELECT changements::text FROM journal WHERE objet_type = 'jeton_api' AND objet_id = :id")
                .param("id", cree.path("id").asLong()).query(String.class).list())
                .as("creation journalled, without the token").singleElement().asString()
                .contains("Stockage", cree.path("prefixe").asString()).doesNotContain(valeur.substring(11));
    }

    @Test
    void wrong_and_unknown_tokens_are_refused_with_a_french_json_401() throws Exception {
        String inconnu = "pctg_" + "A".repeat(43);

        for (String valeur : List.of("n-importe-quoi", inconnu, "")) {
            MockHttpServletResponse reponse = bearer(valeur, get("/api/v1/jetons"));
            assertThat(reponse.getStatus()).as(valeur).isEqualTo(401);
            assertThat(reponse.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
            assertThat(JSON.readTree(corps(reponse)).path("message").asString()).isEqualTo(AuthentificationParJeton.REFUS);
        }
    }

    @Test
    void a_revoked_token_is_refused_and_the_revocation_is_journalled() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        JsonNode cree = creer(compte, "À révoquer", null);
        String valeur = cree.path("jeton").asString();
        long id = cree.path("id").asLong();

        MockHttpServletResponse revocation = bearer(valeur, delete("/api/v1/jetons/" + id));

        assertThat(revocation.getStatus()).as("a script revokes its own token, without CSRF token").isEqualTo(204);
        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'jeton_api' AND objet_id = :id AND action = 'révocation'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(basic(compte, get("/api/v1/jetons")).getContentAsString()).as("no longer listed").isEqualTo("[]");
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        String valeur = creer(compte, "Une journée", LocalDate.now(horloge)).path("jeton").asString();
        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).as("valid through its last day").isEqualTo(200);

        horloge.avancer(Duration.ofDays(1));

        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).isEqualTo(401);
    }

    @Test
    void the_token_of_a_deactivated_account_is_refused() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        String valeur = creer(compte, "Compte désactivé", null).path("jeton").asString();

        jdbc.sql("UPDATE utilisateur SET actif = false WHERE identifiant = :compte").param("compte", compte).update();

        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).isEqualTo(401);
    }

    @Test
    void another_user_cannot_revoke_my_token_but_an_administrator_can() throws Exception {
        String moi = nouveauCompte(Role.LECTEUR);
        String autre = nouveauCompte(Role.AGENT_CAF);
        JsonNode cree = creer(moi, "Le mien", null);
        String valeur = cree.path("jeton").asString();
        String chemin = "/api/v1/jetons/" + cree.path("id").asLong();

        MockHttpServletResponse refus = basic(autre, delete(chemin));

        assertThat(refus.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(corps(refus)).path("message").asString()).contains("introuvable");
        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).as("still valid").isEqualTo(200);
        String admin = nouveauCompte(Role.ADMIN);
        assertThat(basic(admin, delete(chemin)).getStatus()).isEqualTo(204);
        assertThat(bearer(valeur, get("/api/v1/jetons")).getStatus()).isEqualTo(401);
    }

    @Test
    void a_token_cannot_create_another_token() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);
        String valeur = creer(compte, "Script", null).path("jeton").asString();

        MockHttpServletResponse reponse = bearer(valeur, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nom\": \"Copie\"}"));

        assertThat(reponse.getStatus()).isEqualTo(403);
        assertThat(nombreDeJetons(compte)).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_written() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);

        MockHttpServletResponse sansNom = basic(compte, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nom\": \"  \"}"));
        MockHttpServletResponse trop = basic(compte, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("nom", "x".repeat(101), "expireLe", LocalDate.now().minusDays(1).toString()))));
        MockHttpServletResponse lointain = basic(compte, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("nom", "Loin", "expireLe", LocalDate.now().plusYears(6).toString()))));
        MockHttpServletResponse dateIllisible = basic(compte, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nom\": \"Date\", \"expireLe\": \"31/12/2027\"}"));

        assertThat(List.of(sansNom, trop, lointain, dateIllisible)).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(400));
        assertThat(champs(sansNom)).containsExactly("nom");
        assertThat(messages(sansNom)).singleElement().asString().contains("nom du jeton est obligatoire");
        assertThat(champs(trop)).containsExactly("nom", "expireLe");
        assertThat(messages(trop)).anySatisfy(m -> assertThat(m).contains("100 caractères"))
                .anySatisfy(m -> assertThat(m).contains("ne peut pas être passée"));
        assertThat(champs(lointain)).containsExactly("expireLe");
        assertThat(JSON.readTree(corps(dateIllisible)).path("message").asString()).contains("AAAA-MM-JJ");
        assertThat(nombreDeJetons(compte)).isZero();
    }

    @Test
    void the_openapi_document_describes_the_token_endpoints() throws Exception {
        String compte = nouveauCompte(Role.LECTEUR);

        JsonNode document = JSON.readTree(basic(compte, get("/api/v1/openapi")).getContentAsString(StandardCharsets.UTF_8));

        assertThat(document.path("paths").path("/api/v1/jetons").has("get")).isTrue();
        assertThat(document.path("paths").path("/api/v1/jetons").has("post")).isTrue();
        assertThat(document.path("paths").path("/api/v1/jetons/{id}").has("delete")).isTrue();
        assertThat(document.path("components").path("securitySchemes").path("jeton").path("scheme").asString()).isEqualTo("bearer");
    }

    private String nouveauCompte(Role role) {
        String identifiant = "jeton-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.creerUtilisateur(identifiant, MOT_DE_PASSE, "Compte de test " + identifiant, role, null);
        return identifiant;
    }

    private JsonNode creer(String compte, String nom, LocalDate expireLe) throws Exception {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("nom", nom);
        corps.put("expireLe", expireLe == null ? null : expireLe.toString());
        MockHttpServletResponse reponse = basic(compte, post("/api/v1/jetons").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(corps)));
        assertThat(reponse.getStatus()).as(corps(reponse)).isEqualTo(201);
        return JSON.readTree(corps(reponse));
    }

    private long nombreDeJetons(String compte) {
        return jdbc.sql("SELECT count(*) FROM jeton_api j JOIN utilisateur u ON u.id = j.utilisateur_id WHERE u.identifiant = :compte")
                .param("compte", compte).query(Long.class).single();
    }

    private MockHttpServletResponse basic(String compte, MockHttpServletRequestBuilder requete) throws Exception {
        return mvc.perform(requete.accept(MediaType.APPLICATION_JSON).with(httpBasic(compte, MOT_DE_PASSE))).andReturn().getResponse();
    }

    private MockHttpServletResponse bearer(String valeur, MockHttpServletRequestBuilder requete) throws Exception {
        return mvc.perform(requete.accept(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + valeur))
                .andReturn().getResponse();
    }

    private static List<String> champs(MockHttpServletResponse reponse) throws Exception {
        return StreamSupport.stream(JSON.readTree(corps(reponse)).path("erreurs").spliterator(), false).map(e -> e.path("champ").asString()).toList();
    }

    private static List<String> messages(MockHttpServletResponse reponse) throws Exception {
        return StreamSupport.stream(JSON.readTree(corps(reponse)).path("erreurs").spliterator(), false).map(e -> e.path("message").asString()).toList();
    }

    private static String corps(MockHttpServletResponse reponse) throws Exception {
        return reponse.getContentAsString(StandardCharsets.UTF_8);
    }
}
