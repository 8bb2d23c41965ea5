package fr.pilotectg.shared;

import java.util.List;

/**
 * Bad input that designates something ambiguously or not at all, with the closest candidates to choose from: the
 * API answers 400 with them in {@code candidats}, pages list them.
 */
public class ErreurAvecCandidats extends ErreurValidation {

    private final transient List<?> candidats;

    public ErreurAvecCandidats(String champ, String message, List<?> candidats) {
        super(champ, message);
        this.candidats = List.copyOf(candidats);
    }

    public List<?> candidats() {
        return candidats;
    }
}
