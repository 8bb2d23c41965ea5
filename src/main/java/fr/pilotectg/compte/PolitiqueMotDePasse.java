package fr.pilotectg.compte;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Saisie;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be (ADR 0009): 12 characters at least, 64 at most (bcrypt reads 72 bytes), not one of the
 * common passwords shipped with the application ({@code compte/mots-de-passe-courants.txt}, built by
 * {@code scripts/mots-de-passe/generer.py}), not the login, and typed twice the same.
 */
@Component
class PolitiqueMotDePasse {

    static final int LONGUEUR_MIN = 12;
    static final int LONGUEUR_MAX = 64;
    private static final int OCTETS_MAX = 72;

    private final Set<String> courants;

    PolitiqueMotDePasse() {
        Set<String> lus = new HashSet<>();
        try (BufferedReader lecteur = new BufferedReader(new InputStreamReader(
                new ClassPathResource("compte/mots-de-passe-courants.txt").getInputStream(), StandardCharsets.UTF_8))) {
            lecteur.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> lus.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Liste des mots de passe courants illisible", e);
        }
        this.courants = Set.copyOf(lus);
    }

    int nombreDeMotsDePasseCourants() {
        return courants.size();
    }

    /** Refuses a new password, naming the field, or returns it. */
    String verifier(String motDePasse, String confirmation, String identifiant) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String texte = motDePasse == null ? "" : motDePasse;
        if (texte.codePointCount(0, texte.length()) < LONGUEUR_MIN) {
            erreurs.add(new ErreurValidation.Erreur("motDePasse", "Le mot de passe doit compter au moins " + LONGUEUR_MIN
                    + " caractères (une phrase de quelques mots est plus facile à retenir)."));
        } else if (texte.length() > LONGUEUR_MAX || texte.getBytes(StandardCharsets.UTF_8).length > OCTETS_MAX) {
            erreurs.add(new ErreurValidation.Erreur("motDePasse", "Le mot de passe doit compter au plus " + LONGUEUR_MAX
                    + " caractères (" + OCTETS_MAX + " octets ; une lettre accentuée en compte deux)."));
        } else if (Saisie.contientCaractereDeControle(texte)) {
            erreurs.add(new ErreurValidation.Erreur("motDePasse", "Le mot de passe contient un caractère de contrôle invisible."));
        } else if (estCourant(texte) || (identifiant != null && sansCasse(texte).contains(sansCasse(avantArobase(identifiant))))) {
            erreurs.add(new ErreurValidation.Erreur("motDePasse", "Ce mot de passe est trop facile à deviner (il fait partie "
                    + "des mots de passe les plus courants ou reprend votre identifiant) : choisissez-en un autre."));
        }
        if (erreurs.isEmpty() && !texte.equals(confirmation)) {
            erreurs.add(new ErreurValidation.Erreur("confirmation", "La confirmation ne correspond pas au mot de passe."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return texte;
    }

    boolean estCourant(String motDePasse) {
        String minuscules = sansCasse(motDePasse);
        return courants.contains(minuscules) || minuscules.codePoints().distinct().count() <= 2;
    }

    private static String avantArobase(String identifiant) {
        int arobase = identifiant.indexOf('@');
        String debut = arobase < 0 ? identifiant : identifiant.substring(0, arobase);
        return debut.length() < 4 ? "\u0000" : debut;
    }

    private static String sansCasse(String texte) {
        return texte.strip().toLowerCase(Locale.ROOT);
    }
}
