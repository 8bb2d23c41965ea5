package fr.pilotectg.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Text folding for comparing names and searching, the same everywhere (and as the SQL function unaccent_simple). */
public final class Textes {

    private Textes() {
    }

    /** Lower case, no accents, hyphens and apostrophes as spaces, single spaces: "Vals-lès-Bains" → "vals les bains". */
    public static String plier(String texte) {
        String sansAccents = Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.toLowerCase(Locale.ROOT).replace("œ", "o").replace("æ", "a")
                .replaceAll("[-'’]", " ").replaceAll("\\s+", " ").trim();
    }
}
