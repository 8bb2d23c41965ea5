package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Journal;
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

@Controller
@RequestMapping("/conventions")
class ConventionController {

    private static final int TAILLE_PAGE = 20;

    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final Journal journal;

    ConventionController(ConventionService conventions, OrganisationService organisations,
                         Journal journal) {
        this.conventions = conventions;
        this.organisations = organisations;
        this.journal = journal;
    }

    @GetMapping
    String liste(@RequestParam(required = false) Long caf, @RequestParam(required = false) String departement,
                 @RequestParam(required = false) StatutConvention statut, @RequestParam(required = false) Integer annee,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String tri,
                 @RequestParam(defaultValue = "1") int page, Model model) {
        FiltreConventions filtre = new FiltreConventions(caf, departement, statut, annee, q, tri);
        model.addAttribute("filtre", filtre);
        model.addAttribute("resultats", conventions.rechercher(filtre, page, TAILLE_PAGE));
        model.addAttribute("cafs", conventions.cafsVisibles());
        model.addAttribute("departements", conventions.departementsVisibles());
        model.addAttribute("statuts", StatutConvention.values());
        model.addAttribute("peutCreer", peutCreer());
        return "convention/liste";
    }

    @GetMapping("/nouvelle")
    String nouvelle(Model model) {
        if (!peutCreer()) {
            throw new AccesRefuse("Seuls les agents Caf et les administrateurs créent des conventions.");
        }
        model.addAttribute("form", new NouvelleConvention(null, null, null, null, null, null));
        return formulaireCreation(model);
    }

    @PostMapping
    String creer(@ModelAttribute("form") NouvelleConvention form, Model model, RedirectAttributes redirect) {
        try {
            Convention convention = conventions.creer(form);
            redirect.addFlashAttribute("messageSucces", "Convention créée avec " + convention.communes().size()
                    + " communes du territoire.");
            return "redirect:/conventions/" + convention.id();
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", ErreursDeChamps.de(e));
            return formulaireCreation(model);
        }
    }

    @GetMapping("/{id}")
    String vue(@PathVariable long id, Model model) {
        model.addAttribute("vue", conventions.vue(id));
        model.addAttribute("roles", RolePartie.values());
        return "convention/vue";
    }

    /** Issue 15, « read, then edit »: the convention page reads the parties and the territory; they are edited here. */
    @GetMapping("/{id}/parties")
    String parties(@PathVariable long id, Model model) {
        VueConvention vue = conventions.vue(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas la modifier.");
        }
        model.addAttribute("vue", vue);
        model.addAttribute("roles", RolePartie.values());
        return "convention/parties";
    }

    @GetMapping("/{id}/modifier")
    String modifier(@PathVariable long id, Model model) {
        VueConvention vue = conventions.vue(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas la modifier.");
        }
        model.addAttribute("form", FormulaireInformations.depuis(vue.convention()));
        model.addAttribute("vue", vue);
        model.addAttribute("reconductions", Reconduction.values());
        return "convention/modifier";
    }

    @PostMapping("/{id}/modifier")
    String enregistrer(@PathVariable long id, @ModelAttribute("form") FormulaireInformations form, Model model,
                       RedirectAttributes redirect) {
        try {
            conventions.modifierInformations(id, form.version(), form.informations());
            redirect.addFlashAttribute("messageSucces", "Informations enregistrées.");
            return "redirect:/conventions/" + id;
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", ErreursDeChamps.de(e));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaireModification(id, model);
    }

    @PostMapping("/{id}/statut")
    String statut(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) StatutConvention statut,
                  @RequestParam(required = false) String commentaire, RedirectAttributes redirect) {
        return action(id, redirect, "Statut mis à jour.", () -> conventions.changerStatut(id, version, statut, commentaire));
    }

