package fr.pilotectg.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON read strictly, whatever the endpoint: a text is a JSON string without control characters and within
 * the longest text allowed ({@link Limites#TEXTE}); a date is an ISO string of a real day; a number is not
 * read as a text nor a decimal as an integer; a list holds no null. Each refusal names its field (see
 * {@link ErreursApi}); the limits of each field then apply in the features.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrict {

    @Bean
    JsonMapperBuilderCustomizer lectureStricteDuJson() {
        SimpleModule module = new SimpleModule("pilote-json-strict");
        module.addDeserializer(String.class, new TexteStrict());
        module.addDeserializer(LocalDate.class, new DateStricte());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                     BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new ListeBornee(deserializer);
            }
        });
        return builder -> builder
                .addModule(module)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withConfigOverride(List.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Set.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Collection.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
    }

    /** A refusal whose message is already the French sentence to show. */
    static final class ValeurRefusee extends MismatchedInputException {
        ValeurRefusee(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static final class TexteStrict extends StdScalarDeserializer<String> {

        TexteStrict() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext contexte) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ValeurRefusee(parser, "un texte entre guillemets est attendu.");
            }
            String texte = parser.getString();
            String probleme = Saisie.probleme(texte, Limites.longueurMax(nomDuChamp(parser)));
            if (probleme != null) {
                throw new ValeurRefusee(parser, probleme);
            }
            return texte;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        /** The field a text belongs to; for an item of a list ("communes": ["…"]), the list's name. */
        private static String nomDuChamp(JsonParser parser) {
            TokenStreamContext contexte = parser.streamReadContext();
            while (contexte != null && contexte.currentName() == null) {
                contexte = contexte.getParent();
            }
            return contexte == null ? null : contexte.currentName();
        }
    }

    /** A list of at most {@link Limites#ELEMENTS} items: what a person or a script sends in one request. */
    static final class ListeBornee extends DelegatingDeserializer {

        ListeBornee(ValueDeserializer<?> liste) {
            super(liste);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> liste) {
            return new ListeBornee(liste);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext contexte) {
            Object liste = super.deserialize(parser, contexte);
            if (liste instanceof Collection<?> elements && elements.size() > Limites.ELEMENTS) {
                throw new ValeurRefusee(parser, "liste de " + elements.size() + " éléments, au plus " + Limites.ELEMENTS
                        + " sont acceptés en une requête.");
            }
            return liste;
        }
    }

    static final class DateStricte extends StdScalarDeserializer<LocalDate> {

        /** Older dates exist (a previous contract, a census): the period of a convention has its own, narrower bounds. */
        private static final int ANNEE_MIN = 1900;
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        DateStricte() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext contexte) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ValeurRefusee(parser, "une date est attendue sous la forme \"AAAA-MM-JJ\", entre guillemets.");
            }
            String texte = parser.getString().trim();
            if (texte.isEmpty()) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(texte, ISO);
            } catch (DateTimeParseException e) {
                throw new ValeurRefusee(parser, "« " + Saisie.tronquer(texte) + " » n'est pas une date valide (format AAAA-MM-JJ).");
            }
            if (date.getYear() < ANNEE_MIN || date.getYear() > Limites.ANNEE_MAX) {
                throw new ValeurRefusee(parser, "l'année " + date.getYear() + " est hors des années acceptées ("
                        + ANNEE_MIN + " à " + Limites.ANNEE_MAX + ").");
            }
            return date;
        }
    }
}
