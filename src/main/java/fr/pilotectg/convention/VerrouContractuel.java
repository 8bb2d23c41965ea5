package fr.pilotectg.convention;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import fr.pilotectg.shared.ConflitDeModification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contractual parts of a signed convention (text, parties and representatives, period, plan structure) change only
 * through an avenant (DOMAIN §3, ADR 0025). Locked when the convention is signed (any status from « Signée » on) and its
 * signed version is established ({@code version_contractuelle > 0}); the avenant feature lifts the lock for one
 * convention while it applies a signed avenant, in the same transaction and thread.
 */
@Component
public class VerrouContractuel {

    public static final String MESSAGE = "Cette convention est signée : ces modifications passent par un avenant "
            + "(Avenants › Nouvel avenant).";

    private static final ThreadLocal<Set<Long>> LEVES = ThreadLocal.withInitial(HashSet::new);

    private final JdbcClient jdbc;

    VerrouContractuel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 409 with {@link #MESSAGE} when the contractual parts of this convention are locked. */
    public void verifier(Convention convention) {
        if (estVerrouillee(convention)) {
            throw new ConflitDeModification(MESSAGE + " Rien n'a été enregistré.");
        }
    }

    public boolean estVerrouillee(Convention convention) {
        return !convention.statut().estAvantSignature() && versionContractuelle(convention.id()) > 0
                && !LEVES.get().contains(convention.id());
    }

    /** Number of the version in force (0: no signed version established). */
    public int versionContractuelle(long conventionId) {
        return Optional.ofNullable(jdbc.sql("SELECT version_contractuelle FROM convention WHERE id = :id")
                .param("id", conventionId).query(Integer.class).optional().orElse(0)).orElse(0);
    }

    /** Records the version in force; called by the avenant feature inside its own (checked, journalled) write. */
    public void definirVersionContractuelle(long conventionId, int numero) {
        jdbc.sql("UPDATE convention SET version_contractuelle = :n WHERE id = :id")
                .param("n", numero).param("id", conventionId).update();
    }

    /** Runs {@code travail} with the lock lifted for this convention only (application of a signed avenant). */
    public <T> T pendantAvenant(long conventionId, Supplier<T> travail) {
        boolean ajoute = LEVES.get().add(conventionId);
        try {
            return travail.get();
        } finally {
            if (ajoute) {
                LEVES.get().remove(conventionId);
            }
        }
    }
}
