package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * The edit form of a fiche's sub-actions (issue 10 item 2): one row per sub-action (label, porteur, months, weight,
 * position), three empty rows to add, « Retirer » to remove; rows are put in the order of their positions. Errors are
 * shown on their row. Organisations are linked through the API by the managers; the form keeps the links it finds.
 */
@Controller
class SousActionsController {

    static final int LIGNES_VIDES = 3;
    private static final Pattern ERREUR = Pattern.compile("sousActions\\[(\\d+)]\\.?(.*)");

    private final SousActionsService sousActions;
    private final PlanService plans;

    SousActionsController(SousActionsService sousActions, PlanService plans) {
        this.sousActions = sousActions;
        this.plans = plans;
    }

    /** A row of the form, as typed. */
    public record Ligne(String id, String position, String libelle, String porteur, String organisation, String debut, String fin,
                        String annees, String poids) {

        boolean vide() {
            return id.isBlank() && libelle.isBlank() && porteur.isBlank() && debut.isBlank() && fin.isBlank() && annees.isBlank();
        }
    }

    @GetMapping("/fiches/{id}/sous-actions")
    String formulaire(@PathVariable long id, Model model) {
        VueFiche vue = modifiable(id);
        List<Ligne> lignes = new ArrayList<>();
        int n = 0;
        for (SousAction s : sousActions.lues(id)) {
            n++;
            lignes.add(new Ligne(String.valueOf(s.id()), String.valueOf(n), s.libelle(), s.porteur() == null ? "" : s.porteur(),
                    s.porteurOrganisationId() == null ? "" : String.valueOf(s.porteurOrganisationId()),
                    s.debut() == null ? "" : s.debut().toString(), s.fin() == null ? "" : s.fin().toString(),
                    String.join(", ", s.annees().stream().map(String::valueOf).toList()), s.poids().stripTrailingZeros().toPlainString()));
        }
        return afficher(vue, lignes, vue.fiche().version(), Map.of(), model);
    }

    @PostMapping("/fiches/{id}/sous-actions")
    String enregistrer(@PathVariable long id, @RequestParam MultiValueMap<String, String> saisie, Model model, RedirectAttributes redirect) {
        VueFiche vue = modifiable(id);
        List<Ligne> lignes = lignes(saisie);
        int version;
        try {
            version = Integer.parseInt(val(saisie, "version").trim());
        } catch (NumberFormatException e) {
            throw new ErreurValidation("version", "Version de la fiche manquante : rechargez la page.");
        }
        Map<String, String> erreurs = new HashMap<>();
        try {
            sousActions.remplacerSeules(id, version, lire(lignes));
            redirect.addFlashAttribute("messageSucces", "Sous-actions enregistrées.");
            return "redirect:/fiches/" + id + "#sous-actions";
        } catch (ErreurValidation e) {
            for (ErreurValidation.Erreur x : e.erreurs()) {
                Matcher m = ERREUR.matcher(x.champ() == null ? "" : x.champ());
                String cle = m.matches() ? (m.group(2).isEmpty() ? "libelle" : m.group(2)) + "_" + m.group(1) : "sousActions";
                erreurs.merge(cle, x.message(), (a, b) -> a + " " + b);
            }
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return afficher(vue, lignes, version, erreurs, model);
    }

    private VueFiche modifiable(long id) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas modifier ses sous-actions.");
        }
        return vue;
    }

    private static String afficher(VueFiche vue, List<Ligne> lignes, int version, Map<String, String> erreurs, Model model) {
        List<Ligne> avecVides = new ArrayList<>(lignes);
        for (int i = 0; i < LIGNES_VIDES; i++) {
            avecVides.add(new Ligne("", String.valueOf(lignes.size() + i + 1), "", "", "", "", "", "", "1"));
        }
        model.addAttribute("vue", vue);
        model.addAttribute("lignes", avecVides);
        model.addAttribute("version", version);
        model.addAttribute("erreurs", erreurs);
        return "plan/sous-actions-fiche";
    }

    /** Rows typed (id_N, position_N, libelle_N…), blank and removed ones left out, in the order of their positions. */
    static List<Ligne> lignes(MultiValueMap<String, String> saisie) {
        List<Ligne> lignes = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < SousActionsService.MAX + LIGNES_VIDES; i++) {
            if (!saisie.containsKey("libelle_" + i)) {
                break;
            }
            if (saisie.containsKey("retirer_" + i)) {
                continue;
            }
            Ligne l = new Ligne(val(saisie, "id_" + i), val(saisie, "position_" + i), val(saisie, "libelle_" + i),
                    val(saisie, "porteur_" + i), val(saisie, "organisation_" + i), val(saisie, "debut_" + i), val(saisie, "fin_" + i),
                    val(saisie, "annees_" + i), val(saisie, "poids_" + i));
            if (!l.vide()) {
                double position;
                try {
                    position = Double.parseDouble(l.position().trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    position = i + 1;
                }
                lignes.add(l);
                positions.add(position + i / 10_000.0);
            }
        }
        List<Integer> ordre = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            ordre.add(i);
        }
        ordre.sort(Comparator.comparingDouble(positions::get));
        List<Ligne> triees = new ArrayList<>();
        for (int k = 0; k < ordre.size(); k++) {
            Ligne l = lignes.get(ordre.get(k));
            triees.add(new Ligne(l.id(), String.valueOf(k + 1), l.libelle(), l.porteur(), l.organisation(), l.debut(), l.fin(), l.annees(), l.poids()));
        }
        return triees;
    }

    private static List<SousAction> lire(List<Ligne> lignes) {
        List<SousAction> lues = new ArrayList<>();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            String p = "sousActions[" + i + "].";
            BigDecimal poids = null;
            if (!l.poids().isBlank()) {
                try {
                    poids = new BigDecimal(l.poids().trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    erreurs.add(new ErreurValidation.Erreur(p + "poids", "Sous-action " + (i + 1) + " : le poids est un nombre (1 par défaut)."));
                }
            }
            List<Integer> annees = new ArrayList<>();
            for (String a : l.annees().split("[,;\\s]+")) {
                if (!a.isBlank()) {
                    try {
                        annees.add(Integer.valueOf(a.trim()));
                    } catch (NumberFormatException e) {
                        erreurs.add(new ErreurValidation.Erreur(p + "annees", "Sous-action " + (i + 1) + " : « " + a.trim()
                                + " » n'est pas une année (écrivez par exemple 2026, 2027)."));
                        break;
                    }
                }
            }
            lues.add(new SousAction(nombre(l.id()), l.libelle(), nombre(l.organisation()), l.porteur().isBlank() ? null : l.porteur(),
                    DatesFiche.lire(p + "debut", l.debut(), erreurs), DatesFiche.lire(p + "fin", l.fin(), erreurs), annees, poids));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return lues;
    }

    private static Long nombre(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Long.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String val(MultiValueMap<String, String> saisie, String cle) {
        String v = saisie.getFirst(cle);
        return v == null ? "" : v;
    }
}
