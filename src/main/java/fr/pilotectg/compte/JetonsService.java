package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code pctg_} and 32 random bytes in base64url, shown once; only their SHA-256 is
 * stored. A script sends one as {@code Authorization: Bearer …}: checking it is one indexed read, no bcrypt.
 */
@Service
public class JetonsService {

    static final String PREFIXE = "pctg_";
    private static final int LONGUEUR = PREFIXE.length() + 43;
    private static final int LONGUEUR_PREFIXE_VISIBLE = PREFIXE.length() + 6;
    static final int LONGUEUR_MAX_NOM = 100;
    static final int ANNEES_MAX = 5;
    /** The last use is recorded to the minute: a script's burst of requests writes it once. */
    private static final Duration PRECISION_DERNIERE_UTILISATION = Duration.ofMinutes(1);

    private final SecureRandom hasard = new SecureRandom();
    private final JetonRepository repository;
    private final OrganisationService organisations;
    private final Journal journal;
    private final Clock horloge;

    JetonsService(JetonRepository repository, OrganisationService organisations, Journal journal, Clock horloge) {
        this.repository = repository;
        this.organisations = organisations;
        this.journal = journal;
        this.horloge = horloge;
    }

    public List<Jeton> jetons(UtilisateurConnecte utilisateur) {
        return repository.actifs(utilisateur.id());
    }

    /** Every token not revoked, for an administrator. */
    public List<Jeton> tousLesJetons(UtilisateurConnecte utilisateur) {
        if (!utilisateur.estAdmin()) {
            throw new AccesRefuse("Seul un administrateur voit les jetons de tous les comptes.");
        }
        return repository.actifs(null);
    }

    @Transactional
    public JetonCree creer(UtilisateurConnecte utilisateur, NouveauJeton nouveau) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JetonAuthentifie) {
            throw new AccesRefuse("Un jeton d'API ne peut pas créer d'autre jeton : connectez-vous avec votre mot de passe.");
        }
        String nom = valider(nouveau);
        byte[] octets = new byte[32];
        hasard.nextBytes(octets);
        String valeur = PREFIXE + Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        long id = repository.inserer(utilisateur.id(), nom, valeur.substring(0, LONGUEUR_PREFIXE_VISIBLE), empreinte(valeur),
                OffsetDateTime.now(horloge), nouveau.expireLe());
        Jeton jeton = repository.actif(id).orElseThrow();
        journal.enregistrer("jeton_api", id, null, "création", List.of(new Changement("Jeton d'API", null, description(jeton))));
        return new JetonCree(jeton, valeur);
    }

    /** Revokes a token of the user, or any token for an administrator; another user's token is "not found". */
    @Transactional
    public Jeton revoquer(UtilisateurConnecte utilisateur, long id) {
        Jeton jeton = repository.actif(id)
                .filter(j -> j.utilisateurId() == utilisateur.id() || utilisateur.estAdmin())
                .orElseThrow(() -> new Introuvable("Jeton d'API " + id + " introuvable ou déjà révoqué."));
        repository.revoquer(id, OffsetDateTime.now(horloge));
        journal.enregistrer("jeton_api", id, null, "révocation", List.of(new Changement("Jeton d'API", description(jeton), null)));
        return jeton;
    }

    /** The active account of a valid token (not revoked, not expired), or empty. */
    public Optional<UtilisateurConnecte> authentifier(String valeur) {
        if (valeur == null || valeur.length() != LONGUEUR || !valeur.startsWith(PREFIXE)) {
            return Optional.empty();
        }
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        return repository.valide(empreinte(valeur), maintenant.toLocalDate()).flatMap(jeton -> {
            if (jeton.derniereUtilisation() == null
                    || jeton.derniereUtilisation().isBefore(maintenant.minus(PRECISION_DERNIERE_UTILISATION))) {
                repository.utilise(jeton.id(), maintenant);
            }
            return organisations.utilisateurActif(jeton.utilisateurId());
        });
    }

    private String valider(NouveauJeton nouveau) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String nom = nouveau.nom() == null ? "" : nouveau.nom().strip();
        if (nom.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("nom", "Le nom du jeton est obligatoire (par exemple « Script d'import »)."));
        } else if (nom.length() > LONGUEUR_MAX_NOM) {
            erreurs.add(new ErreurValidation.Erreur("nom", "Le nom du jeton ne doit pas dépasser " + LONGUEUR_MAX_NOM + " caractères."));
        }
        LocalDate aujourdhui = LocalDate.now(horloge);
        if (nouveau.expireLe() != null && nouveau.expireLe().isBefore(aujourdhui)) {
            erreurs.add(new ErreurValidation.Erreur("expireLe", "La date d'expiration ne peut pas être passée."));
        } else if (nouveau.expireLe() != null && nouveau.expireLe().isAfter(aujourdhui.plusYears(ANNEES_MAX))) {
            erreurs.add(new ErreurValidation.Erreur("expireLe",
                    "La date d'expiration doit être dans les " + ANNEES_MAX + " ans ; sans date, le jeton n'expire pas."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return nom;
    }

    private static String description(Jeton jeton) {
        return "« " + jeton.nom() + " » (" + jeton.prefixe() + "…) de " + jeton.proprietaire()
                + (jeton.expireLe() == null ? ", sans expiration" : ", valable jusqu'au " + FormatFr.date(jeton.expireLe()));
    }

    private static String empreinte(String valeur) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(valeur.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 est fourni par toute JVM", e);
        }
    }
}
