package fr.pilotectg.gouvernance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.TypeService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The governance page of a convention, and the edit page of one body. */
@Controller
class GouvernanceController {

    /** Blank member rows offered at the end of the form. */
    static final int LIGNES_VIDES = 3;

    private final GouvernanceService gouvernance;
    private final OffreService offre;
    private final ReunionsService reunions;
    private final java.time.Clock horloge;

    GouvernanceController(GouvernanceService gouvernance, OffreService offre, ReunionsService reunions, java.time.Clock horloge) {
        this.gouvernance = gouvernance;
        this.offre = offre;
        this.reunions = reunions;
        this.horloge = horloge;
    }

    /** The calendar file of one meeting (empty of events when its date is incomplete). */
    @GetMapping("/conventions/{id}/gouvernance/reunions/{reunionId}/calendrier.ics")
    org.springframework.http.ResponseEntity<byte[]> calendrierReunion(@PathVariable long id, @PathVariable long reunionId) {
        Reunion reunion = reunions.reunion(id, reunionId);
        return ics(Calendrier.ics(List.of(reunion), gouvernance.gouvernance(id).conventionTitre()), "reunion-" + reunionId + ".ics");
    }

    /** The calendar file of a body's planned meetings: those of today or later. */
    @GetMapping("/conventions/{id}/gouvernance/instances/{rang}/calendrier.ics")
    org.springframework.http.ResponseEntity<byte[]> calendrierInstance(@PathVariable long id, @PathVariable int rang) {
        Gouvernance g = gouvernance.gouvernance(id);
        if (rang < 1 || rang > g.instances().size()) {
            throw new fr.pilotectg.shared.Introuvable("Il n'y a pas d'instance n° " + rang + " dans cette convention.");
        }
        java.util.UUID cle = g.instances().get(rang - 1).cle();
        java.time.LocalDate aujourdhui = java.time.LocalDate.now(horloge);
        List<Reunion> prevues = g.reunions().stream()
                .filter(r -> cle.equals(r.instanceCle()) && r.date() != null && !r.date().isBefore(aujourdhui))
                .sorted(java.util.Comparator.comparing(Reunion::date)).toList();
        return ics(Calendrier.ics(prevues, g.conventionTitre()), "instance-" + rang + ".ics");
    }

