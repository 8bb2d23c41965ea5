package fr.pilotectg.compte;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of the accounts (ADR 0008): an administrator manages every account; an agent of a Caf flagged
 * "administrateur de Caf" manages the accounts of its Caf and of the organisations taking part in its Caf's
 * conventions, never those of another Caf nor an administrator's. Accounts are never deleted: deactivated, they keep
 * their name in the journal. Every refusal comes before any write.
 */
@Service
public class ComptesService {

    public static final String REFUS = "La gestion des comptes est réservée aux administrateurs et aux administrateurs de Caf.";
    static final String HORS_PERIMETRE = "Ce compte ou cette organisation ne relève pas de votre Caf : vous ne pouvez pas le gérer.";
    static final int TAILLE_PAGE = 50;
    private static final int LONGUEUR_MAX_COURRIEL = 254;
    private static final Pattern COURRIEL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The organisations whose accounts a user manages: all of them, or a list. */
    record Perimetre(boolean tout, Set<Long> organisations) {

        boolean couvre(Long organisationId) {
            return tout || (organisationId != null && organisations.contains(organisationId));
        }
    }

    private final SecureRandom hasard = new SecureRandom();
    private final MotsDePasseService motsDePasse;
    private final CompteRepository repository;
    private final OrganisationService organisations;
    private final ConventionService conventions;
    private final PasswordEncoder encodeur;
    private final Journal journal;
    private final Clock horloge;

