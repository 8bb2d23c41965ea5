package fr.pilotectg.web;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document names each schema after its Java class's simple name: two classes of the same simple name (two
 * {@code StatutJson} records in two controllers) share one schema, and one of the endpoints documents the other's body.
 * Every type read or written by the API, request bodies and what they contain, has a simple name of its own.
 */
class NomsDeSchemasTest {

    @Test
    void no_two_types_of_the_api_share_a_schema_name() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Set<String>> classesParNom = new TreeMap<>();
        Set<Class<?>> vus = new HashSet<>();
        int corps = 0;
        for (BeanDefinition definition : scanner.findCandidateComponents("fr.pilotectg")) {
            Class<?> controleur = Class.forName(definition.getBeanClassName());
            for (Method methode : controleur.getDeclaredMethods()) {
                for (int i = 0; i < methode.getParameterCount(); i++) {
                    if (methode.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
                        corps++;
                        parcourir(methode.getGenericParameterTypes()[i], vus, classesParNom);
                    }
                }
                parcourir(methode.getGenericReturnType(), vus, classesParNom);
            }
        }

        assertThat(corps).as("request bodies found").isGreaterThan(20);
        assertThat(classesParNom).as("schema names").containsKey("StatutJson");
        assertThat(classesParNom.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
                .as("simple names shared by several types of the API").isEmpty();
    }

    private static void parcourir(Type type, Set<Class<?>> vus, Map<String, Set<String>> classesParNom) {
        if (type instanceof ParameterizedType parametre) {
            parcourir(parametre.getRawType(), vus, classesParNom);
            for (Type argument : parametre.getActualTypeArguments()) {
                parcourir(argument, vus, classesParNom);
            }
        } else if (type instanceof WildcardType joker) {
            for (Type borne : joker.getUpperBounds()) {
                parcourir(borne, vus, classesParNom);
            }
        } else if (type instanceof Class<?> classe) {
            if (classe.isArray()) {
                parcourir(classe.getComponentType(), vus, classesParNom);
                return;
            }
            if (!classe.getName().startsWith("fr.pilotectg") || !vus.add(classe)) {
                return;
            }
            classesParNom.computeIfAbsent(classe.getSimpleName(), n -> new TreeSet<>()).add(classe.getName());
            if (classe.isRecord()) {
                for (RecordComponent composant : classe.getRecordComponents()) {
                    parcourir(composant.getGenericType(), vus, classesParNom);
                }
            }
        }
    }
}
