package fr.pilotectg.diagnostic;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A statistical marker printed instead of a number: kept as such, never turned into 0. */
public enum Marqueur {
    SECRET("<5", "effectif inférieur à 5 (secret statistique)"),
    NS("NS", "non significatif"),
    ND("ND", "non disponible"),
    NUL("null", "valeur absente (imprimé « null »)"),
    TIRET("-", "non renseigné (imprimé « - »)");

    private final String code;
    private final String libelle;

    Marqueur(String code, String libelle) {
        this.code = code;
        this.libelle = libelle;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    /** The marker written exactly so (case ignored for NS, ND, null). */
    public static Optional<Marqueur> depuis(String texte) {
        String t = texte == null ? "" : texte.strip();
        return Arrays.stream(values()).filter(m -> m.code.equalsIgnoreCase(t)).findFirst();
    }

    static String codesConnus() {
        return "<5, NS, ND, null, -";
    }
}