    @PostMapping("/{id}/parties")
    String ajouterPartie(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long organisationId,
                         @RequestParam(required = false) String commune, @RequestParam(required = false) String departement,
                         @RequestParam(required = false) String organisation, @RequestParam(required = false) String nomImprime,
                         @RequestParam(required = false) RolePartie role, RedirectAttributes redirect) {
        try {
            String note = organisationId == null && organisation == null ? conventions.noteDeCommune(commune, departement) : null;
            return edition(id, redirect, note == null ? "Partie ajoutée." : "Partie ajoutée. " + note, () -> organisationId != null
                    ? conventions.ajouterPartie(id, version, organisationId, role, nomImprime)
                    : organisation != null ? conventions.ajouterPartieNommee(id, version, organisation, nomImprime, role)
                    : conventions.ajouterCommunePartie(id, version, commune, departement, role));
        } finally {
            // Communes proposed for an unknown commune are named in the message; the list below is for organisations.
            if (redirect.getFlashAttributes().remove("erreurAvecCandidats") instanceof ErreurAvecCandidats e && organisationId == null
                    && organisation != null) {
                // The candidates are listed on the page, each with a button adding it with the printed name typed.
                redirect.addFlashAttribute("candidatsPartie", e.candidats());
                redirect.addFlashAttribute("nomImprimePartie", nomImprime == null || nomImprime.isBlank() ? organisation : nomImprime);
                redirect.addFlashAttribute("rolePartieChoisi", role);
            }
        }
    }

    @PostMapping("/{id}/parties/{organisationId}/retirer")
    String retirerPartie(@PathVariable long id, @PathVariable long organisationId, @RequestParam int version,
                         RedirectAttributes redirect) {
        return edition(id, redirect, "Partie retirée.", () -> conventions.retirerPartie(id, version, organisationId));
    }

    @PostMapping("/{id}/representants")
    String ajouterRepresentant(@PathVariable long id, @RequestParam int version, @RequestParam long organisationId,
                               @RequestParam(required = false) Long mandatId, @RequestParam(required = false) Long personneId,
                               @RequestParam(defaultValue = "false") boolean nouvellePersonneConfirmee,
                               @ModelAttribute NouveauRepresentant nouveau, RedirectAttributes redirect) {
        String vue = edition(id, redirect, "Représentant ajouté.", () -> mandatId != null
                ? conventions.ajouterRepresentant(id, version, organisationId, mandatId)
                : conventions.ajouterNouveauRepresentant(id, version, organisationId, nouveau, personneId, nouvellePersonneConfirmee));
        if (redirect.getFlashAttributes().remove("erreurAvecCandidats") instanceof ErreurAvecCandidats e) {
            // Someone close already exists: the page offers to reuse them or to confirm a new person.
            redirect.addFlashAttribute("doublonsRepresentant", e.candidats());
            redirect.addFlashAttribute("representantSaisi", nouveau);
            redirect.addFlashAttribute("representantOrganisation", organisationId);
        }
        return vue;
    }

    @PostMapping("/{id}/representants/{mandatId}/retirer")
    String retirerRepresentant(@PathVariable long id, @PathVariable long mandatId, @RequestParam int version,
                               RedirectAttributes redirect) {
        return edition(id, redirect, "Représentant retiré.", () -> conventions.retirerRepresentant(id, version, mandatId));
    }

    @PostMapping("/{id}/deliberations")
    String ajouterDeliberation(@PathVariable long id, @RequestParam int version, @RequestParam long organisationId,
                               @RequestParam(required = false) String instance,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @RequestParam(required = false) String dateTexte, @RequestParam(required = false) String reference,
                               RedirectAttributes redirect) {
        return edition(id, redirect, "Délibération ajoutée.", () -> conventions.ajouterDeliberation(id, version,
                new Deliberation(organisationId, instance == null ? null : instance.trim(), date,
                        date != null || dateTexte == null || dateTexte.isBlank() ? null : dateTexte.trim(),
                        reference == null || reference.isBlank() ? null : reference.trim())));
    }

    @PostMapping("/{id}/deliberations/{index}/retirer")
    String retirerDeliberation(@PathVariable long id, @PathVariable int index, @RequestParam int version,
                               RedirectAttributes redirect) {
        return edition(id, redirect, "Délibération retirée.", () -> conventions.retirerDeliberation(id, version, index));
    }

