package fr.pilotectg.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.pilotectg.oidc.FournisseurOidc.Personne;
import fr.pilotectg.oidc.FournisseurOidc.Reponse;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end, against a real OpenID Connect provider ({@link FournisseurOidc}, Spring Authorization
 * Server) started for this class: an HTTP client follows the redirects, posts the provider's own login form, and
 * comes back to the application with an authorization code (PKCE required by the provider). This context also turns
 * the login form off ({@code pilote.connexion-formulaire=false}).
 */
@IntegrationTest
class ConnexionUniqueTest {

    static final FournisseurOidc FOURNISSEUR = FournisseurOidc.demarrer();

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry proprietes) {
        proprietes.add("pilote.oidc.issuer", FOURNISSEUR::emetteur);
        proprietes.add("pilote.oidc.client-id", () -> FournisseurOidc.CLIENT);
        proprietes.add("pilote.oidc.client-secret", () -> FournisseurOidc.SECRET);
        proprietes.add("pilote.oidc.libelle-bouton", () -> "Se connecter avec ProConnect");
        proprietes.add("pilote.connexion-formulaire", () -> "false");
        // Its own embedded PostgreSQL: the shared test context keeps target/test-postgres.
        proprietes.add("pilote.base-embarquee.repertoire", () -> "target/test-postgres-oidc");
    }

    @AfterAll
    static void arreter() {
        FOURNISSEUR.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OrganisationService organisations;
    @Autowired
    DomainesService domaines;
    @Autowired
    JdbcClient jdbc;

    private String application;

    @BeforeEach
    void adresses() {
        application = "http://127.0.0.1:" + port;
        FOURNISSEUR.autoriserRetour(application + "/connexion/oidc/retour");
    }

    @Test
    void an_existing_account_signs_in_by_its_verified_e_mail_ignoring_case_with_pkce() throws Exception {
        String courriel = unique("agent") + "@caf07.exemple.fr";
        organisations.creerUtilisateur(courriel.replace("agent", "Agent"), "mot-de-passe-inutile-ici", "Agathe Sso",
                Role.AGENT_CAF, caf().id());
        FOURNISSEUR.ajouter(new Personne(courriel, courriel.toUpperCase(), true, Reponse.JSON, true, "Agathe", "Sso"));
        Visiteur visiteur = new Visiteur();

        Page arrivee = visiteur.seConnecter(courriel);

        assertThat(visiteur.autorisation).as("authorization request").contains("code_challenge=", "code_challenge_method=S256");
        assertThat(arrivee.status()).isEqualTo(200);
        assertThat(arrivee.adresse()).as("the home page, signed in").startsWith(application + "/").doesNotContain("/connexion");
        assertThat(arrivee.document().select("nav").text()).contains("Agathe Sso", "Agent Caf");
        Page jetons = visiteur.get(application + "/compte/jetons");
        assertThat(jetons.status()).as("the session holds the account like after the login form").isEqualTo(200);
        assertThat(jetons.document().select("h1").text()).isEqualTo("Mon compte : jetons d'API");
    }

    @Test
    void signed_userinfo_as_proconnect_sends_it_is_verified_with_the_provider_keys_and_read() throws Exception {
        String courriel = unique("proconnect") + "@caf07.exemple.fr";
        organisations.creerUtilisateur(courriel, "mot-de-passe-inutile-ici", "Paul Connect", Role.LECTEUR, caf().id());
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, true, Reponse.JWT_SIGNE, false, "Paul", "Connect"));

        Page arrivee = new Visiteur().seConnecter(courriel);

        assertThat(arrivee.status()).isEqualTo(200);
        assertThat(arrivee.document().select("nav").text()).contains("Paul Connect");
    }

    @Test
    void userinfo_signed_with_another_key_is_refused() throws Exception {
        String courriel = unique("faussaire") + "@caf07.exemple.fr";
        organisations.creerUtilisateur(courriel, "mot-de-passe-inutile-ici", "Fanny Faussaire", Role.LECTEUR, caf().id());
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, true, Reponse.JWT_FAUSSE_SIGNATURE, false, "Fanny", "Faussaire"));
        Visiteur visiteur = new Visiteur();

        Page refus = visiteur.seConnecter(courriel);

        verifierRefus(refus, "echec", "Connexion unique impossible");
        assertThat(visiteur.get(application + "/compte/jetons").adresse()).startsWith(application + "/connexion");
    }

    @Test
    void an_unknown_e_mail_is_refused_with_a_clear_page_and_no_account_is_created() throws Exception {
        String courriel = unique("inconnu") + "@ailleurs.exemple.fr";
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, true, Reponse.JSON, true, "Ines", "Connue"));
        Visiteur visiteur = new Visiteur();

        Page refus = visiteur.seConnecter(courriel);

        verifierRefus(refus, "compte-inconnu", "Aucun compte pour cette adresse");
        assertThat(refus.document().text()).contains("créer votre compte avec cette adresse");
        assertThat(organisations.comptesParCourriel(courriel)).isEmpty();
        assertThat(visiteur.get(application + "/").adresse()).as("no session").startsWith(application + "/connexion");
    }

    @Test
    void an_unverified_e_mail_is_refused_even_when_its_account_exists() throws Exception {
        String courriel = unique("nonverifie") + "@caf07.exemple.fr";
        organisations.creerUtilisateur(courriel, "mot-de-passe-inutile-ici", "Victor Nonverifie", Role.LECTEUR, caf().id());
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, false, Reponse.JSON, true, "Victor", "Nonverifie"));

        verifierRefus(new Visiteur().seConnecter(courriel), "courriel-non-verifie", "Adresse électronique non vérifiée");

        String sansIndication = unique("sansindication") + "@caf07.exemple.fr";
        organisations.creerUtilisateur(sansIndication, "mot-de-passe-inutile-ici", "Sans Indication", Role.LECTEUR, caf().id());
        FOURNISSEUR.ajouter(new Personne(sansIndication, sansIndication, null, Reponse.JWT_SIGNE, false, "Sans", "Indication"));
        verifierRefus(new Visiteur().seConnecter(sansIndication), "courriel-non-verifie", "Adresse électronique non vérifiée");
    }

    @Test
    void a_deactivated_account_is_refused() throws Exception {
        String courriel = unique("desactive") + "@caf07.exemple.fr";
        long id = organisations.creerUtilisateur(courriel, "mot-de-passe-inutile-ici", "Denis Activé", Role.AGENT_CAF, caf().id());
        jdbc.sql("UPDATE utilisateur SET actif = false WHERE id = :id").param("id", id).update();
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, true, Reponse.JSON, true, "Denis", "Activé"));
        Visiteur visiteur = new Visiteur();

        verifierRefus(visiteur.seConnecter(courriel), "compte-desactive", "Compte désactivé");
        assertThat(visiteur.get(application + "/").adresse()).startsWith(application + "/connexion");
    }

    @Test
    void an_unknown_e_mail_of_an_allowed_domain_gets_an_account_with_the_domain_s_organisation_and_role() throws Exception {
        Organisation caf = caf();
        String domaine = unique("autorise") + ".caf.fr";
        domaines.ajouter(UtilisateurConnecte.systeme(), new NouveauDomaine(domaine, caf.nom(), "CHARGE_COOPERATION"));
        String courriel = "nouvelle.agente@" + domaine;
        FOURNISSEUR.ajouter(new Personne(courriel, courriel, true, Reponse.JWT_SIGNE, false, "Nouvelle", "Agente"));

        Page arrivee = new Visiteur().seConnecter(courriel);

        assertThat(arrivee.status()).isEqualTo(200);
        assertThat(arrivee.document().select("nav").text()).contains("Nouvelle Agente", "Chargé(e) de coopération");
        assertThat(organisations.comptesParCourriel(courriel)).singleElement().satisfies(compte -> {
            assertThat(compte.actif()).isTrue();
            assertThat(compte.utilisateur().identifiant()).isEqualTo(courriel);
            assertThat(compte.utilisateur().role()).isEqualTo(Role.CHARGE_COOPERATION);
            assertThat(compte.utilisateur().organisationId()).isEqualTo(caf.id());
        });
        long id = organisations.comptesParCourriel(courriel).get(0).utilisateur().id();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'utilisateur' AND objet_id = :id AND action = 'création'"
                        + " AND changements::text LIKE '%domaine autorisé%'").param("id", id).query(Long.class).single())
                .as("journalled").isEqualTo(1);

        assertThat(new Visiteur().seConnecter(courriel).status()).as("the second sign-in reuses the account").isEqualTo(200);
        assertThat(organisations.comptesParCourriel(courriel)).hasSize(1);
        String autreDomaine = unique("autre") + "@" + "sous." + domaine;
        FOURNISSEUR.ajouter(new Personne(autreDomaine, autreDomaine, true, Reponse.JSON, true, "Sous", "Domaine"));
        verifierRefus(new Visiteur().seConnecter(autreDomaine), "compte-inconnu", "Aucun compte");
    }

    @Test
    void the_login_page_offers_only_single_sign_on_when_the_form_is_turned_off() throws Exception {
        Visiteur visiteur = new Visiteur();
        Page connexion = visiteur.get(application + "/connexion");

        assertThat(connexion.document().select("#bouton-connexion-unique").text()).isEqualTo("Se connecter avec ProConnect");
        assertThat(connexion.document().select("#bouton-connexion-unique").attr("href")).isEqualTo("/connexion/unique/oidc");
        assertThat(connexion.document().select("input[type=password]")).isEmpty();

        String csrf = connexion.document().select("input[name=_csrf]").val();
        Page formulaire = visiteur.poster(application + "/connexion",
                Map.of("username", "admin", "password", "demo", "_csrf", csrf));
        assertThat(formulaire.status()).as("no password login").isNotIn(200, 302);
        assertThat(visiteur.get(application + "/").adresse()).startsWith(application + "/connexion");
    }

    private void verifierRefus(Page page, String motif, String titre) {
        assertThat(page.adresse()).isEqualTo(application + "/connexion/oidc/refus?motif=" + motif);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().select("h1").text()).isEqualTo("Connexion refusée");
        assertThat(page.document().select("#motif-refus").attr("data-motif")).isEqualTo(motif);
        assertThat(page.document().select("#motif-refus h2").text()).contains(titre);
        assertThat(page.document().text()).doesNotContain("Exception", "at fr.pilotectg");
    }

    private Organisation caf() {
        return organisations.cafs().stream().filter(o -> "07".equals(o.codeDepartement())).findFirst()
                .orElseGet(() -> organisations.cafs().get(0));
    }

    private static String unique(String prefixe) {
        return prefixe + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    record Page(int status, String adresse, String corps) {
        Document document() {
            return Jsoup.parse(corps, adresse);
        }
    }

    /** A browser's part in the code flow: follows redirects by hand and keeps each host's cookies apart. */
    final class Visiteur {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
        private final List<String> visitees = new ArrayList<>();
        String autorisation;

        Page seConnecter(String identifiant) throws IOException, InterruptedException {
            Page login = get(application + "/connexion/unique/oidc");
            assertThat(login.adresse()).as("%s\n%s %s", visitees, login.status(), login.corps())
                    .startsWith(FOURNISSEUR.emetteur() + "/login");
            autorisation = visitees.stream().filter(a -> a.contains("/oauth2/authorize")).findFirst().orElseThrow();
            Element formulaire = login.document().selectFirst("form");
            assertThat(formulaire).as("the provider's login form").isNotNull();
            return poster(formulaire.absUrl("action"), Map.of("username", identifiant,
                    "password", FournisseurOidc.MOT_DE_PASSE, "_csrf", formulaire.select("input[name=_csrf]").val()));
        }

        Page get(String adresse) throws IOException, InterruptedException {
            return suivre(envoyer(HttpRequest.newBuilder(URI.create(adresse)).GET(), adresse));
        }

        Page poster(String adresse, Map<String, String> champs) throws IOException, InterruptedException {
            String corps = champs.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return suivre(envoyer(HttpRequest.newBuilder(URI.create(adresse))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(corps)), adresse));
        }

        private Page suivre(HttpResponse<String> reponse) throws IOException, InterruptedException {
            for (int sauts = 0; sauts < 15 && reponse.statusCode() / 100 == 3; sauts++) {
                String suivante = reponse.uri().resolve(reponse.headers().firstValue("Location").orElseThrow()).toString();
                reponse = envoyer(HttpRequest.newBuilder(URI.create(suivante)).GET(), suivante);
            }
            return new Page(reponse.statusCode(), reponse.uri().toString(), reponse.body());
        }

        private HttpResponse<String> envoyer(HttpRequest.Builder requete, String adresse) throws IOException, InterruptedException {
            visitees.add(adresse);
            URI uri = URI.create(adresse);
            Map<String, String> duSite = cookies.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
            if (!duSite.isEmpty()) {
                requete.header("Cookie", duSite.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            requete.header("Accept", "text/html,application/xhtml+xml");
            HttpResponse<String> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : reponse.headers().allValues("Set-Cookie")) {
                String paire = cookie.split(";", 2)[0];
                int egal = paire.indexOf('=');
                duSite.put(paire.substring(0, egal).trim(), paire.substring(egal + 1).trim());
            }
            return reponse;
        }
    }
}
