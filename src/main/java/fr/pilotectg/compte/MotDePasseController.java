package fr.pilotectg.compte;

import java.time.OffsetDateTime;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Password pages: "Mot de passe oublié" and the page of a link (public), "Changer mon mot de passe" and
 * "Se déconnecter partout" (signed in).
 */
@Controller
class MotDePasseController {

    static final String REPONSE_OUBLI = "Si un compte actif existe avec cette adresse, un courriel vient de lui être envoyé avec un "
            + "lien pour choisir un nouveau mot de passe, valable 2 heures. Sans courriel d'ici quelques minutes, vérifiez l'adresse "
            + "ou demandez à l'administrateur de votre Caf un nouveau lien.";

    private final MotsDePasseService motsDePasse;

    MotDePasseController(MotsDePasseService motsDePasse) {
        this.motsDePasse = motsDePasse;
    }

    @GetMapping("/mot-de-passe/oublie")
    String oubli() {
        return "comptes/oubli";
    }

    @PostMapping("/mot-de-passe/oublie")
    String oublier(@RequestParam(name = "identifiant", required = false) String identifiant, Model model) {
        motsDePasse.oublier(identifiant, urlDeBase());
        model.addAttribute("messageSucces", REPONSE_OUBLI);
        return "comptes/oubli";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String lien(@RequestParam(name = "jeton", required = false) String jeton, Model model, HttpServletResponse response) {
        MotsDePasseService.LienOuvert lien = motsDePasse.ouvrir(jeton);
        return afficher(lien, jeton, model, response);
    }

    @PostMapping("/mot-de-passe/nouveau")
    String definir(@RequestParam(name = "jeton", required = false) String jeton,
                   @RequestParam(name = "motDePasse", required = false) String motDePasse,
                   @RequestParam(name = "confirmation", required = false) String confirmation,
                   Model model, HttpServletResponse response) {
        try {
            MotsDePasseService.LienOuvert lien = motsDePasse.definir(jeton, motDePasse, confirmation);
            if (lien.etat() != MotsDePasseService.EtatDuLien.VALIDE) {
                return afficher(lien, jeton, model, response);
            }
            return "redirect:/connexion?mot-de-passe-defini";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            erreurs(model, e);
            return afficher(motsDePasse.ouvrir(jeton), jeton, model, response);
        }
    }

    @GetMapping("/compte/mot-de-passe")
    String changement() {
        return "compte/mot-de-passe";
    }

    @PostMapping("/compte/mot-de-passe")
    String changer(@RequestParam(name = "actuel", required = false) String actuel,
                   @RequestParam(name = "motDePasse", required = false) String motDePasse,
                   @RequestParam(name = "confirmation", required = false) String confirmation,
                   HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            OffsetDateTime le = motsDePasse.changer(UtilisateurConnecte.courant(), actuel, motDePasse, confirmation);
            SessionsValides.renouveler(request, le.toInstant().toEpochMilli());
            redirect.addFlashAttribute("messageSucces", "Mot de passe changé. Vos autres sessions sont terminées.");
            return "redirect:/compte/mot-de-passe";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            erreurs(model, e);
            return "compte/mot-de-passe";
        }
    }

    @PostMapping("/compte/deconnexion-partout")
    String deconnecterPartout(HttpServletRequest request) {
        motsDePasse.terminerSessions(UtilisateurConnecte.courant());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/connexion?deconnecte-partout";
    }

    private static String afficher(MotsDePasseService.LienOuvert lien, String jeton, Model model, HttpServletResponse response) {
        model.addAttribute("lien", lien);
        if (lien.etat() != MotsDePasseService.EtatDuLien.VALIDE) {
            response.setStatus(HttpServletResponse.SC_GONE);
            return "comptes/lien-invalide";
        }
        model.addAttribute("jeton", jeton);
        return "comptes/nouveau-mot-de-passe";
    }

    private static void erreurs(Model model, ErreurValidation e) {
        e.erreurs().forEach(erreur -> model.addAttribute("erreur_" + erreur.champ(), erreur.message()));
        model.addAttribute("messageErreur", e.getMessage());
    }

    static String urlDeBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
