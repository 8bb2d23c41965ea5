package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.importation.AnalysePlanValeurs.Morceau;
import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.TypeChamp;

/**
 * Reads one fiche, line after line: a label opens a field, what follows fills it (one value for a single-valued
 * field, paragraphs for a text, items for a list), a line belonging to no field is the title if the fiche has
 * none yet. Tables of the national template (labels in a header row, values in the row below, or label and value
 * side by side) are read by column. A label of no template ("Budget prévisionnel :") opens an unknown field, kept
 * only if other fiches print it too (see {@link AnalysePlanStructure}).
 */
final class AnalysePlanFiche {

    private static final Pattern ECHEANCES_DANS_CELLULE = Pattern.compile("(?is)\\s*([EÉ]ch[ée]ances? de r[ée]alisation.*)$");
    private static final Pattern LIBELLE_INCONNU = Pattern.compile("^([A-ZÀ-Ý][^:.!?;]{2,58}?)\\s*:\\s*(.*)$");
    static final String INCONNU = "?";

    private final AnalysePlanLibelles libelles;
    final int debut;
    int fin;
    String reference;
    String titre;
    final String niveau;
    final Map<String, List<Morceau>> champs = new LinkedHashMap<>();
    /** Labels of no template met in this fiche, by comparison key → printed label. */
    final Map<String, String> inconnus = new LinkedHashMap<>();
    /** For each unknown label: the field open before it, which gets its lines back if the label is not kept. */
    final Map<String, String> avant = new LinkedHashMap<>();
    final Map<String, String> lignesInconnues = new LinkedHashMap<>();
    private String courant;
    private List<String> colonnes;

    AnalysePlanFiche(AnalysePlanLibelles libelles, int debut, String niveau, String reference, String titre) {
        this.libelles = libelles;
        this.debut = debut;
        this.fin = debut;
        this.niveau = niveau;
        this.reference = reference;
        this.titre = titre == null || titre.isBlank() ? null : titre;
    }

    void lire(Ligne l) {
        fin = l.numero();
        switch (l.genre()) {
            case VIDE -> {
            }
            case TABLEAU -> lireRangee(l.cellulesEnParagraphes());
            case LISTE -> {
                if (AnalysePlanTextes.propre(l.texte()).contains(":") && libelles.reconnaitre(l.texte()).isPresent()) {
                    // "- Objectifs : Reconnaître …": a label printed as the first item of a list.
                    lireTexte(l.texte());
                } else if (courant != null) {
                    ajouter(courant, l.texte(), true);
                }
            }
            default -> lireTexte(l.texte());
        }
    }

    private void lireTexte(String texte) {
        Optional<AnalysePlanLibelles.Trouve> t = libelles.reconnaitre(texte);
        if (t.isPresent() && courant != null && t.get().libelle().champ().equals(courant) && t.get().valeur().isEmpty()
                && champs.getOrDefault(courant, List.of()).isEmpty()) {
            // "Intérêt :" then "intérêt": the value repeats the label's word.
            ajouter(courant, texte, false);
            return;
        }
        if (t.isPresent()) {
            colonnes = null;
            ouvrir(t.get().libelle().champ(), t.get().valeur());
            return;
        }
        Matcher inconnu = LIBELLE_INCONNU.matcher(AnalysePlanTextes.propre(texte));
        if (inconnu.matches() && titre != null && !inconnu.group(1).matches(".*\\d.*")) {
            String cle = AnalysePlanTextes.cleDeLibelle(inconnu.group(1));
            if (!cle.isEmpty() && cle.split(" ").length <= 4 && !champs.containsKey(INCONNU + cle)) {
                inconnus.putIfAbsent(cle, AnalysePlanTextes.propre(inconnu.group(1)));
                if (courant != null) {
                    avant.put(cle, courant);
                }
                lignesInconnues.put(cle, texte);
                colonnes = null;
                ouvrir(INCONNU + cle, inconnu.group(2));
                return;
            }
        }
        if (courant != null) {
            boolean vide = champs.getOrDefault(courant, List.of()).isEmpty();
            if (vide && (!courant.equals(AnalysePlanLibelles.REFERENCE) || AnalysePlanTextes.propre(texte).length() <= 20)) {
                ajouter(courant, texte, false);
                return;
            }
            if (!vide && accumule(courant)) {
                ajouter(courant, texte, false);
                return;
            }
            courant = null;
        }
        orphelin(texte);
    }

    /** Whether a field takes several paragraphs (texts, lists, unknown fields). */
    private boolean accumule(String champ) {
        if (champ.startsWith(INCONNU)) {
            return true;
        }
        if (type(champ) == TypeChamp.LISTE) {
            // A list printed as paragraphs ("Objectif : A", then "B", "C"), not one printed as bullets (a paragraph after them is no item).
            return champs.getOrDefault(champ, List.of()).stream().noneMatch(Morceau::item);
        }
        return type(champ) == TypeChamp.TEXTE && !champ.startsWith("@");
    }

    private TypeChamp type(String champ) {
        return libelles.modele().champ(champ).map(ChampModele::type).orElse(TypeChamp.TEXTE);
    }

