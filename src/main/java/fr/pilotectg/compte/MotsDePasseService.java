package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passwords (ADR 0009): invitations and forgotten-password links (single use, only their SHA-256 kept), changing
 * one's password, ending one's sessions. A password is never shown, logged, sent nor journalled.
 */
@Service
public class MotsDePasseService implements DisposableBean {

    static final Duration VALIDITE_INVITATION = Duration.ofHours(72);
    static final Duration VALIDITE_OUBLI = Duration.ofHours(2);
    /** A forgotten-password e-mail at most every few minutes per account: the form cannot flood a mailbox. */
    private static final Duration INTERVALLE_OUBLI = Duration.ofMinutes(5);
    static final String INVITATION = "INVITATION";
    static final String OUBLI = "OUBLI";
    private static final Logger LOG = LoggerFactory.getLogger(MotsDePasseService.class);

    /** A link just made: its address, unless it was e-mailed; whether SMTP is configured and accepted it. */
    public record Invitation(String lien, boolean envoyeParCourriel, boolean smtpConfigure, OffsetDateTime expireLe) {
    }

    public enum EtatDuLien { VALIDE, UTILISE, EXPIRE, INCONNU }

    /** What the page of a link shows: never the account for a link that is not valid. */
    public record LienOuvert(EtatDuLien etat, String identifiant, String nomAffiche, boolean invitation) {
    }

