package fr.pilotectg.convention;

import java.time.LocalDate;

import fr.pilotectg.shared.ErreurValidation;

/** Place and date of signature, number of originals (null: "autant que de signataires"). */
public record Signature(String lieu, LocalDate date, Integer nombreOriginaux) {

    public static final Signature AUCUNE = new Signature(null, null, null);

    public Signature {
        if (nombreOriginaux != null && (nombreOriginaux < 1 || nombreOriginaux > 200)) {
            throw new ErreurValidation("nombreOriginaux", "Le nombre d'exemplaires originaux doit être compris entre 1 et 200.");
        }
    }
}
