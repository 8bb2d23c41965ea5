package fr.pilotectg.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;

/**
 * The résiliation of a convention (DOMAIN §3): its mode, the date it was decided (or the dénonciation sent), the
 * registered letter's dates, and the effect date computed from them. Until the effect date the convention stays in
 * force; the daily job then marks it "résiliée" ({@link EcheanceDesConventions}).
 */
public record Resiliation(long conventionId, ModeResiliation mode, LocalDate dateResiliation, LocalDate dateNotification,
                          LocalDate dateReception, LocalDate dateEffet, String commentaire, String enregistreePar,
                          OffsetDateTime enregistreeLe) {

    /** What a user asks; every field is checked by {@link #nouvelle}. */
    public record Demande(ModeResiliation mode, LocalDate dateResiliation, LocalDate dateNotification,
                          LocalDate dateReception, String commentaire) {
    }

    /** Checks the request against the convention and computes the effect date; nothing is written on refusal. */
    static Resiliation nouvelle(Convention convention, Demande demande, String auteur, OffsetDateTime le) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (demande == null) {
            throw new ErreurValidation("mode", "Indiquez le mode de résiliation et ses dates.");
        }
        if (demande.mode() == null) {
            erreurs.add(new ErreurValidation.Erreur("mode", "Choisissez le mode de résiliation : avec mise en demeure, "
                    + "sans mise en demeure ou dénonciation avec préavis de 6 mois."));
        }
        LocalDate signature = convention.signature().date();
        annee(erreurs, "dateResiliation", "Date de la résiliation", demande.dateResiliation());
        annee(erreurs, "dateNotification", "Date d'envoi de la lettre recommandée", demande.dateNotification());
        annee(erreurs, "dateReception", "Date de réception de la lettre recommandée", demande.dateReception());
        if (demande.dateResiliation() == null) {
            erreurs.add(new ErreurValidation.Erreur("dateResiliation", demande.mode() == ModeResiliation.DENONCIATION
                    ? "Indiquez la date de la dénonciation." : "Indiquez la date de la résiliation."));
        } else if (signature != null && demande.dateResiliation().isBefore(signature)) {
            erreurs.add(new ErreurValidation.Erreur("dateResiliation", "La date de la résiliation ("
                    + FormatFr.date(demande.dateResiliation()) + ") est antérieure à la signature de la convention ("
                    + FormatFr.date(signature) + ")."));
        }
        if (signature != null && demande.dateNotification() != null && demande.dateNotification().isBefore(signature)) {
            erreurs.add(new ErreurValidation.Erreur("dateNotification", "La lettre recommandée ("
                    + FormatFr.date(demande.dateNotification()) + ") ne peut pas précéder la signature de la convention ("
                    + FormatFr.date(signature) + ")."));
        }
        if (demande.mode() == ModeResiliation.MISE_EN_DEMEURE && demande.dateReception() == null) {
            erreurs.add(new ErreurValidation.Erreur("dateReception", "Avec mise en demeure, indiquez la date de réception "
                    + "de la lettre recommandée (avis de réception) : la résiliation prend effet un mois après."));
        }
        if (demande.dateNotification() != null && demande.dateReception() != null
                && demande.dateReception().isBefore(demande.dateNotification())) {
            erreurs.add(new ErreurValidation.Erreur("dateReception", "La lettre recommandée ne peut pas être reçue ("
                    + FormatFr.date(demande.dateReception()) + ") avant d'avoir été envoyée ("
                    + FormatFr.date(demande.dateNotification()) + ")."));
        }
        String commentaire = demande.commentaire() == null || demande.commentaire().isBlank() ? null : demande.commentaire().strip();
        String probleme = Saisie.probleme(commentaire, Limites.TEXTE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur("commentaire", "Commentaire : " + probleme));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        LocalDate effet = demande.mode().dateEffet(demande.dateResiliation(), demande.dateReception());
        if (effet.isBefore(demande.dateResiliation())) {
            effet = demande.dateResiliation();
        }
        return new Resiliation(convention.id(), demande.mode(), demande.dateResiliation(), demande.dateNotification(),
                demande.dateReception(), effet, commentaire, auteur, le);
    }

    /** "Résiliée le 15 mars 2027 (effet le 15 septembre 2027)". */
    public String libelle() {
        return (mode == ModeResiliation.DENONCIATION ? "Dénoncée le " : "Résiliée le ") + FormatFr.date(dateResiliation)
                + " (effet le " + FormatFr.date(dateEffet) + ")";
    }

    public boolean effective(LocalDate aujourdhui) {
        return !dateEffet.isAfter(aujourdhui);
    }

    private static void annee(List<ErreurValidation.Erreur> erreurs, String champ, String libelle, LocalDate date) {
        if (date != null && (date.getYear() < Limites.ANNEE_MIN || date.getYear() > Limites.ANNEE_MAX)) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : l'année " + date.getYear()
                    + " est hors des années acceptées (" + Limites.ANNEE_MIN + " à " + Limites.ANNEE_MAX + ")."));
        }
    }
}
