package fr.pilotectg.organisation;

import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of people and their mandates (rights: {@link DroitsOrganisations}). */
@Controller
@RequestMapping("/personnes")
class PersonneController {

    private final AnnuairePersonnes personnes;
    private final AnnuaireOrganisations organisations;

    PersonneController(AnnuairePersonnes personnes, AnnuaireOrganisations organisations) {
        this.personnes = personnes;
        this.organisations = organisations;
    }

    /** A new person with a first mandate; the organisation is typed and chosen among the candidates. */
    record Formulaire(String civilite, String prenom, String nom, String organisation, Long organisationId, String fonction,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate debut,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fin, Boolean confirme) {
    }

    @GetMapping
    String liste(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("resultats", personnes.liste(q, page));
        model.addAttribute("q", q);
        return "organisation/personnes";
    }

    @GetMapping("/nouvelle")
    String nouvelle(Model model) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        model.addAttribute("form", new Formulaire(null, null, null, null, null, null, null, null, null));
        return "organisation/personne-nouvelle";
    }

    @PostMapping
    String creer(@ModelAttribute("form") Formulaire form, Model model, RedirectAttributes redirect) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        try {
            long organisationId = form.organisationId() != null ? form.organisationId()
                    : organisations.resoudre("organisation", form.organisation()).id();
            FichePersonne creee = personnes.creer(new SaisiePersonne(form.civilite(), form.prenom(), form.nom(),
                    List.of(new SaisiePersonne.SaisieMandat(null, organisationId, form.fonction(), form.debut(), form.fin()))),
                    Boolean.TRUE.equals(form.confirme()));
            redirect.addFlashAttribute("messageSucces", creee.nomComplet() + " enregistré(e).");
            return "redirect:/personnes/" + creee.id();
        } catch (ErreurAvecCandidats e) {
            model.addAttribute("erreurs", OrganisationController.erreurs(e));
            model.addAttribute("candidats", e.candidats());
            model.addAttribute("candidatsDe", e.erreurs().get(0).champ());
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", OrganisationController.erreurs(e));
        }
        return "organisation/personne-nouvelle";
    }

    @GetMapping("/{id}")
    String fiche(@PathVariable long id, Model model) {
        model.addAttribute("personne", personnes.fiche(id));
        model.addAttribute("peutGerer", DroitsOrganisations.peutGerer(UtilisateurConnecte.courant()));
        return "organisation/personne";
    }

    @PostMapping("/{id}/modifier")
    String modifier(@PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String civilite, @RequestParam(required = false) String prenom,
                    @RequestParam(required = false) String nom, RedirectAttributes redirect) {
        return action(id, redirect, "Personne enregistrée.", () -> personnes.modifier(id,
                OrganisationApiController.version(version), new SaisiePersonne(civilite, prenom, nom, List.of())));
    }

    @PostMapping("/{id}/mandats")
    String ajouterMandat(@PathVariable long id, @RequestParam(required = false) Integer version,
                         @RequestParam(required = false) String organisation, @RequestParam(required = false) Long organisationId,
                         @RequestParam(required = false) String fonction,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate debut,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fin,
                         RedirectAttributes redirect) {
        return action(id, redirect, "Mandat ajouté.", () -> {
            FichePersonne personne = personnes.fiche(id);
            long organisationChoisie = organisationId != null ? organisationId : organisations.resoudre("organisation", organisation).id();
            personnes.modifier(id, OrganisationApiController.version(version), new SaisiePersonne(personne.civilite(),
                    personne.prenom(), personne.nom(), List.of(new SaisiePersonne.SaisieMandat(null, organisationChoisie, fonction, debut, fin))));
        });
    }

    @PostMapping("/{id}/mandats/{mandatId}")
    String modifierMandat(@PathVariable long id, @PathVariable long mandatId, @RequestParam(required = false) Integer version,
                          @RequestParam(required = false) String fonction,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate debut,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fin,
                          RedirectAttributes redirect) {
        return action(id, redirect, "Mandat enregistré.", () -> {
            FichePersonne personne = personnes.fiche(id);
            var mandat = personne.mandats().stream().filter(m -> m.id() == mandatId).findFirst()
                    .orElseThrow(() -> new ErreurValidation("mandat", "Ce mandat n'est pas un mandat de cette personne."));
            personnes.modifier(id, OrganisationApiController.version(version), new SaisiePersonne(personne.civilite(),
                    personne.prenom(), personne.nom(), List.of(new SaisiePersonne.SaisieMandat(mandatId, mandat.organisationId(),
                    fonction, debut, fin))));
        });
    }

    private String action(long id, RedirectAttributes redirect, String succes, Runnable changement) {
        try {
            changement.run();
            redirect.addFlashAttribute("messageSucces", succes);
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/personnes/" + id;
    }
}
