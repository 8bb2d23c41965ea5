package fr.pilotectg.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every integration test uses this one configuration, so Spring caches a single context: one
 * embedded PostgreSQL and one set of demo data for the whole test JVM. Tests create their own
 * data with unique names and never rely on another test's writes. The context's clock and password
 * encoder are those of {@link ConfigurationDeTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(ConfigurationDeTest.class)
public @interface IntegrationTest {
}
