package fr.pilotectg.shared;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON that the application itself stored in the database, read back whole. The application's own mapper reads what
 * users send strictly (bounded texts and lists, {@code web/JsonStrict}); a stored row must never become unreadable
 * because a limit changed or because a path other than the API wrote it (an import, a migration): one such row would
 * take down every page that shows it.
 */
public final class JsonStocke {

    public static final JsonMapper LECTURE = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonStocke() {
    }
}
