package fr.pilotectg.shared;

import java.util.List;

/**
 * Bad input, refused before anything is written: each error names the field it is about, in French.
 * Pages show them next to the field; the API answers 400 with them.
 */
public class ErreurValidation extends RuntimeException {

    public record Erreur(String champ, String message) implements java.io.Serializable {
    }

    private final List<Erreur> erreurs;

    public ErreurValidation(List<Erreur> erreurs) {
        super(erreurs.stream().map(Erreur::message).reduce((a, b) -> a + " " + b).orElse("Saisie invalide."));
        this.erreurs = List.copyOf(erreurs);
    }

    public ErreurValidation(String champ, String message) {
        this(List.of(new Erreur(champ, message)));
    }

    public List<Erreur> erreurs() {
        return erreurs;
    }
}
