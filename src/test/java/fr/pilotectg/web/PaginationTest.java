package fr.pilotectg.web;

import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared pager (fragments/pagination): its links keep the list's own filters and move one page. */
@IntegrationTest
class PaginationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_pager_of_a_long_list_keeps_its_filters_and_moves_one_page() {
        ClientPages pages = new ClientPages(mvc);
        Document premiere = pages.get("admin", "/organisations?type=CAF").document();
        Element pager = premiere.selectFirst("nav[aria-label=Pages de résultats]");
        assertThat(pager).as("101 Cafs make more than one page").isNotNull();
        assertThat(pager.select(".page-item.active").text()).startsWith("Page 1 sur ");
        assertThat(pager.select(".page-item").first().hasClass("disabled")).as("no page before the first").isTrue();
        String suivante = pager.select("a.page-link").last().attr("href");
        assertThat(suivante).contains("type=CAF", "page=2");

        Document deuxieme = pages.get("admin", suivante).document();
        assertThat(deuxieme.select("nav[aria-label=Pages de résultats] .page-item.active").text()).startsWith("Page 2 sur ");
    }
}