    private static org.springframework.http.ResponseEntity<byte[]> ics(String contenu, String fichier) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fichier + "\"")
                .body(contenu.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/conventions/{id}/gouvernance")
    String gouvernance(@PathVariable long id, Model model) {
        model.addAttribute("gouvernance", gouvernance.gouvernance(id));
        // The services annex's "chargé de coopération" rows: how the Caf funds these posts.
        model.addAttribute("servicesCooperation", offre.services(id).stream()
                .filter(s -> s.type() == TypeService.CHARGE_COOPERATION).toList());
        return "gouvernance/gouvernance";
    }

    @GetMapping("/conventions/{id}/gouvernance/instances/nouvelle")
    String nouvelle(@PathVariable long id, Model model) {
        Gouvernance g = modifiable(id);
        return formulaire(model, g, null, g.version(), FormulaireInstance.vide());
    }

    @GetMapping("/conventions/{id}/gouvernance/instances/{rang}")
    String instance(@PathVariable long id, @PathVariable int rang, Model model) {
        Gouvernance g = modifiable(id);
        if (rang < 1 || rang > g.instances().size()) {
            return "redirect:/conventions/" + id + "/gouvernance";
        }
        return formulaire(model, g, rang, g.version(), FormulaireInstance.de(g.instances().get(rang - 1), g));
    }

    @PostMapping("/conventions/{id}/gouvernance/instances/nouvelle")
    String ajouter(@PathVariable long id, @RequestParam(required = false) Integer version,
                   @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        return enregistrer(id, null, version, champs, model, redirect);
    }

    @PostMapping("/conventions/{id}/gouvernance/instances/{rang}")
    String modifier(@PathVariable long id, @PathVariable int rang, @RequestParam(required = false) Integer version,
                    @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        return enregistrer(id, rang, version, champs, model, redirect);
    }

    @PostMapping("/conventions/{id}/gouvernance/instances/{rang}/suppression")
    String supprimer(@PathVariable long id, @PathVariable int rang, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        try {
            gouvernance.supprimerInstance(id, version, rang);
            redirect.addFlashAttribute("messageSucces", "Instance supprimée.");
        } catch (ConflitDeModification | ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e instanceof ErreurValidation v
                    ? v.erreurs().get(0).message() : e.getMessage());
        }
        return "redirect:/conventions/" + id + "/gouvernance";
    }

    private String enregistrer(long id, Integer rang, Integer version, MultiValueMap<String, String> champs, Model model,
                               RedirectAttributes redirect) {
        FormulaireInstance formulaire = FormulaireInstance.lire(champs);
        try {
            gouvernance.modifierInstance(id, version, rang, formulaire.saisie());
            redirect.addFlashAttribute("messageSucces", "Instance « " + formulaire.nom().strip() + " » enregistrée.");
            return "redirect:/conventions/" + id + "/gouvernance";
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(x -> erreurs.merge(formulaire.champDuFormulaire(x.champ()), x.message(), (a, b) -> a + " " + b));
            model.addAttribute("erreurs", erreurs);
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaire(model, gouvernance.gouvernance(id), rang, version == null ? 0 : version, formulaire);
    }

    private Gouvernance modifiable(long id) {
        Gouvernance g = gouvernance.gouvernance(id);
        if (!g.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter la gouvernance de cette convention mais pas la modifier.");
        }
        return g;
    }

    private String formulaire(Model model, Gouvernance g, Integer rang, int version, FormulaireInstance formulaire) {
        model.addAttribute("gouvernance", g);
        model.addAttribute("rang", rang);
        model.addAttribute("version", version);
        model.addAttribute("formulaire", formulaire.avecLignesVides());
        model.addAttribute("types", TypeInstance.values());
        model.addAttribute("organisations", g.noms());
        return "gouvernance/instance";
    }

    /** The edit form of a body; members as rows {@code membres[j].…}, missions and thématiques one per line. */
    record FormulaireInstance(String type, String nom, String frequence, String reunionsParAn, String missions,
                              String thematiques, List<LigneMembre> membres) {

        record LigneMembre(int index, String organisationId, String organisation, String personne, String fonction,
                           String role, boolean copresident, boolean secretariat, boolean supprimer) {

            public boolean vide() {
                return organisationId.isBlank() && organisation.isBlank() && personne.isBlank() && fonction.isBlank();
            }
        }

        static FormulaireInstance vide() {
            return new FormulaireInstance("COPIL", "", "", "", "", "", List.of());
        }

        static FormulaireInstance de(Instance instance, Gouvernance g) {
            List<LigneMembre> membres = new ArrayList<>();
            for (int j = 0; j < instance.membres().size(); j++) {
                Membre m = instance.membres().get(j);
                membres.add(new LigneMembre(j, String.valueOf(m.organisationId()), "", nul(m.personne()), nul(m.fonction()),
                        m.role(), m.copresident(), m.secretariat(), false));
            }
            return new FormulaireInstance(instance.type().name(), instance.nom(), nul(instance.frequence()),
                    instance.reunionsParAn() == null ? "" : String.valueOf(instance.reunionsParAn()),
                    String.join("\n", instance.missions()), String.join("\n", instance.thematiques()), membres);
        }

        FormulaireInstance avecLignesVides() {
            List<LigneMembre> lignes = new ArrayList<>(membres);
            int suivant = membres.stream().mapToInt(LigneMembre::index).max().orElse(-1) + 1;
            for (int k = 0; k < LIGNES_VIDES; k++) {
                lignes.add(new LigneMembre(suivant + k, "", "", "", "", "DELIBERATIF", false, false, false));
            }
            return new FormulaireInstance(type, nom, frequence, reunionsParAn, missions, thematiques, lignes);
        }

        static FormulaireInstance lire(MultiValueMap<String, String> champs) {
            List<LigneMembre> membres = new ArrayList<>();
            for (int j = 0; j <= GouvernanceService.MEMBRES_MAX + LIGNES_VIDES; j++) {
                String p = "membres[" + j + "].";
                if (!champs.containsKey(p + "organisationId") && !champs.containsKey(p + "organisation")) {
                    continue;
                }
                LigneMembre ligne = new LigneMembre(j, valeur(champs, p + "organisationId"), valeur(champs, p + "organisation"),
                        valeur(champs, p + "personne"), valeur(champs, p + "fonction"), valeur(champs, p + "role"),
                        champs.containsKey(p + "copresident"), champs.containsKey(p + "secretariat"),
                        champs.containsKey(p + "supprimer"));
                if (!ligne.vide()) {
                    membres.add(ligne);
                }
            }
            return new FormulaireInstance(valeur(champs, "type"), valeur(champs, "nom"), valeur(champs, "frequence"),
                    valeur(champs, "reunionsParAn"), valeur(champs, "missions"), valeur(champs, "thematiques"), membres);
        }

        /** What the service validates; a member row's field names map back to the form's through their index. */
        SaisieInstance saisie() {
            Integer reunions = null;
            if (!reunionsParAn.isBlank()) {
                try {
                    reunions = Integer.valueOf(reunionsParAn.strip());
                } catch (NumberFormatException e) {
                    throw new ErreurValidation("reunionsParAn", "Le nombre de réunions par an doit être un nombre entier "
                            + "(par exemple 1 pour « une fois par an »).");
                }
            }
            List<SaisieMembre> saisies = new ArrayList<>();
            for (LigneMembre m : gardes()) {
                Long organisationId = null;
                if (m.organisation().isBlank() && !m.organisationId().isBlank()) {
                    try {
                        organisationId = Long.valueOf(m.organisationId().strip());
                    } catch (NumberFormatException e) {
                        throw new ErreurValidation("membres[" + m.index() + "].organisation", "Choisissez une organisation de la liste.");
                    }
                }
                saisies.add(new SaisieMembre(organisationId, m.organisation().isBlank() ? null : m.organisation(),
                        m.personne(), m.fonction(), m.role(), m.copresident(), m.secretariat()));
            }
            return new SaisieInstance(type, nom, frequence, reunions, lignes(missions), lignes(thematiques), saisies);
        }

        List<LigneMembre> gardes() {
            return membres.stream().filter(m -> !m.supprimer()).toList();
        }

        /** {@code instances[0].membres[k].x} (k among the kept rows) → {@code membres[index].x}, the row's name in the form. */
        String champDuFormulaire(String champ) {
            String sansInstance = champ.replaceFirst("^instances\\[0]\\.", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^membres\\[(\\d+)]").matcher(sansInstance);
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                List<LigneMembre> gardes = gardes();
                if (k < gardes.size()) {
                    return "membres[" + gardes.get(k).index() + "]" + sansInstance.substring(m.end());
                }
            }
            return sansInstance;
        }

        private static List<String> lignes(String texte) {
            return Arrays.stream(texte.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static String valeur(MultiValueMap<String, String> champs, String nom) {
            String v = champs.getFirst(nom);
            return v == null ? "" : v;
        }

        private static String nul(String texte) {
            return texte == null ? "" : texte;
        }
    }
}
