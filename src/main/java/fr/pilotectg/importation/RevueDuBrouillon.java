package fr.pilotectg.importation;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.TypeChamp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review page's view of a draft, field by field: each part as a tree of elements (an element's fields as
 * labelled inputs of their type, its source lines and confidence, its lists and nested elements), unresolved names
 * with their candidates, and a table of contents with counts and alerts. Built from the parts' JSON and their Java
 * types ({@link CheminDeBrouillon}), so that a field the analysers add shows up without touching the page.
 */
@Component
class RevueDuBrouillon {

    /** Below this confidence an element is flagged "à vérifier". */
    static final double CONFIANCE_FAIBLE = 0.7;
    private static final int LIGNES_D_EXTRAIT = 12;

    private final JsonDesBrouillons json;
    private final AnnexesResolution resolution;

    RevueDuBrouillon(JsonDesBrouillons json, AnnexesResolution resolution) {
        this.json = json;
        this.resolution = resolution;
    }

    /** What the user sent on a form that was refused (400 or 409): shown again in that element, open, with the errors. */
    record Saisie(String chemin, Map<String, String> valeurs, Map<String, String> erreurs) implements Serializable {
    }

    record Option(String code, String libelle) {
    }

    /**
     * An input: {@code genre} TEXTE, LONG (text area), DATE, NOMBRE, CASE (checkbox), CHOIX (select), LIGNES (one item
     * a line), JSON (a value of another shape, kept as JSON).
     */
    record VueChamp(String nom, String id, String libelle, String genre, String valeur, List<Option> options, String erreur) {
        public boolean coche() {
            return "true".equals(valeur);
        }
    }

    /** An unresolved name: what was printed, why, and the candidates to choose from (code = what the choice posts). */
    record VueResolution(String nomImprime, String statut, List<Option> candidats, boolean partie) {
    }

    record VueElement(String chemin, String ancre, String titre, String confiance, boolean confianceFaible, String lignes,
                      String extrait, List<VueChamp> champs, VueResolution resolution, List<VueElement> objets,
                      List<VueListe> listes, boolean absent, boolean ouvert, boolean retirable, int alertes) {
    }

    record VueListe(String chemin, String ancre, String libelle, String singulier, List<VueElement> elements,
                    String principal, String libellePrincipal, boolean ouvert, String saisie, String erreur) {
    }

    record VuePartie(String cle, String titre, VueElement racine, int alertes, List<Entree> sommaire) {
    }

    /** A line of the table of contents: a list or element of a part, how many it holds, how many alerts point into it. */
    record Entree(String ancre, String libelle, int nombre, int alertes) {
    }

    /** An alert of the draft with the element to go to, when one matches it. */
    record VueAlerte(String chemin, String type, String message, String lignes, String ancreElement) {
    }

    /** The page's model: the three parts and the alerts, each linked to its element. */
    record Vue(List<VuePartie> parties, List<VueAlerte> alertes) {
    }

    Vue vue(ImportsService.Fiche fiche, Saisie saisie) {
        List<VuePartie> parties = new ArrayList<>();
        Map<String, String> ancresParSource = new HashMap<>();
        List<VueAlerte> alertes = new ArrayList<>();
        for (String cle : CheminDeBrouillon.Parties.CLES) {
            PartieTrouvee partie = CheminDeBrouillon.Parties.de(fiche.brouillon(), cle);
            Map<String, Integer> alertesParSource = new HashMap<>();
            partie.alertes().forEach(a -> alertesParSource.merge(cleSource(a.source()), 1, Integer::sum));
            Contexte contexte = new Contexte(fiche, saisie, alertesParSource, ancresParSource, new HashMap<>());
            CheminDeBrouillon chemin = CheminDeBrouillon.lire(cle);
            VueElement racine = element(contexte, chemin, CheminDeBrouillon.Parties.classe(cle), json.arbre(partie),
                    CheminDeBrouillon.Parties.titre(cle), false);
            List<Entree> sommaire = new ArrayList<>();
            for (VueElement o : racine.objets()) {
                sommaire.add(new Entree(o.ancre(), o.titre(), o.absent() ? 0 : 1, o.alertes()));
            }
            for (VueListe l : racine.listes()) {
                sommaire.add(new Entree(l.ancre(), l.libelle(), l.elements().size(), l.elements().stream().mapToInt(VueElement::alertes).sum()));
            }
            if (partie instanceof PlanTrouve plan && !plan.noeuds().isEmpty()) {
                sommaire.add(new Entree(ancre(chemin.enfant("noeuds", null)), "Fiches (dans les nœuds et hors nœud)",
                        plan.toutesLesFiches().size(), 0));
            }
            parties.add(new VuePartie(cle, CheminDeBrouillon.Parties.titre(cle), racine, partie.alertes().size(), sommaire));
            for (int i = 0; i < partie.alertes().size(); i++) {
                Alerte a = partie.alertes().get(i);
                alertes.add(new VueAlerte(chemin.enfant("alertes", i).toString(), a.type(), a.message(), lignes(a.source()),
                        ancresParSource.get(cle + ":" + cleSource(a.source()))));
            }
        }
        return new Vue(parties, alertes);
    }

