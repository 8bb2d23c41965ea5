package fr.pilotectg.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-test provider itself: it publishes its discovery document and its keys. */
class FournisseurOidcTest {

    @Test
    void the_provider_publishes_its_discovery_document_and_keys() throws Exception {
        try (FournisseurOidc fournisseur = FournisseurOidc.demarrer()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> decouverte = http.send(HttpRequest.newBuilder(
                    URI.create(fournisseur.emetteur() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(decouverte.statusCode()).as(decouverte.body()).isEqualTo(200);
            assertThat(decouverte.body()).contains("\"issuer\":\"" + fournisseur.emetteur() + "\"", "userinfo_endpoint", "jwks_uri");
        }
    }
}
