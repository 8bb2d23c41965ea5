package fr.pilotectg.oidc;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.pilotectg.organisation.CompteParCourriel;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Matches an identity signed in by the provider to an account: by its verified e-mail address, compared ignoring case
 * to the accounts' logins. An unknown address gets an account only when its domain is allowed by an administrator;
 * otherwise, like an unverified address or a deactivated account, it is refused.
 */
@Service
class CorrespondanceDesComptes {

    private static final Logger LOG = LoggerFactory.getLogger(CorrespondanceDesComptes.class);

    private final OrganisationService organisations;
    private final DomainesService domaines;
    private final ProprietesOidc proprietes;

    CorrespondanceDesComptes(OrganisationService organisations, DomainesService domaines, ProprietesOidc proprietes) {
        this.organisations = organisations;
        this.domaines = domaines;
        this.proprietes = proprietes;
    }

    UtilisateurConnecte compte(OidcUser identite) {
        String courriel = identite.getEmail() == null ? "" : identite.getEmail().trim();
        int arobase = courriel.lastIndexOf('@');
        if (arobase <= 0 || arobase == courriel.length() - 1 || courriel.indexOf('@') != arobase || courriel.length() > 254) {
            throw refus(MotifDeRefus.COURRIEL_ABSENT, identite, "");
        }
        String domaine = courriel.substring(arobase + 1);
        if (!Boolean.TRUE.equals(identite.getEmailVerified())
                && !(identite.getEmailVerified() == null && proprietes.courrielToujoursVerifie())) {
            throw refus(MotifDeRefus.COURRIEL_NON_VERIFIE, identite, domaine);
        }
        List<CompteParCourriel> comptes = organisations.comptesParCourriel(courriel);
        if (!comptes.isEmpty()) {
            CompteParCourriel compte = comptes.stream().filter(CompteParCourriel::actif).findFirst().orElse(comptes.get(0));
            if (!compte.actif()) {
                throw refus(MotifDeRefus.COMPTE_DESACTIVE, identite, domaine);
            }
            LOG.info("Connexion unique de {} (sub {})", compte.utilisateur().identifiant(), identite.getSubject());
            return compte.utilisateur();
        }
        Optional<DomaineAutorise> autorise = domaines.pour(domaine);
        if (autorise.isEmpty()) {
            throw refus(MotifDeRefus.COMPTE_INCONNU, identite, domaine);
        }
        DomaineAutorise regle = autorise.get();
        UtilisateurConnecte cree = organisations.creerCompteParConnexionUnique(courriel, nomAffiche(identite, courriel),
                regle.role(), regle.organisationId(), "première connexion unique, domaine autorisé " + regle.domaine());
        LOG.info("Compte {} créé à sa première connexion unique (domaine autorisé {})", cree.identifiant(), regle.domaine());
        return cree;
    }

    /** The name shown for a created account: given name and family name (ProConnect: usual_name), else the e-mail. */
    static String nomAffiche(OidcUser identite, String courriel) {
        String nom = identite.getClaimAsString("usual_name");
        if (nom == null || nom.isBlank()) {
            nom = identite.getFamilyName();
        }
        String complet = Stream.of(identite.getGivenName(), nom)
                .filter(partie -> partie != null && !partie.isBlank())
                .map(String::trim)
                .collect(Collectors.joining(" "));
        if (complet.isBlank() && identite.getFullName() != null) {
            complet = identite.getFullName().trim();
        }
        complet = complet.isBlank() ? courriel : complet;
        return complet.length() > 200 ? complet.substring(0, 200) : complet;
    }

    private static RefusConnexionUnique refus(MotifDeRefus motif, OidcUser identite, String domaine) {
        LOG.info("Connexion unique refusée ({}) : sub {}, domaine « {} »", motif.code(), identite.getSubject(), domaine);
        return new RefusConnexionUnique(motif);
    }
}
