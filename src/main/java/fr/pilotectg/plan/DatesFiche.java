package fr.pilotectg.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import fr.pilotectg.convention.Periode;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;

/**
 * The optional start and end months of a fiche (issue 10 item 6), written {@code AAAA-MM}: read, checked against the
 * convention's period, and turned into planned years. The free "Échéances" text is kept as printed, beside them.
 *
 * <p>Rules: a month lies between {@link Limites#ANNEE_MIN} and {@link Limites#ANNEE_MAX}; the end is not before the
 * start; when the period is known, the fiche overlaps it (it may start before it or end after it, as real actions
 * continue an earlier CTG). When a start or an end is given, the planned years are the years of the period from the
 * start's year (or the period's first year) to the end's year (or the period's last year); the years ticked by hand are
 * then replaced.
 */
public final class DatesFiche {

    private static final Pattern MOIS = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private DatesFiche() {
    }

    /** A month typed as {@code AAAA-MM} (blank: none); a French 400 naming the field otherwise. */
    public static YearMonth lire(String champ, String saisie) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        YearMonth mois = lire(champ, saisie, erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return mois;
    }

    static YearMonth lire(String champ, String saisie, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        Matcher m = MOIS.matcher(saisie.trim());
        if (m.matches()) {
            int annee = Integer.parseInt(m.group(1));
            int mois = Integer.parseInt(m.group(2));
            if (mois >= 1 && mois <= 12) {
                return YearMonth.of(annee, mois);
            }
        }
        erreurs.add(new ErreurValidation.Erreur(champ, "« " + court(saisie) + " » n'est pas un mois : écrivez-le AAAA-MM, "
                + "par exemple 2026-09 pour septembre 2026."));
        return null;
    }

    /** Checks the months of a fiche against each other and against the convention's period. */
    static void verifier(YearMonth debut, YearMonth fin, Periode periode, List<ErreurValidation.Erreur> erreurs) {
        dansLesBornes("debut", "début", debut, erreurs);
        dansLesBornes("fin", "fin", fin, erreurs);
        if (debut != null && fin != null && fin.isBefore(debut)) {
            erreurs.add(new ErreurValidation.Erreur("fin", "La fin (" + texte(fin) + ") est avant le début (" + texte(debut) + ")."));
            return;
        }
        LocalDate debutPeriode = periode == null ? null : periode.dateDebut();
        LocalDate finPeriode = periode == null ? null : periode.dateFin();
        if (debut != null && finPeriode != null && debut.isAfter(YearMonth.from(finPeriode))) {
            erreurs.add(new ErreurValidation.Erreur("debut", "Le début (" + texte(debut) + ") est après la fin de la convention ("
                    + texte(YearMonth.from(finPeriode)) + ") : une fiche doit être comprise dans la période ou la chevaucher."));
        }
        if (fin != null && debutPeriode != null && fin.isBefore(YearMonth.from(debutPeriode))) {
            erreurs.add(new ErreurValidation.Erreur("fin", "La fin (" + texte(fin) + ") est avant le début de la convention ("
                    + texte(YearMonth.from(debutPeriode)) + ") : une fiche doit être comprise dans la période ou la chevaucher."));
        }
    }

    /**
     * The planned years: derived from the months when one is given (limited to the period's years when known), else the
     * years given.
     */
    static List<Integer> annees(YearMonth debut, YearMonth fin, List<Integer> saisies, Integer premiere, Integer derniere) {
        if (debut == null && fin == null) {
            return saisies;
        }
        Integer de = debut == null ? premiere : premiere == null ? Integer.valueOf(debut.getYear()) : Math.max(debut.getYear(), premiere);
        Integer a = fin == null ? derniere : derniere == null ? Integer.valueOf(fin.getYear()) : Math.min(fin.getYear(), derniere);
        if (de == null || a == null || a < de) {
            return saisies;
        }
        return IntStream.rangeClosed(de, a).boxed().toList();
    }

    /** "septembre 2026". */
    public static String texte(YearMonth mois) {
        if (mois == null) {
            return null;
        }
        return MOIS_FR[mois.getMonthValue() - 1] + " " + mois.getYear();
    }

    private static final String[] MOIS_FR = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"};

    private static void dansLesBornes(String champ, String nom, YearMonth mois, List<ErreurValidation.Erreur> erreurs) {
        if (mois != null && (mois.getYear() < Limites.ANNEE_MIN || mois.getYear() > Limites.ANNEE_MAX)) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Le mois de " + nom + " (" + mois + ") est hors des années possibles ("
                    + Limites.ANNEE_MIN + " – " + Limites.ANNEE_MAX + ")."));
        }
    }

    private static String court(String saisie) {
        String s = saisie.trim();
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
