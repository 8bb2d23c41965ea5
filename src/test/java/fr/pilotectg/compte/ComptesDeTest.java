package fr.pilotectg.compte;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.testsupport.ClientApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts created by the tests through the API as the admin, given the demo password so that the clients can use them. */
final class ComptesDeTest {

    private final ClientApi api;
    private final JdbcClient jdbc;

    ComptesDeTest(ClientApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    static String adresse(String prefixe) {
        return prefixe + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    long organisation(String nom) {
        return jdbc.sql("SELECT id FROM organisation WHERE nom = :nom").param("nom", nom).query(Long.class).single();
    }

    static Map<String, Object> corps(String identifiant, String nom, long organisationId, String role, boolean adminCaf) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("identifiant", identifiant);
        corps.put("nomAffiche", nom);
        corps.put("organisationId", organisationId);
        corps.put("role", role);
        corps.put("administrateurCaf", adminCaf);
        return corps;
    }

    /** Creates an account as the admin and gives it the demo password; its JSON. */
    JsonNode creer(String prefixe, long organisationId, String role, boolean adminCaf) {
        ClientApi.Reponse reponse = api.post("admin", "/api/v1/utilisateurs",
                corps(adresse(prefixe), "Personne " + prefixe, organisationId, role, adminCaf));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        long id = reponse.json().path("compte").path("id").asLong();
        donnerLeMotDePasseDemo(id);
        return reponse.json().path("compte");
    }

    void donnerLeMotDePasseDemo(long id) {
        jdbc.sql("UPDATE utilisateur SET mot_de_passe = (SELECT mot_de_passe FROM utilisateur WHERE identifiant = 'caf07') WHERE id = :id")
                .param("id", id).update();
    }

    /** What the refused requests must leave as it was: the accounts, the journal, the tokens and the password links. */
    String etat() {
        return jdbc.sql("""
                        SELECT md5(coalesce((SELECT string_agg(u::text, '|' ORDER BY id) FROM utilisateur u), '')
                                   || (SELECT count(*) FROM journal)
                                   || coalesce((SELECT string_agg(j::text, '|' ORDER BY id) FROM jeton_api j), '')
                                   || (SELECT count(*) FROM lien_mot_de_passe))""")
                .query(String.class).single();
    }
}
