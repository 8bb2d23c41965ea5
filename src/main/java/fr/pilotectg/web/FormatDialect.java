package fr.pilotectg.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Component;

/** Exposes French formatting to templates as {@code ${@fr.date(...)}}. */
@Component("fr")
public class FormatDialect {

    public String date(LocalDate date) {
        return FormatFr.date(date);
    }

    public String dateHeure(OffsetDateTime instant) {
        return FormatFr.dateHeure(instant);
    }

    public String nombre(Number nombre) {
        return FormatFr.nombre(nombre);
    }
}
