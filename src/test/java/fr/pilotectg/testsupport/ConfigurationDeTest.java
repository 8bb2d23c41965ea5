package fr.pilotectg.testsupport;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the shared test context adds to the application: a clock tests can move, a counting password encoder, a data
 * source that counts the statements of a thread ({@link CompteurDeRequetes}).
 */
@TestConfiguration(proxyBeanMethods = false)
class ConfigurationDeTest {

    @Bean
    @Primary
    HorlogeDeTest horlogeDeTest() {
        return new HorlogeDeTest();
    }

    @Bean
    static BeanPostProcessor compterLesHachages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String nom) {
                return bean instanceof PasswordEncoder encodeur && !(bean instanceof HachagesComptes)
                        ? new HachagesComptes(encodeur) : bean;
            }
        };
    }

    @Bean
    static BeanPostProcessor compterLesRequetes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String nom) {
                return bean instanceof DataSource source && !(bean instanceof CompteurDeRequetes)
                        ? new CompteurDeRequetes(source) : bean;
            }
        };
    }
}
