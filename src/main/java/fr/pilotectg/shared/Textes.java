package fr.pilotectg.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text folding for comparing names and searching, the same everywhere (and as the SQL function unaccent_simple). */
public final class Textes {

    // Compiled once: plier runs per fiche and per title on the dashboard (String.replaceAll compiles on every call).
    private static final Pattern MARQUES = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATEURS = Pattern.compile("[-'’]");
    private static final Pattern ESPACES = Pattern.compile("\\s+");

    private Textes() {
    }

    /** Lower case, no accents, hyphens and apostrophes as spaces, single spaces: "Vals-lès-Bains" → "vals les bains". */
    public static String plier(String texte) {
        String sansAccents = MARQUES.matcher(Normalizer.normalize(texte, Normalizer.Form.NFD)).replaceAll("");
        String minuscules = sansAccents.toLowerCase(Locale.ROOT).replace("œ", "o").replace("æ", "a");
        return ESPACES.matcher(SEPARATEURS.matcher(minuscules).replaceAll(" ")).replaceAll(" ").trim();
    }
}
