package fr.pilotectg.convention;

import java.text.Normalizer;
import java.util.Locale;

/** Search text folded like the SQL function unaccent_simple: lower case, no accents, no hyphens or apostrophes. */
final class ConventionTexte {

    private ConventionTexte() {
    }

    static String pourRecherche(String texte) {
        String sansAccents = Normalizer.normalize(texte.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.toLowerCase(Locale.ROOT).replace("œ", "o").replace("æ", "a").replaceAll("[-'’]", " ").replaceAll("\\s+", " ")
                .replace("%", "").replace("_", "");
    }
}
