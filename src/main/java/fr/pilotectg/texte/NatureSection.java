package fr.pilotectg.texte;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/** What a section of the text is: an item of the preamble, a numbered article, or a named clause. */
public enum NatureSection {
    PREAMBULE("Préambule"),
    ARTICLE("Article"),
    CLAUSE("Clause");

    private final String libelle;

    NatureSection(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    static NatureSection lire(String valeur, String champ) {
        if (valeur == null || valeur.isBlank()) {
            throw new ErreurValidation(champ, "Choisissez la nature de la section : " + permises() + ".");
        }
        return Arrays.stream(values()).filter(n -> n.name().equalsIgnoreCase(valeur.trim())).findFirst()
                .orElseThrow(() -> new ErreurValidation(champ, "Nature de section inconnue : « " + valeur.trim()
                        + " ». Valeurs permises : " + permises() + "."));
    }

    private static String permises() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
