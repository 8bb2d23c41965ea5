package fr.pilotectg.testsupport;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder, counting the passwords it checks: proof that a refused login did
 * (or did not) run bcrypt, whatever the machine's speed.
 */
public final class HachagesComptes implements PasswordEncoder {

    private final PasswordEncoder encodeur;
    private final AtomicLong verifications = new AtomicLong();

    HachagesComptes(PasswordEncoder encodeur) {
        this.encodeur = encodeur;
    }

    public long verifications() {
        return verifications.get();
    }

    @Override
    public String encode(CharSequence motDePasse) {
        return encodeur.encode(motDePasse);
    }

    @Override
    public boolean matches(CharSequence motDePasse, String hache) {
        verifications.incrementAndGet();
        return encodeur.matches(motDePasse, hache);
    }

    @Override
    public boolean upgradeEncoding(String hache) {
        return encodeur.upgradeEncoding(hache);
    }
}
