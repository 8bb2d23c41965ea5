package fr.pilotectg.plan;

import java.util.Collection;
import java.util.Objects;

/**
 * Stable references (ADR 0011): an item of a numbered level gets, once, when it is created, the next free number
 * of its rule (its prefix followed by the highest number in use in its scope, plus one), and keeps it whatever
 * happens to the others. The scope is the whole plan for {@link Numerotation#CONTINUE}, the siblings for
 * {@link Numerotation#PAR_PARENT}.
 */
final class ReferencesStables {

    private ReferencesStables() {
    }

    /** The next free reference of a numbered level, given the references in use in its scope (deleted items included). */
    static String prochaine(Niveau niveau, Collection<String> referencesDuPerimetre) {
        int plusGrand = referencesDuPerimetre.stream().filter(Objects::nonNull)
                .mapToInt(r -> numero(niveau, r)).max().orElse(0);
        return niveau.reference(plusGrand + 1);
    }

    /** The number in a reference of this level ("FA12" → 12); 0 when it does not follow the level's pattern. */
    static int numero(Niveau niveau, String reference) {
        String prefixe = niveau.prefixe() == null ? "" : niveau.prefixe();
        if (reference == null || !reference.startsWith(prefixe)) {
            return 0;
        }
        String chiffres = reference.substring(prefixe.length());
        if (chiffres.isEmpty() || chiffres.length() > 9 || !chiffres.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(chiffres);
    }
}
