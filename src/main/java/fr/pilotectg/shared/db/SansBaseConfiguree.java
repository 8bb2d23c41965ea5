package fr.pilotectg.shared.db;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * No datasource URL and the embedded database not chosen: the start stops with a French message saying what to set,
 * before the web server opens. Without it, an instance meant for a shared PostgreSQL but missing its
 * {@code SPRING_DATASOURCE_URL} would start its own empty database and serve it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.AucuneBase.class)
class SansBaseConfiguree {

    static final String MESSAGE = "Démarrage refusé : aucune base de données n'est configurée. Indiquez un PostgreSQL "
            + "existant (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD ; voir le README "
            + "« Utiliser un PostgreSQL existant »), ou choisissez explicitement le PostgreSQL embarqué pour une seule "
            + "machine avec PILOTE_BASE=embarquee (./mvnw spring-boot:run le fait en mode démo).";

    @Bean
    DataSource dataSource() {
        throw new IllegalStateException(MESSAGE);
    }
}
