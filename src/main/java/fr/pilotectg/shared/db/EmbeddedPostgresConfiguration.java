package fr.pilotectg.shared.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL from Maven Central binaries when no {@code spring.datasource.url} is set and the embedded
 * database is chosen ({@code pilote.base=embarquee}: environment variable {@code PILOTE_BASE=embarquee}, set by the
 * demo and test profiles and by the README's one-machine commands), so that the app runs on a machine that has only
 * a JDK. Production sets the URL and this is skipped. Neither set: the start stops with a message
 * ({@link SansBaseConfiguree}) rather than an instance quietly serving its own empty database (issue 16).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.BaseEmbarqueeChoisie.class)
class EmbeddedPostgresConfiguration {

    /** Value of {@code pilote.base} that chooses the embedded PostgreSQL. */
    static final String EMBARQUEE = "embarquee";

    @Bean(destroyMethod = "")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) {
        return SharedEmbeddedPostgres.acquire(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                SharedEmbeddedPostgres.release(properties);
            }
        };
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("pilote-embarque");
        return dataSource;
    }

    static boolean sansUrl(ConditionContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    static boolean embarqueeChoisie(ConditionContext context) {
        return EMBARQUEE.equalsIgnoreCase(context.getEnvironment().getProperty("pilote.base", "").strip());
    }

    static class BaseEmbarqueeChoisie implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return sansUrl(context) && embarqueeChoisie(context);
        }
    }

    static class AucuneBase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return sansUrl(context) && !embarqueeChoisie(context);
        }
    }
}
