package fr.pilotectg.shared;

/** The object does not exist, or the user may not know it exists (HTTP 404). */
public class Introuvable extends RuntimeException {

    public Introuvable(String message) {
        super(message);
    }
}
