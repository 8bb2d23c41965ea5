package fr.pilotectg.compte;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.Partie;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "Accès" page of a convention (Art. 9): who reads and who writes it, and why; grants and withdrawals of read access
 * by its managers (the rules and the journal are the convention's, {@link ConventionService#accorderLecture}).
 */
@Service
public class AccesConventions {

    static final String REFUS = "La page des accès est réservée aux gestionnaires de la convention (agents de sa Caf, "
            + "chargé(e)s de coopération de ses parties, administrateurs).";

    /** One account that reads the convention, whether it also writes, and why. */
    public record Acces(Compte compte, boolean ecriture, List<String> raisons, boolean habilite) {
    }

    public record VueAcces(Convention convention, List<Acces> acces, boolean restreintASonOrganisation) {
    }

    private final ConventionService conventions;
    private final CompteRepository comptes;

    AccesConventions(ConventionService conventions, CompteRepository comptes) {
        this.conventions = conventions;
        this.comptes = comptes;
    }

    public VueAcces vue(long conventionId) {
        Convention convention = conventionGeree(conventionId);
        Set<Long> parties = new HashSet<>(convention.parties().stream().map(Partie::organisationId).toList());
        Set<Long> impliquees = conventions.organisationsImpliquees(conventionId);
        Set<Long> habilites = conventions.lecteursHabilites(conventionId);
        Set<Long> organisations = new HashSet<>(parties);
        organisations.addAll(impliquees);
        organisations.add(convention.cafId());
        List<Acces> acces = new ArrayList<>();
        for (Compte compte : comptes.comptesConcernes(organisations, habilites)) {
            List<String> raisons = new ArrayList<>();
            boolean ecriture = false;
            Long organisation = compte.organisationId();
            if (compte.role() == Role.AGENT_CAF && organisation != null && organisation == convention.cafId()) {
                raisons.add("agent de la Caf de la convention (lit et modifie)");
                ecriture = true;
            }
            if (compte.role() == Role.CHARGE_COOPERATION && parties.contains(organisation)) {
                raisons.add("chargé(e) de coopération de " + compte.organisationNom() + ", partie (lit et modifie)");
                ecriture = true;
            }
            if (compte.role() == Role.PORTEUR && parties.contains(organisation)) {
                raisons.add("porteur d'action de " + compte.organisationNom() + ", partie (lit ; modifie les fiches qu'il porte)");
            } else if (compte.role() == Role.PORTEUR && impliquees.contains(organisation)) {
                raisons.add("porteur d'action de " + compte.organisationNom() + ", qui porte des fiches (lit ; modifie ces fiches)");
            }
            boolean habilite = habilites.contains(compte.id());
            if (habilite) {
                raisons.add("lecteur habilité sur cette convention");
            }
            if (!raisons.isEmpty()) {
                acces.add(new Acces(compte, ecriture, raisons, habilite));
            }
        }
        return new VueAcces(convention, acces, UtilisateurConnecte.courant().role() == Role.CHARGE_COOPERATION);
    }

    /** Grants read access to the active account of this login. */
    @Transactional
    public Compte accorder(long conventionId, String identifiant) {
        conventionGeree(conventionId);
        String adresse = identifiant == null ? "" : identifiant.strip().toLowerCase(Locale.ROOT);
        Compte compte = comptes.parIdentifiant(adresse).filter(Compte::actif).orElseThrow(() -> new ErreurValidation("identifiant",
                "Aucun compte actif n'a l'identifiant « " + adresse + " » : un administrateur doit d'abord créer le compte."));
        return accorder(conventionId, compte);
    }

    @Transactional
    public Compte accorder(long conventionId, long utilisateurId) {
        conventionGeree(conventionId);
        Compte compte = comptes.compte(utilisateurId).filter(Compte::actif)
                .orElseThrow(() -> new ErreurValidation("utilisateurId", "Aucun compte actif n'a cet identifiant."));
        return accorder(conventionId, compte);
    }

    private Compte accorder(long conventionId, Compte compte) {
        conventions.accorderLecture(conventionId, compte.id(), compte.organisationId(), nom(compte));
        return compte;
    }

    @Transactional
    public Compte retirer(long conventionId, long utilisateurId) {
        conventionGeree(conventionId);
        Compte compte = comptes.compte(utilisateurId).orElseThrow(() -> new Introuvable("Compte " + utilisateurId + " introuvable."));
        conventions.retirerLecture(conventionId, compte.id(), compte.organisationId(), nom(compte));
        return compte;
    }

    private Convention conventionGeree(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse(REFUS);
        }
        return convention;
    }

    private static String nom(Compte compte) {
        return compte.nomAffiche() + " (" + compte.identifiant() + ")";
    }
}
