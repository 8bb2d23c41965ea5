package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.ErreurValidation.Erreur;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The edit page of a convention's chargés de coopération: one row per person (employer, total ETP, split by thématique
 * written one "thématique : ETP" per line, period, Caf funding, fiche), blank rows to add, a box to remove a row.
 */
@Controller
class ChargesCooperationController {

    static final int LIGNES_VIDES = 2;

    private final GouvernanceService gouvernance;

    ChargesCooperationController(GouvernanceService gouvernance) {
        this.gouvernance = gouvernance;
    }

    @GetMapping("/conventions/{id}/gouvernance/charges-cooperation")
    String formulaire(@PathVariable long id, Model model) {
        Gouvernance g = modifiable(id);
        List<Ligne> lignes = new ArrayList<>();
        for (int i = 0; i < g.charges().size(); i++) {
            lignes.add(Ligne.de(i, g.charges().get(i), g));
        }
        return page(model, g, g.version(), lignes);
    }

    @PostMapping("/conventions/{id}/gouvernance/charges-cooperation")
    String enregistrer(@PathVariable long id, @RequestParam(required = false) Integer version,
                       @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        Gouvernance g = modifiable(id);
        List<Ligne> lignes = lire(champs);
        List<Ligne> gardees = lignes.stream().filter(l -> !l.supprimer()).toList();
        Map<String, String> erreurs = new LinkedHashMap<>();
        try {
            List<SaisieChargeCooperation> saisies = new ArrayList<>();
            List<Erreur> lecture = new ArrayList<>();
            for (Ligne l : gardees) {
                saisies.add(l.saisie(lecture));
            }
            if (!lecture.isEmpty()) {
                throw new ErreurValidation(lecture);
            }
            gouvernance.modifierCharges(id, version, saisies);
            redirect.addFlashAttribute("messageSucces", "Chargés de coopération enregistrés.");
            return "redirect:/conventions/" + id + "/gouvernance#titre-charges";
        } catch (ErreurValidation e) {
            e.erreurs().forEach(x -> erreurs.merge(champDuFormulaire(x.champ(), gardees), x.message(), (a, b) -> a + " " + b));
            model.addAttribute("erreurs", erreurs);
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return page(model, g, version == null ? 0 : version, lignes);
    }

    private Gouvernance modifiable(long id) {
        Gouvernance g = gouvernance.gouvernance(id);
        if (!g.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter la gouvernance de cette convention mais pas la modifier.");
        }
        return g;
    }

    private static String page(Model model, Gouvernance g, int version, List<Ligne> lignes) {
        List<Ligne> toutes = new ArrayList<>(lignes);
        int suivant = lignes.stream().mapToInt(Ligne::index).max().orElse(-1) + 1;
        for (int k = 0; k < LIGNES_VIDES; k++) {
            toutes.add(new Ligne(suivant + k, "", "", "", "", "", "", "", "", "", false));
        }
        model.addAttribute("gouvernance", g);
        model.addAttribute("version", version);
        model.addAttribute("lignes", toutes);
        model.addAttribute("organisations", g.noms());
        return "gouvernance/charges";
    }

    static List<Ligne> lire(MultiValueMap<String, String> champs) {
        List<Ligne> lignes = new ArrayList<>();
        for (int i = 0; i <= GouvernanceService.CHARGES_MAX + LIGNES_VIDES; i++) {
            String p = "chargesCooperation[" + i + "].";
            if (!champs.containsKey(p + "personne") && !champs.containsKey(p + "employeurId")) {
                continue;
            }
            Ligne l = new Ligne(i, v(champs, p + "personne"), v(champs, p + "employeurId"), v(champs, p + "employeur"),
                    v(champs, p + "etp"), v(champs, p + "repartition"), v(champs, p + "dateDebut"), v(champs, p + "dateFin"),
                    v(champs, p + "financementCaf"), v(champs, p + "fiche"), champs.containsKey(p + "supprimer"));
            if (!l.vide()) {
                lignes.add(l);
            }
        }
        return lignes;
    }

    /** {@code chargesCooperation[k].x} (k among the kept rows) → the same field of the row's index in the form. */
    static String champDuFormulaire(String champ, List<Ligne> gardees) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^chargesCooperation\\[(\\d+)]((?:\\.[a-zA-Z]+)?)").matcher(champ);
        if (m.find()) {
            int k = Integer.parseInt(m.group(1));
            if (k < gardees.size()) {
                // a part of the split is shown in the one "repartition" box
                String suite = m.group(2).isEmpty() ? "" : m.group(2);
                return "chargesCooperation[" + gardees.get(k).index() + "]" + suite;
            }
        }
        return champ;
    }

