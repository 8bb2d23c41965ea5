package fr.pilotectg.shared;

/** Someone else saved the same object since the user opened it: nothing was written (HTTP 409). */
public class ConflitDeModification extends RuntimeException {

    public ConflitDeModification(String message) {
        super(message);
    }
}
