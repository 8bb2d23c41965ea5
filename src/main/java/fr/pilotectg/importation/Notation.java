package fr.pilotectg.importation;

import java.util.List;

/**
 * Scores the kinds of elements one part is responsible for (e.g. parties, representatives) in a draft of one of the
 * reference documents ({@code aubenas}, {@code pilat}, {@code baronnies}), against their hand-made expected result.
 * Every implementation is a Spring bean; the scoring tool runs them all.
 */
public interface Notation {

    List<Score> noter(String document, Brouillon brouillon);
}
