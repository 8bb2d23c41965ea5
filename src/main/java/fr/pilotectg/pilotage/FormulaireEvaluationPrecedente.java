package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.pilotectg.pilotage.EvaluationPrecedente.AxeRappele;
import fr.pilotectg.pilotage.EvaluationPrecedente.BilanThematique;
import fr.pilotectg.pilotage.EvaluationPrecedente.Etp;
import fr.pilotectg.pilotage.EvaluationPrecedente.Impact;
import fr.pilotectg.pilotage.EvaluationPrecedente.Pilotage;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;

/**
 * The edit form of the evaluation of the previous CTG as typed: field name → text ({@code axes[0].titre},
 * {@code impact.reponseBesoinsSpecifiques}…), lists one item per line, one empty block more to add an axis, a
 * thématique or a post. Read back into an {@link EvaluationPrecedente}, every field checked at once.
 */
public record FormulaireEvaluationPrecedente(Map<String, String> valeurs, int nombreAxes, int nombreRealisations, int nombreEtp) {

    static final List<String> IMPACT = List.of("informationFamillesAccessibilite", "developpementOffreMaillage",
            "reponseBesoinsSpecifiques", "qualiteOffreInvestissementSocial");
    static final List<String> PILOTAGE = List.of("gouvernance", "diagnostics", "aideALaDecision", "coordination", "valorisation",
            "concertation", "ecueils");
    static final List<String> IMPACT_LIBELLES = List.of("Information des familles et accessibilité",
            "Développement de l'offre et maillage territorial", "Réponse aux besoins spécifiques",
            "Qualité de l'offre et investissement social");
    static final List<String> PILOTAGE_LIBELLES = List.of("Gouvernance", "Diagnostics", "Aide à la décision", "Coordination",
            "Valorisation", "Concertation", "Écueils et pistes");
    private static final int BLOCS_MAX = 200;
    private static final Pattern LIGNES = Pattern.compile("\\R");

    /** For the page: the fields of the impact, then of the steering, with their labels. */
    public Map<String, String> champsImpact() {
        return libelles("impact.", IMPACT, IMPACT_LIBELLES);
    }

    public Map<String, String> champsPilotage() {
        return libelles("pilotage.", PILOTAGE, PILOTAGE_LIBELLES);
    }

