package fr.pilotectg.web;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files stay at their addresses, public; pages link to ours by a hash of their content and to the webjars by
 * their version, kept a year by browsers; no static mapping catches every address, so the links of a page are not
 * looked up as files at each rendering (see {@link RessourcesStatiques}).
 */
@IntegrationTest
class RessourcesStatiquesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider ressources;

    @Test
    void static_files_are_served_without_login_at_their_usual_addresses() throws Exception {
        mvc.perform(get("/css/pilote.css")).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/js/pilote.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/absent.css")).andExpect(status().isNotFound());
    }

    @Test
    void pages_link_to_the_static_files_and_to_versioned_webjars() {
        ClientApi api = new ClientApi(mvc);
        String html = new ClientPages(mvc).get("ccba", "/conventions/" + api.aubenas()).html();
        assertThat(html).containsPattern("href=\"/css/pilote-[0-9a-f]{32}\\.css\"").containsPattern("src=\"/js/pilote-[0-9a-f]{32}\\.js\"")
                .containsPattern("href=\"/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css\"")
                .containsPattern("src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\"");
    }

    @Test
    void a_file_linked_by_its_content_hash_is_kept_a_year_by_browsers() throws Exception {
        String lien = ressources.getForLookupPath("/css/pilote.css");
        byte[] contenu = new ClassPathResource("static/css/pilote.css").getContentAsByteArray();
        assertThat(lien).isEqualTo("/css/pilote-" + DigestUtils.md5DigestAsHex(contenu) + ".css");
        mvc.perform(get(lien)).andExpect(status().isOk()).andExpect(content().bytes(contenu))
                .andExpect(header().string("Cache-Control", allOf(containsString("max-age=31536000"), containsString("immutable"))));
        mvc.perform(get("/css/pilote-00000000000000000000000000000000.css")).andExpect(status().isNotFound());
    }

    @Test
    void a_link_to_a_page_matches_no_static_mapping() {
        assertThat(ressources.getHandlerMap().keySet()).doesNotContain("/**");
        assertThat(ressources.getForLookupPath("/conventions/1/plan")).isNull();
        assertThat(ressources.getForLookupPath("/css/pilote.css")).matches("/css/pilote-[0-9a-f]{32}\\.css");
    }
}
