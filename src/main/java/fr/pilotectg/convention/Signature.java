package fr.pilotectg.convention;

import java.time.LocalDate;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * Place and date of signature, number of originals (null: "autant que de signataires"), as a number or as the
 * document prints it ("en sept exemplaires originaux", "autant d'exemplaires que de signataires"). A printed
 * text that is only a number is kept as the number.
 */
public record Signature(String lieu, LocalDate date, Integer nombreOriginaux, String nombreOriginauxTexte) {

    public static final Signature AUCUNE = new Signature(null, null, null);

    public Signature(String lieu, LocalDate date, Integer nombreOriginaux) {
        this(lieu, date, nombreOriginaux, null);
    }

    @PersistenceCreator
    public Signature {
        nombreOriginauxTexte = nombreOriginauxTexte == null || nombreOriginauxTexte.isBlank() ? null : nombreOriginauxTexte.strip();
        if (nombreOriginauxTexte != null && nombreOriginaux == null && nombreOriginauxTexte.matches("\\d{1,3}")) {
            nombreOriginaux = Integer.valueOf(nombreOriginauxTexte);
            nombreOriginauxTexte = null;
        }
        if (nombreOriginaux != null && (nombreOriginaux < 1 || nombreOriginaux > 200)) {
            throw new ErreurValidation("nombreOriginaux", "Le nombre d'exemplaires originaux doit être compris entre 1 et 200.");
        }
        String probleme = Saisie.probleme(nombreOriginauxTexte, Limites.TITRE);
        if (probleme != null) {
            throw new ErreurValidation("nombreOriginauxTexte", "Exemplaires originaux tels qu'écrits : " + probleme);
        }
    }

    /** "7", "7 (« en sept exemplaires »)", the printed text alone, or null. */
    public String nombreOriginauxAffiche() {
        if (nombreOriginaux == null) {
            return nombreOriginauxTexte;
        }
        return nombreOriginauxTexte == null ? nombreOriginaux.toString() : nombreOriginaux + " (« " + nombreOriginauxTexte + " »)";
    }
}