    /** What one render needs everywhere: the lines, the refused input, alerts by source, names already looked up. */
    private record Contexte(ImportsService.Fiche fiche, Saisie saisie, Map<String, Integer> alertesParSource,
                            Map<String, String> ancresParSource, Map<String, AnnexesResolution.Resolution> nomsCherches) {
    }

    private VueElement element(Contexte ctx, CheminDeBrouillon chemin, Class<?> classe, JsonNode noeud, String titre, boolean retirable) {
        String ancre = ancre(chemin);
        if (noeud == null || noeud.isNull()) {
            return new VueElement(chemin.toString(), ancre, titre, null, false, null, null, List.of(), null, List.of(), List.of(),
                    true, false, false, 0);
        }
        boolean saisi = ctx.saisie() != null && chemin.toString().equals(ctx.saisie().chemin());
        boolean ouvert = ctx.saisie() != null && ctx.saisie().chemin() != null && ctx.saisie().chemin().startsWith(chemin.toString());
        List<VueChamp> champs = new ArrayList<>();
        List<VueElement> objets = new ArrayList<>();
        List<VueListe> listes = new ArrayList<>();
        VueResolution vueResolution = null;
        int alertes = 0;
        Source source = null;
        String confiance = null;
        boolean faible = false;
        for (RecordComponent composant : classe.getRecordComponents()) {
            String nom = composant.getName();
            Class<?> type = composant.getType();
            JsonNode valeur = noeud.get(nom);
            if (nom.equals("alertes") && chemin.pas().isEmpty()) {
                continue;
            }
            if (nom.equals("source") && type == Source.class) {
                if (valeur != null && valeur.path("debut").isInt()) {
                    source = new Source(valeur.path("debut").asInt(), valeur.path("fin").asInt());
                }
            } else if (nom.equals("confiance") && type == double.class) {
                double c = valeur == null ? 1 : valeur.asDouble();
                confiance = String.format(Locale.FRANCE, "%.0f %%", c * 100);
                faible = c < CONFIANCE_FAIBLE;
            } else if (type == ConventionTrouvee.Resolution.class) {
                vueResolution = resolutionDePartie(noeud, valeur);
            } else if (type == List.class && CheminDeBrouillon.brut(CheminDeBrouillon.element(composant.getGenericType())) != null
                    && CheminDeBrouillon.brut(CheminDeBrouillon.element(composant.getGenericType())).isRecord()) {
                VueListe l = liste(ctx, chemin.enfant(nom, null), CheminDeBrouillon.brut(CheminDeBrouillon.element(composant.getGenericType())),
                        valeur, nom);
                alertes += l.elements().stream().mapToInt(VueElement::alertes).sum();
                listes.add(l);
            } else if (type.isRecord()) {
                VueElement o = element(ctx, chemin.enfant(nom, null), type, valeur, LibellesDeRevue.singulier(nom), false);
                alertes += o.alertes();
                objets.add(o);
            } else if (type == Map.class) {
                champs.addAll(champsDeFiche(ctx, chemin, ancre, nom, valeur, saisi));
            } else {
                VueChamp champ = champ(ctx, classe, composant, valeur, ancre, saisi);
                if (champ != null) {
                    champs.add(champ);
                }
            }
        }
        String[] nomAnnexe = CorrectionsDuBrouillon.champsDeNom(classe);
        if (nomAnnexe != null && noeud.path(nomAnnexe[0]).isString() && !noeud.path(nomAnnexe[1]).isString()) {
            vueResolution = resolutionAnnexe(ctx, noeud.path(nomAnnexe[0]).asString());
        }
        String cleSource = cleSource(source);
        int ici = source == null ? 0 : ctx.alertesParSource().getOrDefault(cleSource, 0);
        if (ici > 0 && (vueResolution != null || chemin.pas().size() <= 1)) {
            ctx.ancresParSource().putIfAbsent(chemin.partie() + ":" + cleSource, ancre);
            alertes += ici;
        }
        return new VueElement(chemin.toString(), ancre, titre, confiance, faible, lignes(source), extrait(ctx.fiche(), source),
                champs, vueResolution, objets, listes, false, ouvert, retirable, alertes);
    }

