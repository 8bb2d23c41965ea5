package fr.pilotectg.diagnostic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of a diagnostic table as its edit page shows it: its name, each field as typed text, and the version read. */
public record LigneEditee(long id, int version, String titre, Map<String, String> valeurs) {

    public LigneEditee {
        valeurs = Collections.unmodifiableMap(new LinkedHashMap<>(valeurs));
    }
}
