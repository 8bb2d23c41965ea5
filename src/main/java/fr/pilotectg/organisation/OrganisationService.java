package fr.pilotectg.organisation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations, people, their mandates, and user accounts. */
@Service
public class OrganisationService {

    private static final SecureRandom ALEATOIRE = new SecureRandom();

    private final OrganisationRepository repository;
    private final Journal journal;
    private final PasswordEncoder passwordEncoder;

    OrganisationService(OrganisationRepository repository, Journal journal, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.journal = journal;
        this.passwordEncoder = passwordEncoder;
    }

    public Organisation organisation(long id) {
        return repository.organisation(id)
                .orElseThrow(() -> new Introuvable("Organisation " + id + " introuvable."));
    }

    public Optional<Organisation> communeParCodeInsee(String codeInsee) {
        return repository.parCode(TypeOrganisation.COMMUNE, codeInsee);
    }

    public Optional<Organisation> epciParSiren(String siren) {
        return repository.parCode(TypeOrganisation.EPCI, siren);
    }

    public List<Organisation> organisations(List<Long> ids) {
        return repository.organisations(ids);
    }

    /** Organisations whose name is this one, ignoring case, accents, hyphens and apostrophes. */
    public List<Organisation> parNom(String nom) {
        return repository.parNom(nom);
    }

    /** The active Cafs, one per département, by département code. */
    public List<Organisation> cafs() {
        return repository.rechercher("", TypeOrganisation.CAF, 500);
    }

    /** The Caf of a département (every département has one from the start). */
    public Optional<Organisation> cafDuDepartement(String codeDepartement) {
        return repository.cafDuDepartement(codeDepartement);
    }

    @Transactional
    public Organisation creer(NouvelleOrganisation nouvelle) {
        if (nouvelle.nom() == null || nouvelle.nom().isBlank()) {
            throw new ErreurValidation("nom", "Le nom de l'organisation est obligatoire.");
        }
        if (nouvelle.type() == null) {
            throw new ErreurValidation("type", "Le type d'organisation est obligatoire.");
        }
        Organisation creee = repository.inserer(nouvelle);
        journal.enregistrer("organisation", creee.id(), null, "création",
                List.of(new Changement("Organisation", null, creee.nom() + " (" + creee.type().libelle() + ")")));
        return creee;
    }

    /** The commune's organisation, created from the referential the first time a convention needs it. */
    @Transactional
    public Organisation communeOuCreer(String nom, String codeInsee, String codeDepartement) {
        return communeParCodeInsee(codeInsee)
                .orElseGet(() -> creer(NouvelleOrganisation.commune(nom, codeInsee, codeDepartement)));
    }

    @Transactional
    public Organisation epciOuCreer(String nom, String siren, String codeDepartement) {
        return epciParSiren(siren).orElseGet(() -> creer(NouvelleOrganisation.epci(nom, siren, codeDepartement)));
    }

    public Mandat mandat(long id) {
        return repository.mandat(id).orElseThrow(() -> new Introuvable("Mandat " + id + " introuvable."));
    }

    public List<Mandat> mandats(List<Long> ids) {
        return repository.mandats(ids);
    }

    @Transactional
    public Personne creerPersonne(String civilite, String prenom, String nom) {
        if (nom == null || nom.isBlank()) {
            throw new ErreurValidation("nom", "Le nom de la personne est obligatoire.");
        }
        Personne personne = repository.insererPersonne(vide(civilite), vide(prenom), nom.trim());
        journal.enregistrer("personne", personne.id(), null, "création",
                List.of(new Changement("Personne", null, personne.nomComplet())));
        return personne;
    }

    @Transactional
    public Mandat creerMandat(long personneId, long organisationId, String fonction) {
        if (fonction == null || fonction.isBlank()) {
            throw new ErreurValidation("fonction", "La fonction est obligatoire (par exemple « Maire »).");
        }
        Organisation organisation = organisation(organisationId);
        Mandat mandat = repository.insererMandat(personneId, organisation.id(), fonction.trim());
        journal.enregistrer("mandat", mandat.id(), null, "création", List.of(new Changement("Mandat", null,
                mandat.personne().nomComplet() + ", " + mandat.fonction() + " — " + organisation.nom())));
        return mandat;
    }

    @Transactional
    public long creerUtilisateur(String identifiant, String motDePasse, String nomAffiche, Role role, Long organisationId) {
        long id = repository.insererUtilisateur(identifiant, passwordEncoder.encode(motDePasse), nomAffiche, role, organisationId);
        journal.enregistrer("utilisateur", id, null, "création",
                List.of(new Changement("Compte", null, identifiant + " (" + role.libelle() + ")")));
        return id;
    }

    /** Sets the e-mail address of a user (reminders of the follow-up campaigns are sent there). */
    @Transactional
    public void definirCourriel(long utilisateurId, String courriel) {
        repository.definirCourriel(utilisateurId, courriel);
        journal.enregistrer("utilisateur", utilisateurId, null, "modification", List.of(new Changement("Courriel", null, courriel)));
    }

    /** E-mail addresses of the active users of an organisation. */
    public List<String> courrielsDesUtilisateurs(long organisationId) {
        return repository.courrielsDesUtilisateurs(organisationId);
    }

    /** An active account by its id (a deactivated account is not found): used to authenticate an API token. */
    public Optional<UtilisateurConnecte> utilisateurActif(long id) {
        return repository.utilisateurActif(id);
    }

    /**
     * Accounts whose login is this e-mail address ignoring case, active or not, the exact match first: used to match
     * an identity signed in by single sign-on (OpenID Connect) to its account.
     */
    public List<CompteParCourriel> comptesParCourriel(String courriel) {
        return repository.comptesSansCasse(courriel);
    }

    /**
     * Creates the account of a person signed in by single sign-on whose e-mail domain the administrator allowed: its
     * login is the e-mail address (in lower case) and its password a random one nobody knows.
     */
    @Transactional
    public UtilisateurConnecte creerCompteParConnexionUnique(String courriel, String nomAffiche, Role role,
                                                             long organisationId, String origine) {
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("Un compte administrateur n'est jamais créé automatiquement.");
        }
        String identifiant = courriel.toLowerCase(Locale.ROOT);
        byte[] aleatoire = new byte[32];
        ALEATOIRE.nextBytes(aleatoire);
        long id = repository.insererUtilisateur(identifiant,
                passwordEncoder.encode(Base64.getEncoder().encodeToString(aleatoire)), nomAffiche, role, organisationId);
        repository.definirCourriel(id, identifiant);
        journal.enregistrer("utilisateur", id, null, "création", List.of(
                new Changement("Compte", null, identifiant + " (" + role.libelle() + ")"),
                new Changement("Origine", null, origine)));
        return repository.utilisateurActif(id).orElseThrow();
    }

    /** Accounts whose password is the given one: used to refuse demo accounts outside demo mode. */
    public List<String> comptesAvecMotDePasse(List<String> identifiants, String motDePasse) {
        return repository.motsDePasse(identifiants).entrySet().stream()
                .filter(e -> passwordEncoder.matches(motDePasse, e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    public long nombreUtilisateurs() {
        return repository.nombreUtilisateurs();
    }

    public long nombreOrganisations() {
        return repository.nombreOrganisations();
    }

    private static String vide(String texte) {
        return texte == null || texte.isBlank() ? null : texte.trim();
    }
}