    private final SecureRandom hasard = new SecureRandom();
    private final LienRepository liens;
    private final CompteRepository comptes;
    private final PolitiqueMotDePasse politique;
    private final CourrielsDeCompte courriels;
    private final PasswordEncoder encodeur;
    private final Journal journal;
    private final Clock horloge;
    private final TransactionTemplate transactions;
    /** Forgotten-password requests are handled here, after the answer: its time says nothing of the address. */
    private final ThreadPoolExecutor envois = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1_000), r -> {
                Thread t = new Thread(r, "pilote-mot-de-passe-oublie");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    MotsDePasseService(LienRepository liens, CompteRepository comptes, PolitiqueMotDePasse politique, CourrielsDeCompte courriels,
                       PasswordEncoder encodeur, Journal journal, Clock horloge, PlatformTransactionManager transactions) {
        this.liens = liens;
        this.comptes = comptes;
        this.politique = politique;
        this.courriels = courriels;
        this.encodeur = encodeur;
        this.journal = journal;
        this.horloge = horloge;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Makes an invitation link for an account (older links not used expire) and e-mails it when SMTP is configured. */
    @Transactional(propagation = Propagation.MANDATORY)
    Invitation inviter(Compte compte, String urlDeBase, String auteur) {
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        OffsetDateTime expire = maintenant.plus(VALIDITE_INVITATION);
        String lien = nouveauLien(compte.id(), INVITATION, maintenant, expire, urlDeBase);
        Optional<Boolean> envoi = courriels.envoyer(compte.identifiant(), "Votre compte Pilote CTG", """
                Bonjour %s,

                %s a créé votre compte sur Pilote CTG, l'application de suivi des conventions territoriales globales.
                Votre identifiant : %s

                Pour choisir votre mot de passe, ouvrez ce lien dans les 72 heures, avant le %s (il ne sert qu'une fois) :
                %s

                Si vous n'attendiez pas ce courriel, ignorez-le : aucun compte ne sera utilisable sans ce lien.
                """.formatted(compte.nomAffiche(), auteur, compte.identifiant(), FormatFr.dateHeure(expire), lien));
        boolean envoye = envoi.orElse(false);
        journal.enregistrer("utilisateur", compte.id(), null, "invitation", List.of(
                new Changement("Lien d'invitation", null, envoye ? "envoyé par courriel à " + compte.identifiant()
                        : "remis à " + auteur + " pour être transmis"),
                new Changement("Valable jusqu'au", null, FormatFr.dateHeure(expire))));
        return new Invitation(envoye ? null : lien, envoye, envoi.isPresent(), expire);
    }

    public LienOuvert ouvrir(String secret) {
        return etat(secret == null ? Optional.empty() : liens.lien(empreinte(secret), false));
    }

    /** Sets the password through a link, once: the link is locked, checked, used; the account's sessions end. */
    @Transactional
    public LienOuvert definir(String secret, String motDePasse, String confirmation) {
        Optional<LienRepository.Lien> lu = secret == null ? Optional.empty() : liens.lien(empreinte(secret), true);
        LienOuvert ouvert = etat(lu);
        if (ouvert.etat() != EtatDuLien.VALIDE) {
            return ouvert;
        }
        LienRepository.Lien lien = lu.orElseThrow();
        String nouveau = politique.verifier(motDePasse, confirmation, lien.identifiant());
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        comptes.definirMotDePasse(lien.utilisateurId(), encodeur.encode(nouveau));
        comptes.terminerSessions(lien.utilisateurId(), maintenant);
        liens.utiliser(lien.id(), maintenant);
        journal.enregistrerAuNomDe(lien.identifiant(), "utilisateur", lien.utilisateurId(), null, "mot de passe défini",
                List.of(new Changement("Mot de passe", null, INVITATION.equals(lien.nature())
                        ? "choisi par le lien d'invitation" : "réinitialisé par le lien « mot de passe oublié »")));
        return ouvert;
    }

    /**
     * "Mot de passe oublié": the same answer at once whatever the address; the work (finding the account, making the
     * link, sending it) is done after the answer, so its time tells nothing either. Without SMTP nothing can be sent.
     */
    public void oublier(String adresse, String urlDeBase) {
        if (adresse == null || adresse.isBlank() || adresse.length() > 254) {
            return;
        }
        String identifiant = adresse.strip().toLowerCase(Locale.ROOT);
        envois.execute(() -> {
            try {
                transactions.executeWithoutResult(statut -> envoyerLienOublie(identifiant, urlDeBase));
            } catch (RuntimeException e) {
                LOG.warn("Demande de mot de passe oublié non traitée : {}", e.getClass().getSimpleName());
            }
        });
    }

    private void envoyerLienOublie(String identifiant, String urlDeBase) {
        Optional<Compte> trouve = comptes.parIdentifiant(identifiant).filter(Compte::actif);
        if (trouve.isEmpty() || !identifiant.contains("@")) {
            return;
        }
        Compte compte = trouve.get();
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        if (liens.recent(compte.id(), OUBLI, maintenant.minus(INTERVALLE_OUBLI))) {
            return;
        }
        OffsetDateTime expire = maintenant.plus(VALIDITE_OUBLI);
        String lien = nouveauLien(compte.id(), OUBLI, maintenant, expire, urlDeBase);
        Optional<Boolean> envoi = courriels.envoyer(compte.identifiant(), "Mot de passe oublié — Pilote CTG", """
                Bonjour %s,

                Quelqu'un (sans doute vous) a demandé à choisir un nouveau mot de passe pour votre compte Pilote CTG (%s).
                Ouvrez ce lien avant le %s (il ne sert qu'une fois) :
                %s

                Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe actuel reste valable.
                """.formatted(compte.nomAffiche(), compte.identifiant(), FormatFr.dateHeure(expire), lien));
        journal.enregistrerAuNomDe(compte.identifiant(), "utilisateur", compte.id(), null, "mot de passe oublié",
                List.of(new Changement("Lien de réinitialisation", null, envoi.orElse(false)
                        ? "envoyé par courriel" : "non envoyé (pas de serveur de courriel joignable)")));
    }

    /** Changes one's own password with the current one; one's other sessions end, the current one goes on. */
    @Transactional
    public OffsetDateTime changer(UtilisateurConnecte utilisateur, String actuel, String nouveau, String confirmation) {
        if (actuel == null || actuel.isEmpty() || !encodeur.matches(actuel, comptes.motDePasse(utilisateur.id()))) {
            throw new ErreurValidation("actuel", "Le mot de passe actuel n'est pas le bon.");
        }
        String verifie = politique.verifier(nouveau, confirmation, utilisateur.identifiant());
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        comptes.definirMotDePasse(utilisateur.id(), encodeur.encode(verifie));
        comptes.terminerSessions(utilisateur.id(), maintenant);
        journal.enregistrer("utilisateur", utilisateur.id(), null, "mot de passe changé",
                List.of(new Changement("Mot de passe", null, "changé par son titulaire ; ses autres sessions sont terminées")));
        return maintenant;
    }

    /** "Se déconnecter partout": every session of the account opened until now ends at its next request. */
    @Transactional
    public void terminerSessions(UtilisateurConnecte utilisateur) {
        comptes.terminerSessions(utilisateur.id(), OffsetDateTime.now(horloge));
        journal.enregistrer("utilisateur", utilisateur.id(), null, "déconnexion de toutes les sessions", List.of());
    }

    /** Waits until the forgotten-password requests received so far are handled (tests). */
    void attendreLesEnvois() {
        try {
            envois.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        envois.shutdownNow();
    }

    private String nouveauLien(long utilisateurId, String nature, OffsetDateTime maintenant, OffsetDateTime expire, String urlDeBase) {
        byte[] octets = new byte[32];
        hasard.nextBytes(octets);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        liens.expirerLesLiensEnCours(utilisateurId, maintenant);
        liens.inserer(utilisateurId, nature, empreinte(secret), maintenant, expire);
        return urlDeBase + "/mot-de-passe/nouveau?jeton=" + secret;
    }

    private LienOuvert etat(Optional<LienRepository.Lien> lu) {
        if (lu.isEmpty() || !lu.get().compteActif()) {
            return new LienOuvert(EtatDuLien.INCONNU, null, null, false);
        }
        LienRepository.Lien lien = lu.get();
        boolean invitation = INVITATION.equals(lien.nature());
        if (lien.utiliseLe() != null) {
            return new LienOuvert(EtatDuLien.UTILISE, null, null, invitation);
        }
        if (!lien.expireLe().isAfter(OffsetDateTime.now(horloge))) {
            return new LienOuvert(EtatDuLien.EXPIRE, null, null, invitation);
        }
        return new LienOuvert(EtatDuLien.VALIDE, lien.identifiant(), lien.nomAffiche(), invitation);
    }

    static String empreinte(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 est fourni par toute JVM", e);
        }
    }
}
