package fr.pilotectg.securite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.plan.PlanService;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.RoutesDeConvention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Every write endpoint of the OpenAPI document, attacked as the admin (who may write everywhere, so that what
 * answers is the validation, not a denial) with wrong types, nulls, control characters, huge strings, extreme
 * numbers, broken JSON and forged path and query values. None may answer 5xx, and a refused request must leave
 * the database exactly as it was. Afterwards every page and API route of the attacked convention must still answer:
 * what was accepted must not break a page for everyone.
 */
@IntegrationTest
class FuzzApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final int CAS_MINIMUM = 30;
    /** Stands for the version of the object as read just before the request, so that only the attacked value is wrong. */
    private static final String VERSION_LUE = "{version lue}";
    private static final String GRAND_TEXTE = "x".repeat(1_000_000);

    @Autowired
    WebApplicationContext contexte;

    /** Its own MockMvc: the shared one prints every request of a failed test, megabytes of attack bodies here. */
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanService plans;

    @Autowired
    UserDetailsService utilisateurs;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private JsonNode openApi;
    private UserDetails admin;
    private final Map<String, String> valeursDeChemin = new LinkedHashMap<>();
    private final List<String> echecs = new ArrayList<>();

    record Cas(String motif, String description, String chemin, Map<String, String> requete, String corps, MediaType type) {
    }

    @Test
    void every_write_endpoint_refuses_malformed_input_with_a_4xx_and_writes_nothing() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(contexte).apply(springSecurity()).build();
        ClientApi api = new ClientApi(mvc);
        ConventionAttaquee cible = ConventionAttaquee.creer(api, jdbc, plans, utilisateurs);
        valeursDeChemin.putAll(cible.valeursDeChemin());
        openApi = JSON.readTree(api.get("admin", "/api/v1/openapi").texte());
        Ecritures base = new Ecritures(jdbc);
        admin = utilisateurs.loadUserByUsername("admin");

        Map<String, Integer> casParOperation = new LinkedHashMap<>();
        base.sansAutovacuum(() -> {
            for (Map.Entry<String, JsonNode> chemin : openApi.path("paths").properties()) {
                for (String methode : List.of("post", "put", "patch", "delete")) {
                    JsonNode operation = chemin.getValue().path(methode);
                    if (operation.isMissingNode()) {
                        continue;
                    }
                    List<Cas> cas = cas(chemin.getKey(), operation);
                    casParOperation.put(methode.toUpperCase() + " " + chemin.getKey(), cas.size());
                    for (Cas c : cas) {
                        executer(HttpMethod.valueOf(methode.toUpperCase()), c, base, cible);
                    }
                }
            }
        });

        verifierLesPagesDeLaConvention(api, cible);
        assertThat(echecs).as("%d cases over %d endpoints", casParOperation.values().stream().mapToInt(i -> i).sum(),
                casParOperation.size()).isEmpty();
        assertThat(casParOperation).as("write endpoints found in the OpenAPI document").hasSizeGreaterThan(20);
        assertThat(casParOperation).allSatisfy((operation, nombre) ->
                assertThat(nombre).as("cases for %s", operation).isGreaterThanOrEqualTo(CAS_MINIMUM));
    }

    private void executer(HttpMethod methode, Cas c, Ecritures base, ConventionAttaquee cible) {
        long avant = base.prochaineTransaction();
        // Signed in once rather than with Basic on each of thousands of requests: bcrypt would be most of the time.
        MockHttpServletRequestBuilder requete = MockMvcRequestBuilders.request(methode, c.chemin())
                .with(user(admin)).with(csrf()).accept(MediaType.APPLICATION_JSON);
        c.requete().forEach((nom, valeur) -> requete.queryParam(nom,
                VERSION_LUE.equals(valeur) ? String.valueOf(cible.version(c.motif())) : valeur));
        if (c.corps() != null) {
            requete.contentType(c.type()).content(c.corps().getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse reponse;
        String texte;
        try {
            reponse = mvc.perform(requete).andReturn().getResponse();
            texte = reponse.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            echecs.add(methode + " " + c.chemin() + " — " + c.description() + " → exception " + e);
            return;
        }
        int status = reponse.getStatus();
        String libelle = methode + " " + c.chemin() + " " + c.requete() + " — " + c.description();
        if (status >= 500) {
            echecs.add(libelle + " → HTTP " + status + " " + debut(texte));
        } else if (status >= 400) {
            long validees = base.transactionsValideesDepuis(avant);
            if (validees > 0) {
                echecs.add(libelle + " → HTTP " + status + " but " + validees + " transaction(s) committed");
            }
            // An empty body is a refusal left to the servlet container's error page (French JSON, see PagesErreurTest),
            // which MockMvc does not render; any body given here must be the API's JSON error.
            if (!texte.isEmpty() && !texte.contains("\"message\"")) {
                echecs.add(libelle + " → HTTP " + status + " without the JSON error: " + debut(texte));
            }
        }
    }

    private List<Cas> cas(String motif, JsonNode operation) {
        Map<String, String> chemin = new LinkedHashMap<>();
        Map<String, String> requete = new LinkedHashMap<>();
        Map<String, String> typesRequete = new LinkedHashMap<>();
        for (JsonNode parametre : operation.path("parameters")) {
            String nom = parametre.path("name").asString();
            if ("path".equals(parametre.path("in").asString())) {
                chemin.put(nom, valeurDeChemin(motif, nom));
            } else if ("query".equals(parametre.path("in").asString()) && parametre.path("required").asBoolean()) {
                requete.put(nom, valeurDeRequete(nom));
                typesRequete.put(nom, type(resoudre(parametre.path("schema"))));
            }
        }
        List<Cas> cas = new ArrayList<>();
        JsonNode contenu = operation.path("requestBody").path("content");
        String typeCorps = contenu.propertyNames().stream().findFirst().orElse(null);
        String url = remplir(motif, chemin);

        if (typeCorps != null && typeCorps.contains("json")) {
            JsonNode schema = resoudre(contenu.path(typeCorps).path("schema"));
            JsonNode exemple = exemple(schema, 0);
            cas.add(new Cas(motif, "valid-looking body", url, requete, JSON.writeValueAsString(exemple), MediaType.APPLICATION_JSON));
            for (String corps : List.of("", "null", "[]", "{", "\"texte\"", "42", "{\"a\":", "[".repeat(2_000), "\u0000")) {
                cas.add(new Cas(motif, "whole body " + debut(corps), url, requete, corps, MediaType.APPLICATION_JSON));
            }
            cas.add(new Cas(motif, "JSON sent as text/plain", url, requete, JSON.writeValueAsString(exemple), MediaType.TEXT_PLAIN));
            for (Mutation mutation : mutations(schema, exemple)) {
                cas.add(new Cas(motif, mutation.description(), url, requete, JSON.writeValueAsString(mutation.corps()), MediaType.APPLICATION_JSON));
            }
        } else if (typeCorps != null) {
            MediaType type = MediaType.parseMediaType(typeCorps.contains("*") ? "text/csv" : typeCorps);
            for (String corps : corpsTexte()) {
                cas.add(new Cas(motif, "text body " + debut(corps), url, requete, corps, type));
            }
        } else {
            cas.add(new Cas(motif, "no body", url, requete, null, null));
            for (String corps : List.of("{}", "null", "{\"id\": -1}", "[", "\u0000", "x".repeat(100_000))) {
                cas.add(new Cas(motif, "unexpected body " + debut(corps), url, requete, corps, MediaType.APPLICATION_JSON));
            }
        }

        String corpsDeBase = cas.get(0).corps();
        MediaType typeDeBase = cas.get(0).type();
        for (String nom : chemin.keySet()) {
            for (String valeur : List.of("-1", "0", "9223372036854775807", "99999999999999999999", "-9223372036854775808",
                    "abc", "1.5", "1e3", "0x10", "+", "%20", "%00", "é", "null", "x".repeat(5_000))) {
                Map<String, String> autre = new LinkedHashMap<>(chemin);
                // "+" prefixes the attacked object's own id: "+1" would read as 1, a demo object the request may write.
                autre.put(nom, "+".equals(valeur) ? "+" + chemin.get(nom) : valeur);
                cas.add(new Cas(motif, "path " + nom + "=" + valeur, remplir(motif, autre), requete, corpsDeBase, typeDeBase));
            }
        }
        for (String valeur : valeursDeRequeteAberrantes("string")) {
            Map<String, String> avecInconnu = new LinkedHashMap<>(requete);
            avecInconnu.put("inattendu", valeur);
            cas.add(new Cas(motif, "unexpected query parameter " + debut(valeur), url, avecInconnu, corpsDeBase, typeDeBase));
        }
        for (String nom : requete.keySet()) {
            for (String valeur : valeursDeRequeteAberrantes(typesRequete.get(nom))) {
                Map<String, String> autre = new LinkedHashMap<>(requete);
                autre.put(nom, valeur);
                cas.add(new Cas(motif, "query " + nom + "=" + debut(valeur), url, autre, corpsDeBase, typeDeBase));
            }
            Map<String, String> sans = new LinkedHashMap<>(requete);
            sans.remove(nom);
            cas.add(new Cas(motif, "query " + nom + " missing", url, sans, corpsDeBase, typeDeBase));
        }
        return cas;
    }

    private static List<String> valeursDeRequeteAberrantes(String type) {
        List<String> valeurs = new ArrayList<>(List.of("", "abc", "a\u0000b", "x".repeat(30_000), "-1", "2147483648",
                "-9223372036854775808", "1e308", "null"));
        if (!"integer".equals(type)) {
            valeurs.add("\u001b[31m");
        }
        return valeurs;
    }

    private static List<String> corpsTexte() {
        List<String> corps = new ArrayList<>(List.of("", "\u0000\u0000\u0000", "indicateur;territoire;periode;valeur\n",
                "indicateur;territoire;periode;valeur\nA\u0000;France;2024;1\n", "a;b\n" + "x".repeat(2_000_000),
                "indicateur;territoire;periode;valeur\nX;France;2024;99999999999999999999999999999999\n",
                "indicateur;territoire;periode;valeur\nX;France;-2147483648;1\n", "\uFEFF\uFEFF;;;\n;;;\n",
                "indicateur;territoire\n" + "x;y\n".repeat(20_000), "<html><script>alert(1)</script></html>"));
        for (int i = 0; i < 25; i++) {
            corps.add("indicateur;territoire;periode;valeur;source\n" + "I" + i + ";France;" + (1990 + i * 7) + ";"
                    + List.of("1,5", "<5", "NS", "douze", "1e400", "-0", "∞", "1 000", "NaN").get(i % 9) + ";\u0007\n");
        }
        return corps;
    }

    record Mutation(String description, JsonNode corps) {
    }

    /** For each property of the body (and of the first item of its lists): the values that should be refused or survived. */
    private List<Mutation> mutations(JsonNode schema, JsonNode exemple) {
        List<Mutation> mutations = new ArrayList<>();
        if (!(exemple instanceof ObjectNode objet)) {
            if (exemple instanceof ArrayNode) {
                mutations.add(new Mutation("list with null", NOEUDS.arrayNode().addNull()));
                mutations.add(new Mutation("list of numbers", NOEUDS.arrayNode().add(1).add(2)));
            }
            return mutations;
        }
        JsonNode proprietes = schema.path("properties");
        for (String nom : objet.propertyNames()) {
            JsonNode schemaPropriete = resoudre(proprietes.path(nom));
            for (Map.Entry<String, JsonNode> valeur : valeursAberrantes(schemaPropriete).entrySet()) {
                ObjectNode copie = objet.deepCopy();
                copie.set(nom, valeur.getValue());
                mutations.add(new Mutation(nom + " = " + valeur.getKey(), copie));
            }
            JsonNode interieur = objet.get(nom);
            JsonNode schemaInterieur = resoudre(schemaPropriete.path("items"));
            if (interieur instanceof ArrayNode liste && !liste.isEmpty() && liste.get(0) instanceof ObjectNode element) {
                for (String sousNom : element.propertyNames()) {
                    for (Map.Entry<String, JsonNode> valeur : valeursAberrantes(resoudre(schemaInterieur.path("properties").path(sousNom))).entrySet()) {
                        ObjectNode copie = objet.deepCopy();
                        ((ObjectNode) copie.get(nom).get(0)).set(sousNom, valeur.getValue());
                        mutations.add(new Mutation(nom + "[0]." + sousNom + " = " + valeur.getKey(), copie));
                    }
                }
            }
        }
        ObjectNode inconnu = objet.deepCopy();
        inconnu.put("champInconnu\u0000", "x");
        mutations.add(new Mutation("unknown property with NUL", inconnu));
        return mutations;
    }

    private Map<String, JsonNode> valeursAberrantes(JsonNode schema) {
        Map<String, JsonNode> valeurs = new LinkedHashMap<>();
        valeurs.put("null", NOEUDS.nullNode());
        valeurs.put("object", NOEUDS.objectNode().put("x", 1));
        String type = type(schema);
        switch (type) {
            case "string" -> {
                valeurs.put("number", NOEUDS.numberNode(20260101));
                valeurs.put("true", NOEUDS.booleanNode(true));
                valeurs.put("NUL", NOEUDS.stringNode("a\u0000b"));
                valeurs.put("escape", NOEUDS.stringNode("\u001b[31mrouge"));
                valeurs.put("1 MB", NOEUDS.stringNode(GRAND_TEXTE));
                valeurs.put("20 001 chars", NOEUDS.stringNode("é".repeat(20_001)));
                valeurs.put("301 chars", NOEUDS.stringNode("t".repeat(301)));
                valeurs.put("blank", NOEUDS.stringNode("   "));
                valeurs.put("script", NOEUDS.stringNode("<script>alert(1)</script>"));
                valeurs.put("30/02/2026", NOEUDS.stringNode("30/02/2026"));
                valeurs.put("2026-02-30", NOEUDS.stringNode("2026-02-30"));
                valeurs.put("+10000-01-01", NOEUDS.stringNode("+10000-01-01"));
                valeurs.put("9999-12-31", NOEUDS.stringNode("9999-12-31"));
                valeurs.put("unknown enum", NOEUDS.stringNode("PAS_UNE_VALEUR"));
            }
            case "integer", "number" -> {
                valeurs.put("text", NOEUDS.stringNode("douze"));
                valeurs.put("true", NOEUDS.booleanNode(true));
                valeurs.put("Long.MAX", NOEUDS.numberNode(Long.MAX_VALUE));
                valeurs.put("Integer.MIN", NOEUDS.numberNode(Integer.MIN_VALUE));
                valeurs.put("Integer.MAX", NOEUDS.numberNode(Integer.MAX_VALUE));
                valeurs.put("-1", NOEUDS.numberNode(-1));
                valeurs.put("0", NOEUDS.numberNode(0));
                valeurs.put("1.5", NOEUDS.numberNode(1.5));
                valeurs.put("1e308", NOEUDS.numberNode(1e308));
                valeurs.put("huge", NOEUDS.numberNode(new java.math.BigInteger("9".repeat(40))));
                valeurs.put("20260101", NOEUDS.numberNode(20260101));
            }
            case "boolean" -> {
                valeurs.put("text", NOEUDS.stringNode("oui"));
                valeurs.put("number", NOEUDS.numberNode(1));
            }
            case "array" -> {
                valeurs.put("text", NOEUDS.stringNode("pas une liste"));
                valeurs.put("[null]", NOEUDS.arrayNode().addNull());
                valeurs.put("[[]]", NOEUDS.arrayNode().add(NOEUDS.arrayNode()));
                ArrayNode enorme = NOEUDS.arrayNode();
                JsonNode element = exemple(resoudre(schema.path("items")), 1);
                for (int i = 0; i < 5_000; i++) {
                    enorme.add(element);
                }
                valeurs.put("5 000 items", enorme);
                valeurs.put("[-2147483648]", NOEUDS.arrayNode().add(Integer.MIN_VALUE));
                valeurs.put("[NUL]", NOEUDS.arrayNode().add("\u0000"));
            }
            default -> {
                valeurs.put("text", NOEUDS.stringNode("pas un objet"));
                valeurs.put("list", NOEUDS.arrayNode().add(1));
                valeurs.put("{null: …}", NOEUDS.objectNode().putNull("cle"));
                valeurs.put("{\"\u0000\": 1}", NOEUDS.objectNode().put("\u0000", 1));
            }
        }
        return valeurs;
    }

    /** A plausible value for a schema: what a client following the documentation would send. */
    private JsonNode exemple(JsonNode schema, int profondeur) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type(schema)) {
            case "string" -> "date".equals(schema.path("format").asString()) ? NOEUDS.stringNode("2027-03-15")
                    : NOEUDS.stringNode("Valeur d'essai");
            case "integer" -> NOEUDS.numberNode(1);
            case "number" -> NOEUDS.numberNode(2.5);
            case "boolean" -> NOEUDS.booleanNode(false);
            case "array" -> profondeur > 3 ? NOEUDS.arrayNode() : NOEUDS.arrayNode().add(exemple(resoudre(schema.path("items")), profondeur + 1));
            default -> {
                ObjectNode objet = NOEUDS.objectNode();
                if (profondeur <= 3) {
                    for (Map.Entry<String, JsonNode> propriete : schema.path("properties").properties()) {
                        // A node of the attacked plan: "1" would name a node of the first demo convention, which a
                        // forged path ("+1" reads as 1) would then write into.
                        boolean noeud = propriete.getKey().equals("parentId") || propriete.getKey().equals("noeudId");
                        objet.set(propriete.getKey(), noeud ? NOEUDS.numberNode(Long.parseLong(valeursDeChemin.get("noeudId")))
                                : exemple(resoudre(propriete.getValue()), profondeur + 1));
                    }
                }
                yield objet;
            }
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        return type.isMissingNode() ? "object" : type.asString();
    }

    private JsonNode resoudre(JsonNode schema) {
        JsonNode courant = schema;
        for (int i = 0; i < 10 && courant.has("$ref"); i++) {
            String nom = courant.path("$ref").asString().replace("#/components/schemas/", "");
            courant = openApi.path("components").path("schemas").path(nom);
        }
        if (courant.has("oneOf") || courant.has("anyOf")) {
            Iterator<JsonNode> variantes = (courant.has("oneOf") ? courant.path("oneOf") : courant.path("anyOf")).iterator();
            while (variantes.hasNext()) {
                JsonNode variante = variantes.next();
                if (!"null".equals(variante.path("type").asString())) {
                    return resoudre(variante);
                }
            }
        }
        return courant;
    }

    private String valeurDeChemin(String motif, String nom) {
        if ("id".equals(nom)) {
            if (motif.startsWith("/api/v1/noeuds/")) {
                return valeursDeChemin.get("noeudId");
            }
            return motif.startsWith("/api/v1/fiches/") ? valeursDeChemin.get("ficheId")
                    : motif.startsWith("/api/v1/services/") ? valeursDeChemin.get("serviceId") : valeursDeChemin.get("conventionId");
        }
        return valeursDeChemin.getOrDefault(nom, "1");
    }

    private static String valeurDeRequete(String nom) {
        return "version".equals(nom) ? VERSION_LUE : "1";
    }

    private static String remplir(String motif, Map<String, String> valeurs) {
        Matcher variable = VARIABLE.matcher(motif);
        StringBuilder chemin = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(chemin, Matcher.quoteReplacement(valeurs.get(variable.group(1))));
        }
        return variable.appendTail(chemin).toString();
    }

    /** After the attack, as the admin: every GET route of the convention, page or API, still answers without a 5xx. */
    private void verifierLesPagesDeLaConvention(ClientApi api, ConventionAttaquee cible) {
        ClientPages pages = new ClientPages(mvc);
        Set<String> chemins = RoutesDeConvention.chemins(routes, cible.conventionId(), valeursDeChemin);
        for (String chemin : chemins) {
            int status = chemin.startsWith("/api/") ? api.get("admin", chemin).status() : pages.get("admin", chemin).status();
            if (status >= 500) {
                echecs.add("after the attack, GET " + chemin + " → HTTP " + status);
            }
        }
    }

    private static String debut(String texte) {
        String propre = texte.replace("\u0000", "\\0");
        return propre.length() <= 200 ? propre : propre.substring(0, 200) + "…";
    }
}
