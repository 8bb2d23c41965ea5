package fr.pilotectg.territoire;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a place name as people write it into a comparison key: lower case, no accents, no
 * punctuation (hyphens, apostrophes, dots…), single spaces, and abbreviations spelled out
 * ("St" → "saint", "Ste" → "sainte"). "Vals-lès-Bains" and "VALS LES BAINS" give the same key.
 *
 * <p>The keys are stored in the database: changing the rules needs a referential reload (bump
 * {@link ReferentielLoader#FORMAT}) and a migration rewriting the aliases stored in commune_alias.
 */
public final class NameNormalizer {

    private static final Pattern DIACRITIQUES = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATEURS = Pattern.compile("[^a-z0-9]+");

    private static final Map<String, String> ABREVIATIONS = Map.of(
            "st", "saint",
            "ste", "sainte");

    /** Longer forms of EPCI kinds, reduced to the abbreviations used in the official names. */
    private static final Map<Pattern, String> FORMES_EPCI = Map.of(
            Pattern.compile("\\bcommunaute de communes\\b"), "cc",
            Pattern.compile("\\bcommunaute d agglomeration\\b"), "ca",
            Pattern.compile("\\bcommunaute urbaine\\b"), "cu");

    private NameNormalizer() {
    }

    /** The comparison key of a commune (or any place) name; empty for null or blank input. */
    public static String normaliser(String nom) {
        if (nom == null) {
            return "";
        }
        String sansAccents = DIACRITIQUES.matcher(Normalizer.normalize(nom, Normalizer.Form.NFD)).replaceAll("");
        String minuscules = sansAccents.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String[] mots = SEPARATEURS.matcher(minuscules).replaceAll(" ").trim().split(" ");
        StringBuilder cle = new StringBuilder(minuscules.length());
        for (String mot : mots) {
            if (mot.isEmpty()) {
                continue;
            }
            if (!cle.isEmpty()) {
                cle.append(' ');
            }
            cle.append(ABREVIATIONS.getOrDefault(mot, mot));
        }
        return cle.toString();
    }

    /**
     * The comparison key of an EPCI name: as {@link #normaliser(String)}, and "Communauté de
     * communes du Bassin d'Aubenas" gives the same key as "CC du Bassin d'Aubenas".
     */
    public static String normaliserEpci(String nom) {
        String cle = normaliser(nom);
        for (Map.Entry<Pattern, String> forme : FORMES_EPCI.entrySet()) {
            cle = forme.getKey().matcher(cle).replaceAll(forme.getValue());
        }
        return cle;
    }
}