    private void lireRangee(List<String> cellules) {
        List<Optional<AnalysePlanLibelles.Trouve>> reconnues = cellules.stream().map(libelles::reconnaitre).toList();
        long pleines = cellules.stream().filter(c -> !AnalysePlanTextes.propre(c).isEmpty()).count();
        long libellees = reconnues.stream().filter(Optional::isPresent).count();
        if (pleines > 0 && libellees == pleines) {
            colonnes = new ArrayList<>();
            for (Optional<AnalysePlanLibelles.Trouve> r : reconnues) {
                colonnes.add(r.map(x -> x.libelle().champ()).orElse(null));
                r.filter(x -> !x.valeur().isEmpty()).ifPresent(x -> ajouter(x.libelle().champ(), x.valeur(), false));
            }
            courant = null;
            return;
        }
        int premiere = 0;
        while (premiere < cellules.size() && AnalysePlanTextes.propre(cellules.get(premiere)).isEmpty()) {
            premiere++;
        }
        if (premiere < cellules.size() && reconnues.get(premiere).isPresent() && libellees == 1) {
            AnalysePlanLibelles.Trouve t = reconnues.get(premiere).get();
            StringBuilder valeur = new StringBuilder(t.valeur());
            for (int j = premiere + 1; j < cellules.size(); j++) {
                valeur.append(' ').append(cellules.get(j));
            }
            colonnes = null;
            courant = null;
            if (!valeur.toString().isBlank()) {
                ajouter(t.libelle().champ(), valeur.toString().strip(), false);
            }
            return;
        }
        if (colonnes != null) {
            for (int j = 0; j < cellules.size(); j++) {
                String cellule = cellules.get(j);
                if (AnalysePlanTextes.propre(cellule).isEmpty()) {
                    continue;
                }
                String champ = j < colonnes.size() ? colonnes.get(j) : null;
                Matcher e = ECHEANCES_DANS_CELLULE.matcher(cellule);
                if (e.find() && e.start() > 0) {
                    Optional<AnalysePlanLibelles.Trouve> echeances = libelles.reconnaitre(e.group(1));
                    echeances.ifPresent(x -> ajouter(x.libelle().champ(), x.valeur(), false));
                    cellule = cellule.substring(0, e.start());
                    if (echeances.isPresent() && echeances.get().valeur().isEmpty()) {
                        // The label ends the cell: the same column of the next row holds the échéances.
                        colonnes = new ArrayList<>(colonnes);
                        colonnes.set(j, echeances.get().libelle().champ());
                        if (champ != null) {
                            ajouter(champ, cellule, false);
                        }
                        continue;
                    }
                }
                if (champ != null) {
                    ajouter(champ, cellule, false);
                }
            }
            return;
        }
        if (courant != null) {
            ajouter(courant, String.join(" ", cellules), false);
        }
    }

    private void ouvrir(String champ, String valeur) {
        courant = champ;
        champs.computeIfAbsent(champ, c -> new ArrayList<>());
        if (valeur != null && !valeur.isBlank()) {
            ajouter(champ, valeur, false);
        }
    }

    private void ajouter(String champ, String texte, boolean item) {
        String t = AnalysePlanTextes.propre(texte);
        if (t.isEmpty() || AnalysePlanTextes.estNumeroDePage(t) && !champ.equals(AnalysePlanLibelles.REFERENCE)
                && !champ.equals(AnalysePlanLibelles.ECHEANCES)) {
            return;
        }
        List<Morceau> morceaux = champs.computeIfAbsent(champ, c -> new ArrayList<>());
        String[] paragraphes = texte.split(Ligne.SAUT);
        if (paragraphes.length == 1) {
            morceaux.add(new Morceau(texte, item));
            return;
        }
        // The paragraphs or items of one cell: each an item of a list field, a paragraph of a text.
        for (String p : paragraphes) {
            if (!AnalysePlanTextes.propre(p).isEmpty()) {
                morceaux.add(new Morceau(p, true));
            }
        }
    }

    private void orphelin(String texte) {
        String t = AnalysePlanTextes.propre(texte);
        if (titre == null && !AnalysePlanTextes.estNumeroDePage(t) && AnalysePlanTextes.cle(t).length() > 3) {
            titre = AnalysePlanTitres.titre(t);
        }
    }

    /** An unknown label not kept as a field: its line and values go back to the field open before it. */
    void rendre(String cle) {
        List<Morceau> morceaux = champs.remove(INCONNU + cle);
        String precedent = avant.get(cle);
        if (precedent == null || !accumule(precedent)) {
            return;
        }
        List<Morceau> cible = champs.computeIfAbsent(precedent, c -> new ArrayList<>());
        cible.add(new Morceau(lignesInconnues.get(cle), false));
        if (morceaux != null) {
            cible.addAll(morceaux);
        }
    }

    String membre(String cle) {
        List<Morceau> m = champs.getOrDefault(cle, List.of());
        return m.isEmpty() ? null : String.join(" ", m.stream().map(x -> AnalysePlanTextes.propre(x.texte())).toList());
    }
}