    ComptesService(CompteRepository repository, OrganisationService organisations, ConventionService conventions,
                   PasswordEncoder encodeur, Journal journal, Clock horloge, MotsDePasseService motsDePasse) {
        this.motsDePasse = motsDePasse;
        this.repository = repository;
        this.organisations = organisations;
        this.conventions = conventions;
        this.encodeur = encodeur;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** Whether the user administers accounts (to show the menu entry); no query for most roles. */
    public boolean gereDesComptes(UtilisateurConnecte utilisateur) {
        return utilisateur.estAdmin() || (utilisateur.role() == Role.AGENT_CAF && repository.administrateurCaf(utilisateur.id()));
    }

    Perimetre perimetre(UtilisateurConnecte utilisateur) {
        if (utilisateur.estAdmin()) {
            return new Perimetre(true, Set.of());
        }
        if (utilisateur.role() == Role.AGENT_CAF && utilisateur.organisationId() != null && repository.administrateurCaf(utilisateur.id())) {
            return new Perimetre(false, conventions.organisationsDesConventionsDeLaCaf(utilisateur.organisationId()));
        }
        throw new AccesRefuse(REFUS);
    }

    public PageDeComptes rechercher(String texte, int page) {
        Perimetre perimetre = perimetre(UtilisateurConnecte.courant());
        int borne = Math.min(Math.max(1, page), Limites.PAGE_MAX);
        return repository.rechercher(texte, perimetre.tout() ? null : perimetre.organisations(), borne, TAILLE_PAGE);
    }

    /** An account the current user manages; another one is refused (403) whether it exists or not. */
    public Compte compte(long id) {
        UtilisateurConnecte auteur = UtilisateurConnecte.courant();
        Perimetre perimetre = perimetre(auteur);
        Compte compte = repository.compte(id).orElseThrow(() -> new Introuvable("Compte " + id + " introuvable."));
        verifierPerimetre(auteur, perimetre, compte);
        return compte;
    }

    /** The organisations the current user may create accounts in, by name. */
    public List<Organisation> organisationsPossibles() {
        Perimetre perimetre = perimetre(UtilisateurConnecte.courant());
        Map<Long, Organisation> parId = new LinkedHashMap<>();
        if (perimetre.tout()) {
            organisations.cafs().forEach(o -> parId.put(o.id(), o));
            organisations.organisations(List.copyOf(conventions.organisationsDesConventions())).forEach(o -> parId.put(o.id(), o));
        } else {
            organisations.organisations(List.copyOf(perimetre.organisations())).forEach(o -> parId.put(o.id(), o));
        }
        return parId.values().stream().sorted(Comparator.comparing(Organisation::nom, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The roles the current user may give. */
    public List<Role> rolesPossibles() {
        return UtilisateurConnecte.courant().estAdmin() ? List.of(Role.values())
                : List.of(Role.AGENT_CAF, Role.CHARGE_COOPERATION, Role.PORTEUR, Role.LECTEUR);
    }

    /**
     * Creates the account, without a usable password, and its invitation: e-mailed when SMTP is configured, otherwise
     * given back to be passed on ({@code urlDeBase}: the application's address as the user reaches it).
     */
    @Transactional
    public CompteCree creer(NouveauCompte nouveau, String urlDeBase) {
        UtilisateurConnecte auteur = UtilisateurConnecte.courant();
        Perimetre perimetre = perimetre(auteur);
        Organisation organisation = organisationDansLePerimetre(perimetre, nouveau.organisationId());
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String identifiant = normaliserCourriel(nouveau.identifiant(), erreurs);
        String nom = texteObligatoire("nomAffiche", "Le nom de la personne", nouveau.nomAffiche(), erreurs);
        boolean adminCaf = Boolean.TRUE.equals(nouveau.administrateurCaf());
        verifierRole(auteur, nouveau.role(), organisation, nouveau.organisationId(), adminCaf, erreurs);
        if (identifiant != null && repository.identifiantPris(identifiant)) {
            erreurs.add(new ErreurValidation.Erreur("identifiant", "Un compte existe déjà avec l'adresse « " + identifiant + " »."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        long id = repository.inserer(identifiant, motDePasseInutilisable(), nom, nouveau.role(),
                organisation == null ? null : organisation.id(), adminCaf);
        Compte compte = repository.compte(id).orElseThrow();
        journal.enregistrer("utilisateur", id, null, "création", List.of(
                new Changement("Compte", null, identifiant), new Changement("Nom", null, nom),
                new Changement("Rôle", null, libelleRole(compte)),
                new Changement("Organisation", null, compte.organisationNom())));
        return new CompteCree(compte, motsDePasse.inviter(compte, urlDeBase, auteur.identifiant()));
    }

    /** A new invitation link for an active account (the older ones expire): also how a forgotten password is reset without e-mail. */
    @Transactional
    public CompteCree inviter(long id, String urlDeBase) {
        Compte compte = compte(id);
        if (!compte.actif()) {
            throw new ErreurValidation("id", "Ce compte est désactivé : réactivez-le avant de l'inviter.");
        }
        return new CompteCree(compte, motsDePasse.inviter(compte, urlDeBase, UtilisateurConnecte.courant().identifiant()));
    }

    @Transactional
    public Compte changerRole(long id, ChangementDeRole changement) {
        UtilisateurConnecte auteur = UtilisateurConnecte.courant();
        Compte compte = compte(id);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (changement.version() == null) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version du compte lue est obligatoire."));
        }
        boolean adminCaf = Boolean.TRUE.equals(changement.administrateurCaf());
        Organisation organisation = compte.organisationId() == null ? null : organisations.organisation(compte.organisationId());
        verifierRole(auteur, changement.role(), organisation, compte.organisationId(), adminCaf, erreurs);
        if (compte.id() == auteur.id() && changement.role() != compte.role()) {
            erreurs.add(new ErreurValidation.Erreur("role", "Vous ne pouvez pas changer votre propre rôle."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        if (!repository.changerRole(id, changement.version(), changement.role(), adminCaf)) {
            throw conflit();
        }
        Compte apres = repository.compte(id).orElseThrow();
        journal.enregistrer("utilisateur", id, null, "changement de rôle",
                List.of(new Changement("Rôle", libelleRole(compte), libelleRole(apres))));
        return apres;
    }

    /** Deactivates an account: its sessions end at their next request and its API tokens are revoked, at once. */
    @Transactional
    public Compte desactiver(long id, Integer version) {
        UtilisateurConnecte auteur = UtilisateurConnecte.courant();
        Compte compte = compte(id);
        if (compte.id() == auteur.id()) {
            throw new ErreurValidation("id", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        changerActivation(compte, version, false, maintenant);
        int jetons = repository.revoquerJetons(id, maintenant);
        journal.enregistrer("utilisateur", id, null, "désactivation", List.of(
                new Changement("Compte", compte.identifiant() + " (actif)", compte.identifiant() + " (désactivé)"),
                new Changement("Jetons d'API révoqués", null, String.valueOf(jetons))));
        return repository.compte(id).orElseThrow();
    }

    @Transactional
    public Compte reactiver(long id, Integer version) {
        Compte compte = compte(id);
        changerActivation(compte, version, true, OffsetDateTime.now(horloge));
        journal.enregistrer("utilisateur", id, null, "réactivation", List.of(
                new Changement("Compte", compte.identifiant() + " (désactivé)", compte.identifiant() + " (actif)")));
        return repository.compte(id).orElseThrow();
    }

    private void changerActivation(Compte compte, Integer version, boolean actif, OffsetDateTime maintenant) {
        if (version == null) {
            throw new ErreurValidation("version", "La version du compte lue est obligatoire.");
        }
        if (compte.actif() == actif) {
            throw new ErreurValidation("id", actif ? "Ce compte est déjà actif." : "Ce compte est déjà désactivé.");
        }
        if (!repository.changerActivation(compte.id(), version, actif, maintenant)) {
            throw conflit();
        }
    }

    private void verifierPerimetre(UtilisateurConnecte auteur, Perimetre perimetre, Compte compte) {
        if (perimetre.tout()) {
            return;
        }
        if (compte.role() == Role.ADMIN || !perimetre.couvre(compte.organisationId())) {
            throw new AccesRefuse(HORS_PERIMETRE);
        }
    }

    private Organisation organisationDansLePerimetre(Perimetre perimetre, Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        if (!perimetre.couvre(organisationId)) {
            throw new AccesRefuse(HORS_PERIMETRE);
        }
        return organisations.organisations(List.of(organisationId)).stream().findFirst()
                .orElseThrow(() -> new ErreurValidation("organisationId", "Organisation inconnue."));
    }

    private static void verifierRole(UtilisateurConnecte auteur, Role role, Organisation organisation, Long organisationId,
                                     boolean adminCaf, List<ErreurValidation.Erreur> erreurs) {
        if (role == null) {
            erreurs.add(new ErreurValidation.Erreur("role", "Choisissez le rôle du compte."));
            return;
        }
        if (role == Role.ADMIN && !auteur.estAdmin()) {
            throw new AccesRefuse("Seul un administrateur peut donner le rôle d'administrateur.");
        }
        if (role != Role.ADMIN && organisationId == null) {
            erreurs.add(new ErreurValidation.Erreur("organisationId", "Choisissez l'organisation de la personne."));
        } else if (organisation != null && role == Role.AGENT_CAF && organisation.type() != TypeOrganisation.CAF) {
            erreurs.add(new ErreurValidation.Erreur("role", "Le rôle « Agent Caf » est réservé au personnel d'une Caf."));
        } else if (organisation != null && organisation.type() == TypeOrganisation.CAF
                && (role == Role.CHARGE_COOPERATION || role == Role.PORTEUR)) {
            erreurs.add(new ErreurValidation.Erreur("role", "Le personnel d'une Caf a le rôle « Agent Caf » ou « Lecteur »."));
        }
        if (adminCaf && role != Role.AGENT_CAF) {
            erreurs.add(new ErreurValidation.Erreur("administrateurCaf", "Seul un agent Caf peut administrer les comptes de sa Caf."));
        }
    }

    /** A login typed by an administrator: an e-mail address, in lower case. */
    static String normaliserCourriel(String saisie, List<ErreurValidation.Erreur> erreurs) {
        String texte = saisie == null ? "" : saisie.strip().toLowerCase(Locale.ROOT);
        if (texte.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("identifiant", "L'adresse électronique (identifiant de connexion) est obligatoire."));
            return null;
        }
        if (texte.length() > LONGUEUR_MAX_COURRIEL || Saisie.contientCaractereDeControle(texte) || !COURRIEL.matcher(texte).matches()) {
            erreurs.add(new ErreurValidation.Erreur("identifiant", "L'identifiant doit être une adresse électronique valide "
                    + "(par exemple prenom.nom@caf05.fr), de " + LONGUEUR_MAX_COURRIEL + " caractères au plus."));
            return null;
        }
        return texte;
    }

    private static String texteObligatoire(String champ, String libelle, String saisie, List<ErreurValidation.Erreur> erreurs) {
        String texte = saisie == null ? "" : saisie.strip();
        String probleme = texte.isEmpty() ? libelle + " est obligatoire." : Saisie.probleme(texte, Limites.TITRE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur(champ, texte.isEmpty() ? probleme : libelle + " : " + probleme));
            return null;
        }
        return texte;
    }

    private String motDePasseInutilisable() {
        byte[] octets = new byte[32];
        hasard.nextBytes(octets);
        return encodeur.encode(Base64.getEncoder().encodeToString(octets));
    }

    static String libelleRole(Compte compte) {
        return compte.role().libelle() + (compte.administrateurCaf() ? " (administrateur de la Caf)" : "");
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Ce compte a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : "
                + "rien n'a été enregistré. Rechargez la page puis refaites votre changement.");
    }
}