    private VueListe liste(Contexte ctx, CheminDeBrouillon chemin, Class<?> classe, JsonNode valeur, String nom) {
        List<VueElement> elements = new ArrayList<>();
        if (valeur instanceof ArrayNode tableau) {
            for (int i = 0; i < tableau.size(); i++) {
                JsonNode e = tableau.get(i);
                String resume = resume(e);
                String titre = LibellesDeRevue.singulier(nom) + " " + (i + 1) + (resume.isEmpty() ? "" : " : " + resume);
                elements.add(element(ctx, new CheminDeBrouillon(chemin.partie(), remplacerDernier(chemin, i)), classe, e, titre, true));
            }
        }
        String principal = CorrectionsDuBrouillon.principal(classe);
        boolean ouvert = ctx.saisie() != null && ctx.saisie().chemin() != null && ctx.saisie().chemin().startsWith(chemin.toString());
        boolean saisi = ctx.saisie() != null && chemin.toString().equals(ctx.saisie().chemin());
        String erreur = saisi && !ctx.saisie().erreurs().isEmpty() ? ctx.saisie().erreurs().values().iterator().next() : null;
        // The plan's own fiches list holds only the fiches outside any node: "Fiches" alone read as all of them.
        String libelle = chemin.pas().size() == 1 && PlanTrouve.class.equals(CheminDeBrouillon.Parties.classe(chemin.partie())) && "fiches".equals(nom)
                ? "Fiches hors nœud" : LibellesDeRevue.libelle(nom);
        return new VueListe(chemin.toString(), ancre(chemin), libelle, LibellesDeRevue.singulier(nom), elements,
                principal, principal == null ? null : LibellesDeRevue.libelle(principal), ouvert,
                saisi ? ctx.saisie().valeurs().get("principal") : null, erreur);
    }

    private static List<CheminDeBrouillon.Pas> remplacerDernier(CheminDeBrouillon chemin, int index) {
        List<CheminDeBrouillon.Pas> pas = new ArrayList<>(chemin.pas());
        CheminDeBrouillon.Pas dernier = pas.remove(pas.size() - 1);
        pas.add(new CheminDeBrouillon.Pas(dernier.propriete(), index));
        return List.copyOf(pas);
    }

