package fr.pilotectg.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail domains allowed to have accounts created at their first single sign-on: managed by administrators only,
 * every change journalled.
 */
@Service
public class DomainesService {

    /** Roles an automatically created account may get: never administrator. */
    public static final List<Role> ROLES_POSSIBLES = List.of(Role.AGENT_CAF, Role.CHARGE_COOPERATION, Role.PORTEUR, Role.LECTEUR);
    private static final Pattern DOMAINE =
            Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    private final DomainesRepository repository;
    private final OrganisationService organisations;
    private final Journal journal;

    DomainesService(DomainesRepository repository, OrganisationService organisations, Journal journal) {
        this.repository = repository;
        this.organisations = organisations;
        this.journal = journal;
    }

    public List<DomaineAutorise> domaines(UtilisateurConnecte utilisateur) {
        exigerAdmin(utilisateur);
        return repository.tous();
    }

    /** The allowance for this e-mail domain, if any (used at sign-in, with nobody logged in yet). */
    Optional<DomaineAutorise> pour(String domaine) {
        return repository.parDomaine(domaine.toLowerCase(Locale.ROOT));
    }

    @Transactional
    public DomaineAutorise ajouter(UtilisateurConnecte utilisateur, NouveauDomaine formulaire) {
        exigerAdmin(utilisateur);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String domaine = formulaire.domaine() == null ? "" : formulaire.domaine().trim().toLowerCase(Locale.ROOT);
        if (domaine.startsWith("@")) {
            domaine = domaine.substring(1);
        }
        if (domaine.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("domaine", "Le domaine est obligatoire (par exemple « caf05.caf.fr »)."));
        } else if (domaine.length() > 253 || !DOMAINE.matcher(domaine).matches()) {
            erreurs.add(new ErreurValidation.Erreur("domaine",
                    "Le domaine doit être un nom de domaine (lettres, chiffres, tirets et points, par exemple « caf05.caf.fr »)."));
        } else if (repository.parDomaine(domaine).isPresent()) {
            erreurs.add(new ErreurValidation.Erreur("domaine", "Le domaine « " + domaine + " » est déjà autorisé."));
        }
        Organisation organisation = null;
        String nom = formulaire.organisation() == null ? "" : formulaire.organisation().trim();
        if (nom.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("organisation", "L'organisation des comptes créés est obligatoire."));
        } else {
            List<Organisation> trouvees = organisations.parNom(nom);
            if (trouvees.size() == 1) {
                organisation = trouvees.get(0);
            } else {
                erreurs.add(new ErreurValidation.Erreur("organisation", trouvees.isEmpty()
                        ? "Aucune organisation ne s'appelle « " + nom + " »."
                        : "Plusieurs organisations s'appellent « " + nom + " » : précisez le nom."));
            }
        }
        Role role = ROLES_POSSIBLES.stream().filter(r -> r.name().equals(formulaire.role())).findFirst().orElse(null);
        if (role == null) {
            erreurs.add(new ErreurValidation.Erreur("role",
                    "Choisissez le rôle des comptes créés (agent Caf, chargé(e) de coopération, porteur ou lecteur)."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        long id = repository.inserer(domaine, organisation.id(), role, utilisateur.identifiant());
        journal.enregistrer("connexion_unique_domaine", id, null, "création", List.of(
                new Changement("Domaine autorisé", null, domaine),
                new Changement("Organisation", null, organisation.nom()),
                new Changement("Rôle", null, role.libelle())));
        return repository.parId(id).orElseThrow();
    }

    @Transactional
    public DomaineAutorise supprimer(UtilisateurConnecte utilisateur, long id) {
        exigerAdmin(utilisateur);
        DomaineAutorise domaine = repository.parId(id)
                .orElseThrow(() -> new Introuvable("Domaine autorisé " + id + " introuvable."));
        repository.supprimer(id);
        journal.enregistrer("connexion_unique_domaine", id, null, "suppression", List.of(
                new Changement("Domaine autorisé", domaine.domaine(), null)));
        return domaine;
    }

    private static void exigerAdmin(UtilisateurConnecte utilisateur) {
        if (!utilisateur.estAdmin()) {
            throw new AccesRefuse("Seul un administrateur gère les domaines de la connexion unique.");
        }
    }
}
