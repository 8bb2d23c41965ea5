package fr.pilotectg.convention;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;

/** Validation errors keyed by field name, for forms that show each message under its field. */
final class ErreursDeChamps {

    private ErreursDeChamps() {
    }

    static Map<String, String> de(ErreurValidation erreur) {
        Map<String, String> parChamp = new LinkedHashMap<>();
        erreur.erreurs().forEach(e -> parChamp.merge(e.champ(), e.message(), (a, b) -> a + " " + b));
        return parChamp;
    }
}