    private VueChamp champ(Contexte ctx, Class<?> classe, RecordComponent composant, JsonNode valeur, String ancre, boolean saisi) {
        String nom = composant.getName();
        Class<?> type = composant.getType();
        String entree = CorrectionsDuBrouillon.CHAMP + nom;
        String id = ancre + "-" + nom;
        String erreur = saisi ? ctx.saisie().erreurs().get(entree) : null;
        String texte = valeur == null || valeur.isNull() ? "" : valeur.isString() ? valeur.asString() : valeur.toString();
        String genre;
        List<Option> options = List.of();
        if (type == String.class) {
            Map<String, String> codes = LibellesDeRevue.codes(classe, nom);
            if (codes != null) {
                genre = "CHOIX";
                options = options(codes, texte);
            } else {
                genre = LibellesDeRevue.long_(nom, texte) ? "LONG" : "TEXTE";
            }
        } else if (type == LocalDate.class) {
            genre = "DATE";
        } else if (type == Integer.class || type == int.class) {
            genre = "NOMBRE";
        } else if (type == boolean.class || type == Boolean.class) {
            genre = "CASE";
            texte = valeur != null && valeur.asBoolean() ? "true" : "false";
        } else if (type.isEnum()) {
            genre = "CHOIX";
            options = options(LibellesDeRevue.deEnum(type), texte);
        } else if (type == List.class) {
            Type contenu = CheminDeBrouillon.element(composant.getGenericType());
            if (contenu != String.class && contenu != Integer.class) {
                return null;
            }
            genre = "LIGNES";
            StringBuilder lignes = new StringBuilder();
            if (valeur != null) {
                valeur.forEach(v -> lignes.append(v.isString() ? v.asString() : v.toString()).append('\n'));
            }
            texte = lignes.toString().strip();
        } else {
            return null;
        }
        if (saisi && ctx.saisie().valeurs().containsKey(entree)) {
            texte = ctx.saisie().valeurs().get(entree);
        } else if (saisi && genre.equals("CASE") && ctx.saisie().valeurs().containsKey(CorrectionsDuBrouillon.CASE + nom)) {
            texte = "false";
        }
        return new VueChamp(entree, id, LibellesDeRevue.libelle(nom), genre, texte, options, erreur);
    }

    /** The fields of a fiche: every field of the plan's template (empty ones too), then those found outside it. */
    private List<VueChamp> champsDeFiche(Contexte ctx, CheminDeBrouillon chemin, String ancre, String nom, JsonNode valeur, boolean saisi) {
        Map<String, VueChamp> champs = new LinkedHashMap<>();
        ModeleFiche modele = modele(ctx.fiche());
        if (modele != null) {
            for (ChampModele c : modele.champs()) {
                boolean liste = c.type() != TypeChamp.TEXTE && c.type() != TypeChamp.VOCABULAIRE;
                champs.put(c.cle(), champDeFiche(ctx, ancre, nom, c.cle(), c.libelle(), valeur == null ? null : valeur.get(c.cle()), liste, saisi));
            }
        }
        if (valeur instanceof ObjectNode objet) {
            for (var p : objet.properties()) {
                if (!champs.containsKey(p.getKey())) {
                    champs.put(p.getKey(), champDeFiche(ctx, ancre, nom, p.getKey(), p.getKey() + " (hors modèle)", p.getValue(),
                            p.getValue().isArray(), saisi));
                }
            }
        }
        return new ArrayList<>(champs.values());
    }

    private VueChamp champDeFiche(Contexte ctx, String ancre, String nom, String cle, String libelle, JsonNode valeur, boolean liste, boolean saisi) {
        String entree = CorrectionsDuBrouillon.CHAMP + nom + "." + cle;
        String genre;
        String texte;
        if (valeur != null && valeur.isArray() && !valeur.isEmpty() && !valeur.get(0).isString()) {
            genre = "JSON";
            texte = valeur.toString();
        } else if (liste || valeur != null && valeur.isArray()) {
            genre = "LIGNES";
            StringBuilder lignes = new StringBuilder();
            if (valeur != null) {
                valeur.forEach(v -> lignes.append(v.asString("")).append('\n'));
            }
            texte = lignes.toString().strip();
        } else {
            texte = valeur == null || valeur.isNull() ? "" : valeur.isString() ? valeur.asString() : valeur.toString();
            genre = "LONG";
        }
        String erreur = null;
        if (saisi && ctx.saisie().valeurs().containsKey(entree)) {
            texte = ctx.saisie().valeurs().get(entree);
            erreur = ctx.saisie().erreurs().get(entree);
        }
        return new VueChamp(entree, ancre + "-" + nom + "-" + cle, libelle, genre, texte, List.of(), erreur);
    }

    private static ModeleFiche modele(ImportsService.Fiche fiche) {
        return fiche.brouillon().plan() == null ? null : fiche.brouillon().plan().modele();
    }

