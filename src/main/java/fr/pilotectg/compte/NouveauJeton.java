package fr.pilotectg.compte;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A token to create: its name (what it is for) and, optionally, the last day it is valid (AAAA-MM-JJ,
 * in the API's JSON as in the page's date field).
 */
public record NouveauJeton(String nom, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expireLe) {
}
