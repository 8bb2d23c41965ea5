package fr.pilotectg.shared;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** French formatting used by pages, API messages and documents: "1er janvier 2026", "48 726". */
public final class FormatFr {

    public static final Locale FR = Locale.FRANCE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", FR);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH'h'mm", FR);
    /** One per thread: a NumberFormat is costly to build (pages format a number per row) and not thread-safe. */
    private static final ThreadLocal<NumberFormat> ENTIER = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(FR));

    private FormatFr() {
    }

    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        String jour = date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth());
        return jour + " " + date.format(MOIS_ANNEE);
    }

    public static String dateHeure(OffsetDateTime instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZoneSameInstant(PARIS);
        return date(local.toLocalDate()) + " à " + local.format(HEURE);
    }

    public static String nombre(Number nombre) {
        if (nombre == null) {
            return "";
        }
        // Java's French format groups with a narrow no-break space, as typography requires.
        return ENTIER.get().format(nombre);
    }
}