    @PostMapping("/{id}/communes")
    String ajouterCommune(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String commune,
                          @RequestParam(required = false) String departement, RedirectAttributes redirect) {
        String note = conventions.noteDeCommune(commune, departement);
        String vue = edition(id, redirect, note == null ? "Commune ajoutée au territoire." : "Commune ajoutée au territoire. " + note,
                () -> conventions.ajouterCommune(id, version, commune, departement));
        redirect.getFlashAttributes().remove("erreurAvecCandidats"); // the closest communes are named in the message
        return vue;
    }

    @PostMapping("/{id}/communes/{codeInsee}/retirer")
    String retirerCommune(@PathVariable long id, @PathVariable String codeInsee, @RequestParam int version,
                          RedirectAttributes redirect) {
        return edition(id, redirect, "Commune retirée du territoire.", () -> conventions.retirerCommune(id, version, codeInsee));
    }

    @GetMapping("/{id}/journal")
    String journal(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        Convention convention = conventions.convention(id);
        int taille = 50;
        int numero = PageDeResultats.borner(page);
        model.addAttribute("convention", convention);
        model.addAttribute("entrees", journal.pourConvention(id, taille, (numero - 1) * taille));
        model.addAttribute("resultats", new PageDeResultats<>(List.of(), journal.nombrePourConvention(id), numero, taille));
        return "convention/journal";
    }

    /** Runs a change of the parties, deliberations or communes; the answer comes back on their edit page. */
    private String edition(long id, RedirectAttributes redirect, String succes, Supplier<Convention> changement) {
        action(id, redirect, succes, changement);
        return "redirect:/conventions/" + id + "/parties";
    }

    /** Runs a change made from the overview page; errors come back there as a message naming the field. */
    private String action(long id, RedirectAttributes redirect, String succes, Supplier<Convention> changement) {
        try {
            changement.get();
            redirect.addFlashAttribute("messageSucces", succes);
        } catch (ErreurAvecCandidats e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            redirect.addFlashAttribute("erreurAvecCandidats", e);
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id;
    }

    private String formulaireCreation(Model model) {
        model.addAttribute("cafs", organisations.cafs().stream().filter(c -> UtilisateurConnecte.courant().estAdmin()
                || c.id() == (UtilisateurConnecte.courant().organisationId() == null ? -1 : UtilisateurConnecte.courant().organisationId()))
                .toList());
        return "convention/nouvelle";
    }

    private String formulaireModification(long id, Model model) {
        model.addAttribute("vue", conventions.vue(id));
        model.addAttribute("reconductions", Reconduction.values());
        return "convention/modifier";
    }

    private static boolean peutCreer() {
        var role = UtilisateurConnecte.courant().role();
        return role == Role.ADMIN || role == Role.AGENT_CAF;
    }

    /**
     * Form fields of the general-information form; visas are one per line. The checkbox is a
     * {@code Boolean}: an unchecked box sends nothing, which a primitive cannot bind (HTTP 400).
     */
    record FormulaireInformations(int version, String titre,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateDebut,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFin, Integer dureeAnnees,
                                  String lieuSignature,
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateSignature,
                                  Integer nombreOriginaux, String visas, Boolean tientLieuSchemaAo,
                                  String periodeLibelle, Reconduction reconduction, String nombreOriginauxTexte) {

        static FormulaireInformations depuis(Convention c) {
            return new FormulaireInformations(c.version(), c.titre(), c.periode().dateDebut(), c.periode().dateFin(),
                    c.periode().dureeAnnees(), c.signature().lieu(), c.signature().date(), c.signature().nombreOriginaux(),
                    String.join("\n", c.visas().stream().map(Visa::texte).toList()), c.tientLieuSchemaAo(),
                    c.periode().libelleImprime(), c.periode().reconduction(), c.signature().nombreOriginauxTexte());
        }

        InformationsConvention informations() {
            return new InformationsConvention(titre, dateDebut, dateFin, dureeAnnees, lieuSignature, dateSignature,
                    nombreOriginaux, visas == null ? List.of() : Arrays.asList(visas.split("\\R")), Boolean.TRUE.equals(tientLieuSchemaAo),
                    periodeLibelle, reconduction, nombreOriginauxTexte);
        }
    }
}
