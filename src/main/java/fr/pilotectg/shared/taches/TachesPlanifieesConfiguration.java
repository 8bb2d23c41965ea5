package fr.pilotectg.shared.taches;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each locked in PostgreSQL (ShedLock, table {@code shedlock}, ADR 0026): when several instances of
 * the application share one database, a job annotated {@code @SchedulerLock} runs on one of them only. Times are the
 * instances' clocks written as TIMESTAMPTZ (ShedLock's "database time" mode writes a UTC wall time without zone,
 * which a TIMESTAMPTZ column reads in the session's time zone: an hour off in Paris).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class TachesPlanifieesConfiguration {

    @Bean
    LockProvider verrouDesTaches(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .build());
    }
}