    private static Map<String, String> libelles(String prefixe, List<String> champs, List<String> libelles) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < champs.size(); i++) {
            m.put(prefixe + champs.get(i), libelles.get(i));
        }
        return m;
    }

    public String valeur(String champ) {
        return valeurs.getOrDefault(champ, "");
    }

    static FormulaireEvaluationPrecedente depuis(EvaluationPrecedente e) {
        Map<String, String> v = new LinkedHashMap<>();
        if (e != null) {
            for (int i = 0; i < e.axes().size(); i++) {
                AxeRappele a = e.axes().get(i);
                v.put("axes[" + i + "].numero", a.numero() == null ? "" : a.numero().toString());
                v.put("axes[" + i + "].titre", a.titre());
                v.put("axes[" + i + "].objectifs", String.join("\n", a.objectifs()));
            }
            for (int i = 0; i < e.realisations().size(); i++) {
                BilanThematique r = e.realisations().get(i);
                v.put("realisations[" + i + "].thematique", r.thematique());
                v.put("realisations[" + i + "].actionsRealisees", String.join("\n", r.actionsRealisees()));
                v.put("realisations[" + i + "].actionsAConsolider", String.join("\n", r.actionsAConsolider()));
            }
            Impact impact = e.impact();
            List<String> textes = Arrays.asList(impact.informationFamillesAccessibilite(), impact.developpementOffreMaillage(),
                    impact.reponseBesoinsSpecifiques(), impact.qualiteOffreInvestissementSocial());
            for (int i = 0; i < IMPACT.size(); i++) {
                v.put("impact." + IMPACT.get(i), textes.get(i) == null ? "" : textes.get(i));
            }
            v.put("perspectives", String.join("\n", e.perspectives()));
            Pilotage p = e.pilotage();
            for (int i = 0; i < p.etpChargesCooperation().size(); i++) {
                Etp etp = p.etpChargesCooperation().get(i);
                v.put("etp[" + i + "].employeur", etp.employeur() == null ? "" : etp.employeur());
                v.put("etp[" + i + "].etp", etp.etp() == null ? "" : etp.etp().stripTrailingZeros().toPlainString().replace('.', ','));
                v.put("etp[" + i + "].repartition", etp.repartition() == null ? "" : etp.repartition());
            }
            List<String> pilotage = Arrays.asList(p.gouvernance(), p.diagnostics(), p.aideALaDecision(), p.coordination(),
                    p.valorisation(), p.concertation(), p.ecueils());
            for (int i = 0; i < PILOTAGE.size(); i++) {
                v.put("pilotage." + PILOTAGE.get(i), pilotage.get(i) == null ? "" : pilotage.get(i));
            }
        }
        return avecBlocsVides(v);
    }

    /** The form as posted, its blocks counted from the fields present. */
    static FormulaireEvaluationPrecedente saisi(Map<String, String> parametres) {
        Map<String, String> v = new LinkedHashMap<>();
        parametres.forEach((cle, valeur) -> {
            if (!cle.equals("_csrf") && !cle.equals("version")) {
                v.put(cle, valeur == null ? "" : valeur);
            }
        });
        return avecBlocsVides(v);
    }

    private static FormulaireEvaluationPrecedente avecBlocsVides(Map<String, String> v) {
        return new FormulaireEvaluationPrecedente(v, blocs(v, "axes", "titre") + 1, blocs(v, "realisations", "thematique") + 1,
                blocs(v, "etp", "employeur") + 1);
    }

    /** How many blocks the form has: the last index present, plus one. */
    private static int blocs(Map<String, String> v, String liste, String champ) {
        int n = 0;
        for (int i = 0; i < BLOCS_MAX; i++) {
            if (v.containsKey(liste + "[" + i + "]." + champ)) {
                n = i + 1;
            }
        }
        return n;
    }

    /** The evaluation typed, empty blocks left out; every refused field named in French. */
    EvaluationPrecedente lire() {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<AxeRappele> axes = new ArrayList<>();
        for (int i = 0; i < nombreAxes; i++) {
            String p = "axes[" + i + "].";
            if (vide(p + "numero", p + "titre", p + "objectifs")) {
                continue;
            }
            String libelle = "Axe rappelé n° " + (i + 1);
            Integer numero = numero(erreurs, p + "numero", libelle);
            String titre = texte(erreurs, p + "titre", libelle + ", titre", Limites.TITRE, true);
            axes.add(new AxeRappele(numero, titre == null ? "?" : titre, lignes(erreurs, p + "objectifs", libelle + ", objectifs")));
        }
        List<BilanThematique> realisations = new ArrayList<>();
        for (int i = 0; i < nombreRealisations; i++) {
            String p = "realisations[" + i + "].";
            if (vide(p + "thematique", p + "actionsRealisees", p + "actionsAConsolider")) {
                continue;
            }
            String libelle = "Réalisations, ligne n° " + (i + 1);
            String thematique = texte(erreurs, p + "thematique", libelle + ", thématique", Limites.TITRE, true);
            realisations.add(new BilanThematique(thematique == null ? "?" : thematique,
                    lignes(erreurs, p + "actionsRealisees", libelle + ", actions concrétisées"),
                    lignes(erreurs, p + "actionsAConsolider", libelle + ", actions à consolider")));
        }
        List<String> impact = new ArrayList<>();
        for (int i = 0; i < IMPACT.size(); i++) {
            impact.add(texte(erreurs, "impact." + IMPACT.get(i), "Impact, " + IMPACT_LIBELLES.get(i).toLowerCase(), Limites.TEXTE, false));
        }
        List<String> perspectives = lignes(erreurs, "perspectives", "Perspectives");
        List<Etp> etps = new ArrayList<>();
        for (int i = 0; i < nombreEtp; i++) {
            String p = "etp[" + i + "].";
            if (vide(p + "employeur", p + "etp", p + "repartition")) {
                continue;
            }
            String libelle = "Poste de chargé de coopération n° " + (i + 1);
            String employeur = texte(erreurs, p + "employeur", libelle + ", employeur", Limites.TITRE, true);
            etps.add(new Etp(employeur, etp(erreurs, p + "etp", libelle + ", ETP"),
                    texte(erreurs, p + "repartition", libelle + ", répartition", Limites.TITRE, false)));
        }
        List<String> pilotage = new ArrayList<>();
        for (int i = 0; i < PILOTAGE.size(); i++) {
            pilotage.add(texte(erreurs, "pilotage." + PILOTAGE.get(i), "Pilotage, " + PILOTAGE_LIBELLES.get(i).toLowerCase(), Limites.TEXTE, false));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new EvaluationPrecedente(axes, realisations, new Impact(impact.get(0), impact.get(1), impact.get(2), impact.get(3)),
                perspectives, new Pilotage(etps, pilotage.get(0), pilotage.get(1), pilotage.get(2), pilotage.get(3), pilotage.get(4),
                pilotage.get(5), pilotage.get(6)));
    }

    private boolean vide(String... champs) {
        return Arrays.stream(champs).allMatch(c -> valeur(c).isBlank());
    }

    private String texte(List<ErreurValidation.Erreur> erreurs, String champ, String libelle, int longueur, boolean obligatoire) {
        String texte = valeur(champ).strip();
        if (texte.isEmpty()) {
            if (obligatoire) {
                erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : obligatoire."));
            }
            return null;
        }
        String probleme = Saisie.probleme(texte, longueur);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + probleme));
        }
        return texte;
    }

    private List<String> lignes(List<ErreurValidation.Erreur> erreurs, String champ, String libelle) {
        String texte = valeur(champ);
        String probleme = Saisie.probleme(texte, Limites.TEXTE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + probleme));
            return List.of();
        }
        return LIGNES.splitAsStream(texte).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private Integer numero(List<ErreurValidation.Erreur> erreurs, String champ, String libelle) {
        String texte = valeur(champ).strip();
        if (texte.isEmpty()) {
            return null;
        }
        if (!texte.matches("\\d{1,3}") || Integer.parseInt(texte) < 1) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + ", numéro : « " + Saisie.tronquer(texte)
                    + " » n'est pas un numéro (entier de 1 à 999)."));
            return null;
        }
        return Integer.valueOf(texte);
    }

    private BigDecimal etp(List<ErreurValidation.Erreur> erreurs, String champ, String libelle) {
        String texte = valeur(champ).strip().replace(',', '.');
        if (!texte.matches("\\d{1,2}(\\.\\d{1,4})?") || new BigDecimal(texte).compareTo(BigDecimal.TEN) > 0) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + Saisie.tronquer(valeur(champ).strip())
                    + " » n'est pas un nombre d'ETP entre 0 et 10 (par exemple 0,75)."));
            return BigDecimal.ZERO;
        }
        return new BigDecimal(texte);
    }
}