    private static String v(MultiValueMap<String, String> champs, String nom) {
        String v = champs.getFirst(nom);
        return v == null ? "" : v;
    }

    /** One row of the form, as typed. */
    record Ligne(int index, String personne, String employeurId, String employeur, String etp, String repartition,
                 String dateDebut, String dateFin, String financementCaf, String fiche, boolean supprimer) {

        public boolean vide() {
            return personne.isBlank() && employeurId.isBlank() && employeur.isBlank() && etp.isBlank() && repartition.isBlank()
                    && dateDebut.isBlank() && dateFin.isBlank() && financementCaf.isBlank() && fiche.isBlank();
        }

        static Ligne de(int index, ChargeCooperation c, Gouvernance g) {
            StringBuilder parts = new StringBuilder();
            c.repartition().forEach(p -> parts.append(parts.isEmpty() ? "" : "\n").append(p.thematique()).append(" : ")
                    .append(g.etp(p.etp())));
            return new Ligne(index, c.personne(), String.valueOf(c.employeurId()), "", g.etp(c.etp()), parts.toString(),
                    c.dateDebut() == null ? "" : c.dateDebut().toString(), c.dateFin() == null ? "" : c.dateFin().toString(),
                    c.financementCaf() == null ? "" : c.financementCaf(), c.fiche() == null ? "" : c.fiche(), false);
        }

        /** What the service validates; what cannot be read (a number, a date, a split line) is added to {@code erreurs}. */
        SaisieChargeCooperation saisie(List<Erreur> erreurs) {
            String p = "chargesCooperation[" + index + "].";
            String n = "Chargé de coopération « " + (personne.isBlank() ? index + 1 : fr.pilotectg.shared.Saisie.tronquer(personne.strip())) + " » : ";
            Long idEmployeur = null;
            if (employeur.isBlank() && !employeurId.isBlank()) {
                try {
                    idEmployeur = Long.valueOf(employeurId.strip());
                } catch (NumberFormatException e) {
                    erreurs.add(new Erreur(p + "employeur", n + "choisissez l'employeur dans la liste."));
                }
            }
            BigDecimal total = nombre(etp, p + "etp", n + "l'ETP total", erreurs);
            List<PartEtp> parts = new ArrayList<>();
            String[] lignes = repartition.split("\\R");
            for (String ligne : lignes) {
                if (ligne.isBlank()) {
                    continue;
                }
                int deuxPoints = ligne.lastIndexOf(':');
                if (deuxPoints <= 0) {
                    erreurs.add(new Erreur(p + "repartition", n + "écrivez la répartition une thématique par ligne, sous la "
                            + "forme « Petite enfance : 0,25 » (ligne « " + fr.pilotectg.shared.Saisie.tronquer(ligne.strip()) + " »)."));
                    continue;
                }
                BigDecimal part = nombre(ligne.substring(deuxPoints + 1), p + "repartition",
                        n + "l'ETP de « " + fr.pilotectg.shared.Saisie.tronquer(ligne.substring(0, deuxPoints).strip()) + " »", erreurs);
                parts.add(new PartEtp(ligne.substring(0, deuxPoints).strip(), part));
            }
            return new SaisieChargeCooperation(personne, idEmployeur, employeur.isBlank() ? null : employeur, total, parts,
                    date(dateDebut, p + "dateDebut", n + "le début", erreurs), date(dateFin, p + "dateFin", n + "la fin", erreurs),
                    financementCaf, fiche);
        }

        private static BigDecimal nombre(String texte, String champ, String libelle, List<Erreur> erreurs) {
            if (texte.isBlank()) {
                return null;
            }
            try {
                String t = texte.strip().replace(',', '.').replace(" ", "");
                if (t.length() > 12) {
                    throw new NumberFormatException();
                }
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                erreurs.add(new Erreur(champ, libelle + " doit être un nombre, par exemple 0,75."));
                return null;
            }
        }

        private static LocalDate date(String texte, String champ, String libelle, List<Erreur> erreurs) {
            if (texte.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(texte.strip());
            } catch (DateTimeParseException e) {
                erreurs.add(new Erreur(champ, libelle + " n'est pas une date valide (AAAA-MM-JJ)."));
                return null;
            }
        }
    }
}
