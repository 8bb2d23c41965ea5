package fr.pilotectg.plan;

import java.util.Objects;

/**
 * An evaluation indicator of a fiche; type is QUANTITATIF or QUALITATIF. {@code cle} is the indicator's own id within
 * its fiche, given when the fiche is saved ({@link ClesIndicateurs}) and kept when indicators are reordered or renamed:
 * the yearly values of the indicator are tied to it, not to its position. Two indicators are equal when their label and
 * type are (the id is not content).
 */
public record Indicateur(String libelle, String type, String cle) {

    public Indicateur(String libelle, String type) {
        this(libelle, type, null);
    }

    Indicateur avecCle(String nouvelle) {
        return new Indicateur(libelle, type, nouvelle);
    }

    @Override
    public boolean equals(Object autre) {
        return autre instanceof Indicateur i && Objects.equals(libelle, i.libelle) && Objects.equals(type, i.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(libelle, type);
    }
}
