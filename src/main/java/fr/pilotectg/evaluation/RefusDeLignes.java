package fr.pilotectg.evaluation;

import java.util.Map;
import java.util.Set;

/**
 * A save of several rows at once that wrote nothing: {@code erreurs} by row key then by field (French messages
 * naming the field), {@code conflits} the keys of the rows someone else saved since they were read (their
 * version moved). Thrown inside the transaction, so that nothing of the other rows is kept either.
 */
public class RefusDeLignes extends RuntimeException {

    private final transient Map<String, Map<String, String>> erreurs;
    private final transient Set<String> conflits;

    public RefusDeLignes(Map<String, Map<String, String>> erreurs, Set<String> conflits) {
        super(conflits.isEmpty() ? "Certaines lignes ne sont pas valides : rien n'a été enregistré."
                : "Certaines lignes ont été modifiées par quelqu'un d'autre : rien n'a été enregistré.");
        this.erreurs = Map.copyOf(erreurs);
        this.conflits = Set.copyOf(conflits);
    }

    public Map<String, Map<String, String>> erreurs() {
        return erreurs;
    }

    public Set<String> conflits() {
        return conflits;
    }
}
