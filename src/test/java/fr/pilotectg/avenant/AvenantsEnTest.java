package fr.pilotectg.avenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** What the avenant tests of one change type share: a refused draft, the convention's version, the diff labels. */
final class AvenantsEnTest {

    private AvenantsEnTest() {
    }

    static byte[] telecharger(MockMvc mvc, String chemin) throws Exception {
        var r = mvc.perform(get(chemin).with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsByteArray();
    }

    static void assertRefus(ClientApi api, String base, Map<String, Object> changement, String champ, String extrait) {
        Reponse r = api.post("caf07", base + "/avenants", Map.of("objet", "Refusé", "changements", List.of(changement)));
        assertThat(r.status()).as(r.texte()).isEqualTo(400);
        assertThat(r.champsEnErreur()).contains(champ);
        assertThat(r.messageDuChamp(champ)).contains(extrait);
    }

    static int version(ClientApi api, long id) {
        return api.convention("caf07", id).path("version").asInt();
    }

    static long avenants(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT count(*) FROM avenant WHERE convention_id = :c").param("c", id).query(Long.class).single();
    }

    static List<String> libelles(JsonNode differences) {
        return StreamSupport.stream(differences.spliterator(), false).map(d -> d.path("libelle").asString()).toList();
    }
}
