package fr.pilotectg.shared.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.pilotectg.PiloteCtgApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile, no datasource URL and no PILOTE_BASE=embarquee: the start stops with a French message. */
class SansBaseConfigureeTest {

    @Test
    void without_a_datasource_nor_the_embedded_database_chosen_the_start_stops_with_a_clear_message() {
        List<ApplicationEvent> evenements = new CopyOnWriteArrayList<>();
        SpringApplicationBuilder sansBase = new SpringApplicationBuilder(PiloteCtgApplication.class)
                .listeners((ApplicationListener<ApplicationEvent>) evenements::add);

        assertThatThrownBy(() -> sansBase.run("--server.port=0", "--pilote.base=", "--spring.datasource.url=").close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aucune base de données n'est configurée")
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("PILOTE_BASE=embarquee");
        assertThat(evenements).as("no web server opened").noneMatch(WebServerInitializedEvent.class::isInstance);
    }
}
