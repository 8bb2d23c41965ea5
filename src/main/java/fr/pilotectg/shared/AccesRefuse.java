package fr.pilotectg.shared;

/** The user is logged in but may not do this (HTTP 403). */
public class AccesRefuse extends RuntimeException {

    public AccesRefuse(String message) {
        super(message);
    }
}
