package fr.pilotectg.territoire;

import java.util.Objects;

/** A département (or a collectivité d'outre-mer), with its région. */
public record Departement(String code, String nom, String codeRegion, String nomRegion) {

    public Departement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nom, "nom");
    }
}
