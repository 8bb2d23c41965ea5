package fr.pilotectg.territoire;

import java.util.List;

/**
 * What a commune name, as written in a document, designates. An ambiguous name is never guessed:
 * the caller asks the user, or gives the département.
 */
public sealed interface ResolutionCommune {

    /** The name as it was given. */
    String nom();

    /**
     * Exactly one commune carries this name (or alias), or the name is a former commune's.
     *
     * @param note how a former name led to the current commune ("« A » a fusionné dans « B » le 1er janvier 2019"), else null
     */
    record Trouvee(String nom, Commune commune, String note) implements ResolutionCommune {

        public Trouvee(String nom, Commune commune) {
            this(nom, commune, null);
        }
    }

    /** Several communes carry this name; candidates sorted by département then code. */
    record Ambigue(String nom, List<Commune> candidats) implements ResolutionCommune {
        public Ambigue {
            candidats = List.copyOf(candidats);
        }
    }

    /** No commune carries this name (in the département, when one was given). */
    record Inconnue(String nom) implements ResolutionCommune {
    }
}
