package fr.pilotectg.gouvernance;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An iCalendar file (RFC 5545) of meetings; a meeting whose date is incomplete has no event. */
final class Calendrier {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private Calendrier() {
    }

    static String ics(List<Reunion> reunions, String titreConvention) {
        StringBuilder ics = new StringBuilder();
        ligne(ics, "BEGIN:VCALENDAR");
        ligne(ics, "VERSION:2.0");
        ligne(ics, "PRODID:-//Pilote CTG//Gouvernance//FR");
        ligne(ics, "CALSCALE:GREGORIAN");
        for (Reunion r : reunions) {
            if (r.date() == null) {
                continue;
            }
            ligne(ics, "BEGIN:VEVENT");
            ligne(ics, "UID:reunion-" + r.id() + "@pilote-ctg");
            ligne(ics, "DTSTAMP:" + LocalDateTime.of(r.date(), java.time.LocalTime.MIDNIGHT).format(DATE_HEURE) + "Z");
            if (r.heure() == null) {
                ligne(ics, "DTSTART;VALUE=DATE:" + r.date().format(DATE));
            } else {
                LocalDateTime debut = LocalDateTime.of(r.date(), r.heure());
                ligne(ics, "DTSTART;TZID=Europe/Paris:" + debut.format(DATE_HEURE));
                ligne(ics, "DTEND;TZID=Europe/Paris:" + debut.plusHours(2).format(DATE_HEURE));
            }
            ligne(ics, "SUMMARY:" + echapper(r.instanceNom() + " — " + titreConvention));
            if (r.lieu() != null) {
                ligne(ics, "LOCATION:" + echapper(r.lieu()));
            }
            if (r.lienVisio() != null) {
                ligne(ics, "URL:" + echapper(r.lienVisio()));
            }
            if (!r.ordreDuJour().isEmpty()) {
                ligne(ics, "DESCRIPTION:" + echapper("Ordre du jour :\n" + String.join("\n",
                        r.ordreDuJour().stream().map(p -> "- " + p.texte()).toList())));
            }
            ligne(ics, "END:VEVENT");
        }
        ligne(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Escapes per RFC 5545 and drops control characters. */
    static String echapper(String texte) {
        return texte.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n").replaceAll("\\p{Cntrl}", " ");
    }

    /** Writes a content line folded at 75 octets (continuation lines start with a space). */
    private static void ligne(StringBuilder ics, String contenu) {
        byte[] octets = contenu.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (octets.length <= 75) {
            ics.append(contenu).append("\r\n");
            return;
        }
        StringBuilder courante = new StringBuilder();
        int taille = 0;
        boolean premiere = true;
        for (int i = 0; i < contenu.length(); ) {
            int cp = contenu.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int n = c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (taille + n > (premiere ? 75 : 74)) {
                ics.append(premiere ? "" : " ").append(courante).append("\r\n");
                courante.setLength(0);
                taille = 0;
                premiere = false;
            }
            courante.append(c);
            taille += n;
            i += Character.charCount(cp);
        }
        ics.append(premiere ? "" : " ").append(courante).append("\r\n");
    }
}
