package fr.pilotectg.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the organisations directory: list, create, edit, merge, deactivate (rights: {@link DroitsOrganisations}). */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private final AnnuaireOrganisations annuaire;
    private final TerritoireService territoires;
    private final Journal journal;

    OrganisationController(AnnuaireOrganisations annuaire, TerritoireService territoires, Journal journal) {
        this.annuaire = annuaire;
        this.territoires = territoires;
        this.journal = journal;
    }

    /** Form fields; aliases are one per line. */
    record Formulaire(Integer version, TypeOrganisation type, String nom, String sigle, String siren, String codeDepartement,
                      String adresse, String aliases) {

        static Formulaire depuis(FicheOrganisation o) {
            return new Formulaire(o.version(), o.type(), o.nom(), o.sigle(), o.siren(), o.codeDepartement(), o.adresse(),
                    String.join("\n", o.aliases()));
        }

        SaisieOrganisation saisie() {
            return new SaisieOrganisation(type, nom, sigle, siren, codeDepartement, adresse,
                    aliases == null ? List.of() : Arrays.asList(aliases.split("\\R")));
        }
    }

    @GetMapping
    String liste(@RequestParam(required = false) String q, @RequestParam(required = false) TypeOrganisation type,
                 @RequestParam(defaultValue = "false") boolean inactives, @RequestParam(required = false) String tri,
                 @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("resultats", annuaire.liste(q, type, inactives, tri, page));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("inactives", inactives);
        model.addAttribute("tri", tri != null && AnnuaireOrganisations.TRIS.containsKey(tri) ? tri : "nom");
        model.addAttribute("types", TypeOrganisation.values());
        model.addAttribute("peutAdministrer", DroitsOrganisations.peutAdministrer(UtilisateurConnecte.courant()));
        return "organisation/liste";
    }

    @GetMapping("/nouvelle")
    String nouvelle(Model model) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        model.addAttribute("form", new Formulaire(null, null, null, null, null, null, null, null));
        return formulaire(model, null);
    }

    @PostMapping
    String creer(@ModelAttribute("form") Formulaire form, Model model, RedirectAttributes redirect) {
        try {
            FicheOrganisation creee = annuaire.creer(form.saisie());
            redirect.addFlashAttribute("messageSucces", "Organisation « " + creee.nom() + " » créée.");
            return "redirect:/organisations/" + creee.id();
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", erreurs(e));
            return formulaire(model, null);
        }
    }

    @GetMapping("/{id}")
    String fiche(@PathVariable long id, Model model) {
        DroitsOrganisations.verifierConsultation(UtilisateurConnecte.courant());
        FicheOrganisation organisation = annuaire.fiche(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("fusionneeDans", organisation.fusionneeDans() == null ? null : annuaire.fiche(organisation.fusionneeDans()));
        model.addAttribute("journal", journal.pourObjet("organisation", id));
        model.addAttribute("peutGerer", DroitsOrganisations.peutGerer(UtilisateurConnecte.courant()));
        model.addAttribute("peutAdministrer", DroitsOrganisations.peutAdministrer(UtilisateurConnecte.courant()));
        return "organisation/fiche";
    }

    @GetMapping("/{id}/modifier")
    String modifier(@PathVariable long id, Model model) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        model.addAttribute("form", Formulaire.depuis(annuaire.fiche(id)));
        return formulaire(model, id);
    }

    @PostMapping("/{id}/modifier")
    String enregistrer(@PathVariable long id, @ModelAttribute("form") Formulaire form, Model model, RedirectAttributes redirect) {
        try {
            if (form.version() == null) {
                throw new ErreurValidation("version", "Version manquante : rechargez la page avant d'enregistrer.");
            }
            annuaire.modifier(id, form.version(), form.saisie());
            redirect.addFlashAttribute("messageSucces", "Organisation enregistrée.");
            return "redirect:/organisations/" + id;
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", erreurs(e));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaire(model, id);
    }

    @PostMapping("/{id}/desactiver")
    String desactiver(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return action(id, redirect, "Organisation désactivée : elle n'est plus proposée dans les listes.",
                () -> annuaire.desactiver(id, version));
    }

    @PostMapping("/{id}/reactiver")
    String reactiver(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return action(id, redirect, "Organisation réactivée.", () -> annuaire.reactiver(id, version));
    }

    /** Choosing the organisation to keep: a search among the active ones, the duplicate excluded. */
    @GetMapping("/{id}/fusionner")
    String fusionner(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        DroitsOrganisations.verifierAdministration(UtilisateurConnecte.courant());
        FicheOrganisation doublon = annuaire.fiche(id);
        String recherche = q == null ? doublon.nom() : q;
        model.addAttribute("doublon", doublon);
        model.addAttribute("q", recherche);
        List<Candidat> candidats = annuaire.candidats(recherche, null, 20).stream()
                .filter(c -> c.organisation().id() != id).toList();
        Map<Long, Integer> versions = new LinkedHashMap<>();
        candidats.forEach(c -> versions.put(c.organisation().id(), annuaire.fiche(c.organisation().id()).version()));
        model.addAttribute("candidats", candidats);
        model.addAttribute("versions", versions);
        return "organisation/fusionner";
    }

    @PostMapping("/{id}/fusionner")
    String fusionnerDans(@PathVariable long id, @RequestParam int version, @RequestParam long gardeeId,
                         @RequestParam int versionGardee, RedirectAttributes redirect) {
        try {
            FicheOrganisation gardee = annuaire.fusionner(id, version, gardeeId, versionGardee);
            redirect.addFlashAttribute("messageSucces", "Doublon fusionné dans « " + gardee.nom()
                    + " » : toutes ses références y ont été déplacées.");
            return "redirect:/organisations/" + gardee.id();
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/organisations/" + id + "/fusionner";
        }
    }

    /** Candidates as {@code <option>}s for a datalist fed by htmx as the user types (every signed-in user). */
    @GetMapping("/suggestions")
    String suggestions(@RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
                       @RequestParam(required = false) TypeOrganisation type, Model model) {
        model.addAttribute("candidats", annuaire.candidats(q != null ? q : organisation, type, 10));
        return "organisation/suggestions :: options";
    }

    private String action(long id, RedirectAttributes redirect, String succes, Runnable changement) {
        try {
            changement.run();
            redirect.addFlashAttribute("messageSucces", succes);
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/organisations/" + id;
    }

    private String formulaire(Model model, Long id) {
        model.addAttribute("id", id);
        model.addAttribute("types", TypeOrganisation.values());
        model.addAttribute("departements", territoires.departements());
        return "organisation/formulaire";
    }

    static Map<String, String> erreurs(ErreurValidation e) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        e.erreurs().forEach(x -> erreurs.merge(x.champ() == null ? "general" : x.champ(), x.message(), (a, b) -> a + " " + b));
        return erreurs;
    }
}
