package fr.pilotectg.compte;

import fr.pilotectg.organisation.Role;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the accounts administration ({@code /utilisateurs}): list, creation, role, deactivation, reactivation. */
@Controller
class ComptesController {

    private final ComptesService comptes;

    ComptesController(ComptesService comptes) {
        this.comptes = comptes;
    }

    @GetMapping("/utilisateurs")
    String liste(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "page", defaultValue = "1") int page,
                 Model model) {
        model.addAttribute("q", q);
        model.addAttribute("resultats", comptes.rechercher(q, page));
        return "comptes/liste";
    }

    @GetMapping("/utilisateurs/nouveau")
    String nouveau(Model model) {
        return formulaire(model, new NouveauCompte(null, null, null, null, false));
    }

    @PostMapping("/utilisateurs")
    String creer(@ModelAttribute("formulaire") NouveauCompte formulaire, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        try {
            CompteCree cree = comptes.creer(formulaire, MotDePasseController.urlDeBase());
            model.addAttribute("messageSucces", "Compte de " + cree.compte().nomAffiche() + " (" + cree.compte().identifiant() + ") créé.");
            return invitation(cree, model);
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            erreurs(model, e);
            return formulaire(model, formulaire);
        }
    }

    @GetMapping("/utilisateurs/{id}")
    String compte(@PathVariable long id, Model model) {
        model.addAttribute("compte", comptes.compte(id));
        model.addAttribute("roles", comptes.rolesPossibles());
        return "comptes/compte";
    }

    /** A new invitation link, shown in this answer only (never kept in the session) unless it was e-mailed. */
    @PostMapping("/utilisateurs/{id}/invitation")
    String inviter(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            return invitation(comptes.inviter(id, MotDePasseController.urlDeBase()), model);
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("messageErreur", e.getMessage());
            return compte(id, model);
        }
    }

    private String invitation(CompteCree cree, Model model) {
        MotsDePasseService.Invitation invitation = cree.invitation();
        if (invitation.envoyeParCourriel()) {
            model.addAttribute("messageInvitationEnvoyee", "Invitation envoyée par courriel à " + cree.compte().identifiant()
                    + " : le lien est valable 72 heures et ne sert qu'une fois.");
        } else {
            model.addAttribute("lienInvitation", invitation.lien());
            model.addAttribute("messageInvitation", invitation.smtpConfigure()
                    ? "Le courriel d'invitation n'a pas pu être envoyé (serveur de courriel injoignable) : transmettez ce lien à "
                    + cree.compte().nomAffiche() + " par un autre moyen."
                    : "Aucun serveur de courriel n'est configuré : transmettez ce lien à " + cree.compte().nomAffiche()
                    + " (par exemple par votre messagerie) pour qu'il ou elle choisisse son mot de passe.");
        }
        return compte(cree.compte().id(), model);
    }

    @PostMapping("/utilisateurs/{id}/role")
    String changerRole(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
                       @RequestParam(name = "role", required = false) Role role,
                       @RequestParam(name = "administrateurCaf", defaultValue = "false") boolean administrateurCaf,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return ecrire(id, model, response, redirect, () -> {
            Compte compte = comptes.changerRole(id, new ChangementDeRole(version, role, administrateurCaf));
            return "Rôle de " + compte.nomAffiche() + " : " + ComptesService.libelleRole(compte) + ".";
        });
    }

    @PostMapping("/utilisateurs/{id}/desactivation")
    String desactiver(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return ecrire(id, model, response, redirect, () -> {
            Compte compte = comptes.desactiver(id, version);
            return "Compte de " + compte.nomAffiche() + " désactivé : ses sessions sont terminées et ses jetons d'API révoqués.";
        });
    }

    @PostMapping("/utilisateurs/{id}/reactivation")
    String reactiver(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return ecrire(id, model, response, redirect, () -> "Compte de " + comptes.reactiver(id, version).nomAffiche() + " réactivé.");
    }

    private String ecrire(long id, Model model, HttpServletResponse response, RedirectAttributes redirect,
                          java.util.function.Supplier<String> ecriture) {
        try {
            redirect.addFlashAttribute("messageSucces", ecriture.get());
            return "redirect:/utilisateurs/" + id;
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("messageErreur", e.getMessage());
        } catch (ConflitDeModification e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("messageErreur", e.getMessage());
        }
        return compte(id, model);
    }

    private String formulaire(Model model, NouveauCompte formulaire) {
        model.addAttribute("formulaire", formulaire);
        model.addAttribute("organisations", comptes.organisationsPossibles());
        model.addAttribute("roles", comptes.rolesPossibles());
        return "comptes/nouveau";
    }

    private static void erreurs(Model model, ErreurValidation e) {
        e.erreurs().forEach(erreur -> model.addAttribute("erreur_" + erreur.champ(), erreur.message()));
        model.addAttribute("messageErreur", e.getMessage());
    }
}