    private static VueResolution resolutionDePartie(JsonNode partie, JsonNode r) {
        if (r == null || !r.isObject()) {
            return null;
        }
        String statut = r.path("statut").asString("");
        if (!statut.equals("AMBIGU") && !statut.equals("INCONNU")) {
            return null;
        }
        List<Option> candidats = new ArrayList<>();
        int i = 0;
        for (JsonNode c : r.path("candidats")) {
            String dep = c.path("departement").isString() ? " (" + c.path("departement").asString() + ")" : "";
            String insee = c.path("codeInsee").isString() ? ", code Insee " + c.path("codeInsee").asString() : "";
            candidats.add(new Option(String.valueOf(i++), c.path("nom").asString("") + dep + insee));
        }
        return new VueResolution(partie.path("nomImprime").asString(""),
                statut.equals("AMBIGU") ? "désigne plusieurs noms du référentiel" : "ne correspond à aucun nom du référentiel",
                candidats, true);
    }

    private VueResolution resolutionAnnexe(Contexte ctx, String imprime) {
        AnnexesResolution.Resolution r = ctx.nomsCherches().computeIfAbsent(AnnexesNoms.cle(imprime), k -> resolution.resoudre(imprime));
        if (r.nom() != null) {
            // Resolved now (the referential changed since the analysis): the review still confirms it.
            return new VueResolution(imprime, "n'a pas été résolu à l'analyse", List.of(new Option(r.nom(), r.nom())), false);
        }
        return new VueResolution(imprime, r.candidats().isEmpty() ? "ne correspond à aucun nom du référentiel"
                : "désigne plusieurs noms du référentiel", r.candidats().stream().map(c -> new Option(c, c)).toList(), false);
    }

    private static List<Option> options(Map<String, String> codes, String actuel) {
        List<Option> l = new ArrayList<>();
        l.add(new Option("", "(non renseigné)"));
        if (!actuel.isEmpty() && !codes.containsKey(actuel)) {
            l.add(new Option(actuel, actuel + " (lu dans le document, hors liste)"));
        }
        codes.forEach((code, libelle) -> l.add(new Option(code, libelle.equals(code) ? code : libelle + " (" + code + ")")));
        return l;
    }

    private static String resume(JsonNode e) {
        if (e != null && e.isObject()) {
            StringBuilder s = new StringBuilder();
            if (e.path("reference").isString() && !e.path("reference").asString().isBlank() && e.path("titre").isString()) {
                s.append(e.path("reference").asString()).append(" – ");
            }
            for (String nom : LibellesDeRevue.PRINCIPAUX) {
                if (e.path(nom).isString() && !e.path(nom).asString().isBlank()) {
                    s.append(e.path(nom).asString());
                    break;
                }
            }
            String t = s.toString().replaceAll("\\s+", " ").strip();
            return t.length() > 90 ? t.substring(0, 90) + "…" : t;
        }
        return "";
    }

    private static String extrait(ImportsService.Fiche fiche, Source source) {
        if (source == null || source.debut() < 1 || source.fin() < source.debut() || source.fin() > fiche.lignes().size()) {
            return null;
        }
        StringBuilder texte = new StringBuilder();
        int fin = Math.min(source.fin(), source.debut() + LIGNES_D_EXTRAIT - 1);
        for (int i = source.debut(); i <= fin; i++) {
            texte.append(fiche.lignes().get(i - 1).texte()).append('\n');
        }
        if (fin < source.fin()) {
            texte.append("[…] (").append(source.fin() - fin).append(" lignes de plus)");
        }
        return texte.toString().strip();
    }

    private static String lignes(Source s) {
        if (s == null) {
            return null;
        }
        return s.debut() == s.fin() ? "ligne " + s.debut() : "lignes " + s.debut() + " à " + s.fin();
    }

    private static String cleSource(Source s) {
        return s == null ? "" : s.debut() + "-" + s.fin();
    }

    /** An HTML id for a path: "plan.noeuds[0].fiches[2]" gives "el-plan-noeuds-0-fiches-2". */
    static String ancre(CheminDeBrouillon chemin) {
        return "el-" + chemin.toString().replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-$", "");
    }
}
