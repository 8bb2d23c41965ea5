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
 * Starts a real PostgreSQL from Maven Central binaries when no {@code spring.datasource.url} is set,
 * so that the app runs on a machine that has only a JDK. Production sets the URL and this is skipped.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) {
        return SharedEmbeddedPostgres.acquire(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                SharedEmbeddedPostgres.release();
            }
        };
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("pilote-embarque");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
