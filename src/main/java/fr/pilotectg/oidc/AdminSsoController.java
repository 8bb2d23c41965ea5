package fr.pilotectg.oidc;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/sso}: the single sign-on settings in use and the domains allowed to get accounts created (administrators). */
@Controller
class AdminSsoController {

    private static final String PAGE = "admin/sso";

    private final DomainesService domaines;
    private final ConnexionUnique connexion;
    private final ProprietesOidc proprietes;

    AdminSsoController(DomainesService domaines, ConnexionUnique connexion, ProprietesOidc proprietes) {
        this.domaines = domaines;
        this.connexion = connexion;
        this.proprietes = proprietes;
    }

    @GetMapping("/admin/sso")
    String page(Model model) {
        return afficher(model, new NouveauDomaine(null, null, null));
    }

    @PostMapping("/admin/sso")
    String ajouter(@ModelAttribute("formulaire") NouveauDomaine formulaire, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            DomaineAutorise ajoute = domaines.ajouter(UtilisateurConnecte.courant(), formulaire);
            redirect.addFlashAttribute("messageSucces", "Domaine « " + ajoute.domaine() + " » autorisé : ses utilisateurs "
                    + "inconnus auront un compte « " + ajoute.role().libelle() + " » de " + ajoute.organisationNom()
                    + " à leur première connexion unique.");
            return "redirect:/admin/sso";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.erreurs().forEach(erreur -> model.addAttribute("erreur_" + erreur.champ(), erreur.message()));
            model.addAttribute("messageErreur", "Rien n'a été enregistré. " + e.getMessage());
            return afficher(model, formulaire);
        }
    }

    @PostMapping("/admin/sso/{id}/suppression")
    String supprimer(@PathVariable long id, RedirectAttributes redirect) {
        DomaineAutorise supprime = domaines.supprimer(UtilisateurConnecte.courant(), id);
        redirect.addFlashAttribute("messageSucces", "Domaine « " + supprime.domaine() + " » retiré : ses utilisateurs "
                + "inconnus sont de nouveau refusés. Les comptes déjà créés restent.");
        return "redirect:/admin/sso";
    }

    private String afficher(Model model, NouveauDomaine formulaire) {
        model.addAttribute("domaines", domaines.domaines(UtilisateurConnecte.courant()));
        model.addAttribute("formulaire", formulaire);
        model.addAttribute("roles", DomainesService.ROLES_POSSIBLES);
        model.addAttribute("active", connexion.active());
        model.addAttribute("formulaireActif", connexion.formulaireActif());
        model.addAttribute("emetteur", proprietes.issuer());
        model.addAttribute("libelleBouton", proprietes.libelleBouton());
        return PAGE;
    }
}
