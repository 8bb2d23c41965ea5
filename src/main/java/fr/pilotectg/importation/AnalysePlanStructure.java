package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.importation.AnalysePlanTitres.DebutFiche;
import fr.pilotectg.importation.AnalysePlanTitres.Entete;
import fr.pilotectg.importation.AnalysePlanValeurs.Morceau;
import fr.pilotectg.importation.PlanTrouve.CelluleProgramme;
import fr.pilotectg.importation.PlanTrouve.ChampTrouve;
import fr.pilotectg.importation.PlanTrouve.CompteImprime;
import fr.pilotectg.importation.PlanTrouve.FicheTrouvee;
import fr.pilotectg.importation.PlanTrouve.NiveauTrouve;
import fr.pilotectg.importation.PlanTrouve.NoeudTrouve;
import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.TypeChampAjoute;

/**
 * The plan of one document: where it starts, its node headings and their levels, its fiches (read by
 * {@link AnalysePlanFiche} or, for a roadmap, one per bulleted line), where each fiche belongs, the printed counts
 * and the programme table. See ADR 0034.
 */
final class AnalysePlanStructure {

    private static final Pattern COMPTE = Pattern.compile("(?i)(\\d{1,3})\\s+(th[ée]matiques|axes strat[ée]giques|axes|enjeux|orientations"
            + "|objectifs strat[ée]giques|fiches[- ]actions|fiches|actions)\\b");
    private static final Pattern ANNEE_DE_COLONNE = Pattern.compile("(?i)^(?:ann[ée]e\\s*)?(20\\d\\d)$");
    private static final Pattern ACTION_DE_CELLULE = Pattern.compile("(?i)^actions?\\s*(?:n\\s*°)?\\s*(\\d{1,3})\\s*:?\\s*(.*)$");

    private final List<Ligne> lignes;
    private final boolean[] bruit;
    private final ModeleFiche modele;
    private final AnalysePlanLibelles libelles;
    private final List<Alerte> alertes = new ArrayList<>();
    /** Acronym pairs the document prints joined by a hyphen ("RPE PIAPE" for "RPE-PIAPE"). */
    private final Set<String> siglesLies = new HashSet<>();
    /** The roadmap item ending with ":" just read, whose sub-items (with another bullet) belong to it. */
    private Ligne teteDeSousListe;

    /** A node being built. */
    private static final class Noeud {
        final String niveau;
        final int profondeur;
        String reference;
        final String titre;
        final int debut;
        int fin;
        final List<String> objectifs = new ArrayList<>();
        final List<Noeud> enfants = new ArrayList<>();
        final List<FicheTrouvee> fiches = new ArrayList<>();
        final double confiance;

        Noeud(String niveau, int profondeur, String reference, String titre, int debut, int fin, double confiance) {
            this.niveau = niveau;
            this.profondeur = profondeur;
            this.reference = reference;
            this.titre = titre;
            this.debut = debut;
            this.fin = fin;
            this.confiance = confiance;
        }

        NoeudTrouve trouve() {
            return new NoeudTrouve(reference, titre, null, objectifs, null, null, enfants.stream().map(Noeud::trouve).toList(), fiches,
                    new Source(debut, fin), confiance);
        }
    }

    AnalysePlanStructure(List<Ligne> lignes, boolean[] bruit, ModeleFiche modele) {
        this.lignes = lignes;
        this.bruit = bruit;
        this.modele = modele;
        this.libelles = new AnalysePlanLibelles(modele);
        for (Ligne l : lignes) {
            AnalysePlanValeurs.SIGLES_LIES.matcher(l.texte()).results().forEach(r -> siglesLies.add(r.group(1) + " " + r.group(2)));
        }
    }

    PlanTrouve analyser() {
        boolean feuilleDeRoute = modele == ModeleFiche.FEUILLE_DE_ROUTE;
        // 1. Fiche starts: a reference label ("Réf de la fiche action :") or a fiche heading ("Fiche action 3 : …").
        Map<Integer, DebutFiche> debuts = new LinkedHashMap<>();
        boolean marqueurs = false;
        if (!feuilleDeRoute) {
            for (int i = 0; i < lignes.size(); i++) {
                Ligne l = lignes.get(i);
                if (bruit[i] || l.genre() == Ligne.NatureDeLigne.VIDE || l.genre() == Ligne.NatureDeLigne.TABLEAU || l.genre() == Ligne.NatureDeLigne.LISTE) {
                    continue;
                }
                Optional<AnalysePlanLibelles.Trouve> t = libelles.reconnaitre(l.texte());
                if (t.isPresent() && t.get().libelle().champ().equals(AnalysePlanLibelles.REFERENCE)) {
                    debuts.put(i, new DebutFiche("Fiche action", null, null));
                    continue;
                }
                Optional<DebutFiche> d = AnalysePlanTitres.debutFiche(l.texte());
                if (d.isPresent()) {
                    debuts.put(i, d.get());
                    marqueurs = true;
                }
            }
        }
        int premiere = debuts.isEmpty() ? lignes.size() : debuts.keySet().iterator().next();
        // 2. Where the plan starts: the last "plan d'action(s)" heading before the first fiche (else the document's start).
        int zone = 0;
        for (int i = 0; i < Math.min(premiere, lignes.size()); i++) {
            String cle = AnalysePlanTextes.cle(lignes.get(i).texte());
            if (cle.contains("plan d action") && cle.length() < 160 && lignes.get(i).genre() != Ligne.NatureDeLigne.LISTE) {
                zone = i;
            }
        }
        // 3. Node headings: by their words anywhere in the plan, or by what stands just before a fiche.
        Map<Integer, Entete> entetes = new LinkedHashMap<>();
        Map<Integer, Integer> longueurs = new HashMap<>();
        for (int i = zone; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            if (bruit[i] || l.genre() == Ligne.NatureDeLigne.TABLEAU || l.genre() == Ligne.NatureDeLigne.VIDE || l.genre() == Ligne.NatureDeLigne.LISTE
                    || debuts.containsKey(i) || libelles.reconnaitre(l.texte()).isPresent()) {
                continue;
            }
            AnalysePlanTitres.entete(l.texte()).ifPresent(e -> {
                entetes.put(l.numero() - 1, e);
                longueurs.put(l.numero() - 1, 1);
            });
        }
        boolean nommes = !entetes.isEmpty();
        for (int debut : debuts.keySet()) {
            enteteAvant(debut, entetes, longueurs, nommes);
        }
        // 4. Levels in order of first appearance.
        List<String> niveaux = new ArrayList<>();
        for (Entete e : entetes.values()) {
            String n = e.niveau() == null ? "Axe" : e.niveau();
            if (!niveaux.contains(n)) {
                niveaux.add(n);
            }
        }
        // 5. One walk through the plan.
        List<Noeud> racines = new ArrayList<>();
        List<FicheTrouvee> horsNoeud = new ArrayList<>();
        Noeud[] pile = new Noeud[Math.max(1, niveaux.size())];
        Map<String, Noeud> index = new HashMap<>();
        Map<String, Integer> suivantes = new HashMap<>();
        List<AnalysePlanFiche> lues = new ArrayList<>();
        Map<AnalysePlanFiche, Noeud> placees = new LinkedHashMap<>();
        AnalysePlanFiche fiche = null;
        String niveauFiche = feuilleDeRoute ? "Action" : "Fiche action";
        String regime = null;
        for (int i = zone; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            if (bruit[i]) {
                continue;
            }
            Entete e = entetes.get(i);
            if (e != null) {
                fiche = fermer(fiche, lues, placees, pile, index);
                regime = null;
                String niveau = e.niveau() == null ? "Axe" : e.niveau();
                int p = niveaux.indexOf(niveau);
                Noeud parent = null;
                for (int q = p - 1; q >= 0 && parent == null; q--) {
                    parent = pile[q];
                }
                List<Noeud> freres = parent == null ? racines : parent.enfants;
                Noeud existant = freres.stream().filter(n -> n.niveau.equals(niveau)
                        && AnalysePlanTextes.cle(n.titre).equals(AnalysePlanTextes.cle(e.titre()))).findFirst().orElse(null);
                int fin = i + longueurs.getOrDefault(i, 1);
                if (existant == null) {
                    String reference = e.reference();
                    String cleSuite = (parent == null ? "" : System.identityHashCode(parent)) + "/" + niveau;
                    if (reference == null && e.niveau() == null) {
                        reference = String.valueOf(suivantes.getOrDefault(cleSuite, 1));
                    }
                    if (reference != null && reference.matches("\\d+")) {
                        suivantes.put(cleSuite, Integer.parseInt(reference) + 1);
                    }
                    existant = new Noeud(niveau, p, reference, e.titre(), i + 1, fin, e.niveau() == null ? 0.8 : 0.95);
                    freres.add(existant);
                }
                pile[p] = existant;
                for (int q = p + 1; q < pile.length; q++) {
                    pile[q] = null;
                }
                i = fin - 1;
                continue;
            }
            DebutFiche d = debuts.get(i);
            if (d != null) {
                fiche = fermer(fiche, lues, placees, pile, index);
                niveauFiche = d.niveau();
                fiche = new AnalysePlanFiche(libelles, i + 1, d.niveau(), d.reference(), d.titre());
                if (d.reference() == null) {
                    fiche.lire(l);
                }
                continue;
            }
            if (fiche != null) {
                if (l.genre() == Ligne.NatureDeLigne.TITRE && libelles.reconnaitre(l.texte()).isEmpty()) {
                    fiche = fermer(fiche, lues, placees, pile, index);
                } else {
                    fiche.lire(l);
                }
                continue;
            }
            Noeud profond = plusProfond(pile);
            if (marqueurs && l.genre() != Ligne.NatureDeLigne.TABLEAU) {
                Optional<String[]> action = AnalysePlanTitres.actionIndex(l.texte());
                if (action.isPresent()) {
                    index.put(action.get()[0], profond);
                    continue;
                }
            }
            if (feuilleDeRoute && l.genre() == Ligne.NatureDeLigne.PARAGRAPHE) {
                // "Autres initiatives (privées) :": the actions listed under it are private ones.
                regime = AnalysePlanFeuilleDeRoute.regime(l.texte());
            }
            if (l.genre() == Ligne.NatureDeLigne.LISTE && profond != null) {
                if (feuilleDeRoute) {
                    if (profond.profondeur == niveaux.size() - 1) {
                        Ligne tete = teteDeSousListe;
                        if (tete != null && profond.fin == l.numero() - 1 && !profond.fiches.isEmpty()
                                && !AnalysePlanFeuilleDeRoute.memeMarque(tete, l)) {
                            // "▶ Partenariat … pour :" then "- Attirer …", "- Mettre en place …": one action, its items in its text.
                            teteDeSousListe = new Ligne(tete.numero(), tete.texte() + " " + AnalysePlanTextes.propre(l.texte()), tete.genre(), tete.niveau());
                            profond.fiches.set(profond.fiches.size() - 1, AnalysePlanFeuilleDeRoute.action(teteDeSousListe, regime));
                        } else {
                            profond.fiches.add(AnalysePlanFeuilleDeRoute.action(l, regime));
                            teteDeSousListe = AnalysePlanTextes.propre(l.texte()).endsWith(":") ? l : null;
                        }
                        profond.fin = l.numero();
                    }
                } else if (profond.fiches.isEmpty() && profond.enfants.isEmpty()) {
                    profond.objectifs.add(AnalysePlanTextes.propre(l.texte()));
                    profond.fin = l.numero();
                }
            }
        }
        fermer(fiche, lues, placees, pile, index);
        // 6. Fields printed by several fiches but in no template: proposed as added fields.
        Set<String> vues = new java.util.HashSet<>();
        lues.removeIf(f -> f.titre == null && f.champs.values().stream().allMatch(List::isEmpty)
                || f.reference != null && !vues.add(f.reference) && f.champs.size() <= 1);
        List<ChampTrouve> ajoutes = champsHorsModele(lues);
        Set<String> gardes = new java.util.HashSet<>();
        ajoutes.forEach(a -> gardes.add(AnalysePlanTextes.cleDeLibelle(a.libelle())));
        for (AnalysePlanFiche f : lues) {
            for (String cle : List.copyOf(f.inconnus.keySet())) {
                if (!gardes.contains(cle)) {
                    f.rendre(cle);
                }
            }
        }
        for (AnalysePlanFiche f : lues) {
            FicheTrouvee trouvee = fiche(f, ajoutes);
            Noeud n = placees.get(f);
            if (n == null) {
                horsNoeud.add(trouvee);
            } else {
                n.fiches.add(trouvee);
            }
        }
        objectifsAnterieurs(racines, zone);
        List<NoeudTrouve> noeuds = racines.stream().map(Noeud::trouve).toList();
        List<NiveauTrouve> niveauxTrouves = niveaux(niveaux, racines, niveauFiche, noeuds, horsNoeud);
        PlanTrouve provisoire = new PlanTrouve(modele, niveauxTrouves, ajoutes, noeuds, horsNoeud, List.of(), List.of(), List.of(), List.of(), List.of());
        List<CompteImprime> comptes = comptes(provisoire, niveaux);
        List<CelluleProgramme> programme = programme(provisoire.toutesLesFiches());
        return new PlanTrouve(modele, niveauxTrouves, ajoutes, noeuds, horsNoeud, comptes, programme, List.of(), List.of(), alertes);
    }

    /**
     * What stands just before a fiche start (blank lines skipped) is a node heading when it is short and either
     * numbered ("I 2) …") or a lone list item whose number the extraction dropped ("2) Structurer…" read as an item)
     * printed elsewhere too (the list of enjeux), and not the value of a label printed above it.
     */
    private void enteteAvant(int debut, Map<Integer, Entete> entetes, Map<Integer, Integer> longueurs, boolean nommes) {
        int j = debut - 1;
        while (j >= 0 && (lignes.get(j).genre() == Ligne.NatureDeLigne.VIDE || bruit[j])) {
            j--;
        }
        if (j < 0) {
            return;
        }
        int fin = j;
        while (j - 1 >= 0 && lignes.get(j - 1).genre() != Ligne.NatureDeLigne.VIDE && fin - j < 2 && !bruit[j - 1]) {
            j--;
        }
        int g = j;
        for (int k = g; k <= fin; k++) {
            if (entetes.containsKey(k) || lignes.get(k).genre() == Ligne.NatureDeLigne.TABLEAU || lignes.get(k).genre() == Ligne.NatureDeLigne.TITRE
                    && AnalysePlanTitres.entete(lignes.get(k).texte()).isPresent()) {
                return;
            }
        }
        StringBuilder texte = new StringBuilder();
        for (int k = g; k <= fin; k++) {
            texte.append(k == g ? "" : " ").append(lignes.get(k).texte());
        }
        if (texte.length() > 260 || libelles.reconnaitre(lignes.get(g).texte()).isPresent()) {
            return;
        }
        int avant = g - 1;
        while (avant >= 0 && (lignes.get(avant).genre() == Ligne.NatureDeLigne.VIDE || bruit[avant])) {
            avant--;
        }
        if (avant >= 0 && libelles.reconnaitre(lignes.get(avant).texte()).isPresent()) {
            return;
        }
        Optional<Entete> numerote = AnalysePlanTitres.numerote(texte.toString());
        Entete e = null;
        if (numerote.isPresent()) {
            e = numerote.get();
        } else if (!nommes && lignes.get(g).genre() == Ligne.NatureDeLigne.LISTE && g - 1 >= 0
                && (lignes.get(g - 1).genre() == Ligne.NatureDeLigne.VIDE || bruit[g - 1])
                && imprimeAilleurs(g, texte.toString())) {
            e = new Entete(null, null, AnalysePlanTitres.titre(texte.toString()));
        }
        if (e != null) {
            entetes.put(g, e);
            longueurs.put(g, fin - g + 1);
        }
    }

    /** Whether the same title is printed elsewhere (the list of enjeux of an article repeats the plan's headings). */
    private boolean imprimeAilleurs(int g, String texte) {
        String cle = AnalysePlanTextes.cle(texte);
        for (int k = 0; k < lignes.size(); k++) {
            if (k != g && cleDeTitre(lignes.get(k).texte()).equals(cle)) {
                return true;
            }
        }
        return false;
    }

    private static Noeud plusProfond(Noeud[] pile) {
        for (int q = pile.length - 1; q >= 0; q--) {
            if (pile[q] != null) {
                return pile[q];
            }
        }
        return null;
    }

    /** Ends the fiche being read and decides its node: the node that listed its number, else the current node. */
    private AnalysePlanFiche fermer(AnalysePlanFiche fiche, List<AnalysePlanFiche> lues, Map<AnalysePlanFiche, Noeud> placees,
                                    Noeud[] pile, Map<String, Noeud> index) {
        if (fiche == null) {
            return null;
        }
        if (fiche.reference == null) {
            fiche.reference = fiche.membre(AnalysePlanLibelles.REFERENCE);
        }
        if (fiche.titre == null && fiche.membre(AnalysePlanLibelles.TITRE) != null) {
            fiche.titre = AnalysePlanTitres.titre(fiche.membre(AnalysePlanLibelles.TITRE));
        }
        lues.add(fiche);
        String numero = fiche.reference == null ? null : fiche.reference.replaceAll("\\D", "");
        Noeud noeud;
        if (!index.isEmpty()) {
            noeud = numero == null ? null : index.get(numero);
        } else {
            noeud = plusProfond(pile);
        }
        placees.put(fiche, noeud);
        return null;
    }

    private FicheTrouvee fiche(AnalysePlanFiche f, List<ChampTrouve> ajoutes) {
        Map<String, Object> champs = new LinkedHashMap<>();
        Source source = new Source(f.debut, Math.max(f.debut, f.fin));
        int trouves = 0;
        for (ChampModele c : modele.champs()) {
            List<Morceau> morceaux = f.champs.get(c.cle());
            if (morceaux == null) {
                continue;
            }
            List<String> illisibles = new ArrayList<>();
            Object valeur = AnalysePlanValeurs.siglesLies(AnalysePlanValeurs.valeur(c, morceaux, illisibles), morceaux, siglesLies);
            for (String mot : illisibles) {
                alertes.add(new Alerte("ILLISIBLE", "Fiche " + (f.reference == null ? "?" : f.reference) + ", champ « " + c.libelle()
                        + " » : « " + mot + " » n'est pas une valeur de la liste (ignorée).", source));
            }
            if (valeur != null) {
                champs.put(c.cle(), valeur);
                trouves++;
            }
        }
        for (ChampTrouve a : ajoutes) {
            List<Morceau> morceaux = f.champs.get(AnalysePlanFiche.INCONNU + AnalysePlanTextes.cleDeLibelle(a.libelle()));
            if (morceaux == null) {
                continue;
            }
            List<String> textes = morceaux.stream().map(m -> AnalysePlanTextes.propre(m.texte())).filter(t -> !t.isEmpty()).toList();
            if (!textes.isEmpty()) {
                champs.put(a.cle(), String.join("\n\n", textes));
            }
        }
        String echeances = f.membre(AnalysePlanLibelles.ECHEANCES);
        double confiance = (f.reference == null ? 0.3 : 0.4) + (f.titre == null ? 0 : 0.3) + Math.min(0.3, 0.3 * trouves / Math.max(1, modele.champs().size() / 2.0));
        if (f.titre == null) {
            alertes.add(new Alerte("ILLISIBLE", "Fiche " + (f.reference == null ? "sans référence" : f.reference) + " : intitulé introuvable.", source));
        }
        return new FicheTrouvee(f.reference, f.titre == null ? "(intitulé manquant)" : f.titre, AnalysePlanValeurs.annees(echeances), echeances,
                champs, List.of(), source, Math.round(confiance * 100) / 100.0);
    }

    /** Labels of no template printed in at least two fiches (and a third of them): proposed as added fields. */
    private List<ChampTrouve> champsHorsModele(List<AnalysePlanFiche> fiches) {
        Map<String, Integer> nombre = new LinkedHashMap<>();
        Map<String, String> libelle = new HashMap<>();
        Map<String, Integer> premiere = new HashMap<>();
        for (AnalysePlanFiche f : fiches) {
            for (Map.Entry<String, String> e : f.inconnus.entrySet()) {
                nombre.merge(e.getKey(), 1, Integer::sum);
                libelle.putIfAbsent(e.getKey(), e.getValue());
                premiere.putIfAbsent(e.getKey(), f.debut);
            }
        }
        List<ChampTrouve> ajoutes = new ArrayList<>();
        Set<String> cles = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> e : nombre.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() * 3 >= fiches.size()) {
                String cle = cleDeChamp(e.getKey(), cles);
                Source source = Source.ligne(premiere.get(e.getKey()));
                ajoutes.add(new ChampTrouve(cle, libelle.get(e.getKey()), TypeChampAjoute.TEXTE_LONG, source, 0.6));
                alertes.add(new Alerte("CHAMP_HORS_MODELE", "« " + libelle.get(e.getKey()) + " » est imprimé dans " + e.getValue()
                        + " fiches mais n'est pas un champ du modèle « " + modele.libelle() + " » : proposé comme champ ajouté.", source));
            }
        }
        return ajoutes;
    }

    private static String cleDeChamp(String cle, Set<String> prises) {
        String[] mots = cle.split(" ");
        StringBuilder b = new StringBuilder();
        for (String m : mots) {
            if (m.isEmpty()) {
                continue;
            }
            b.append(b.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1));
        }
        String base = b.length() > 40 ? b.substring(0, 40) : b.toString();
        String choisie = base;
        for (int i = 2; !prises.add(choisie); i++) {
            choisie = base + i;
        }
        return choisie;
    }

    /**
     * Objectives printed for a node earlier in the document (the "enjeux et objectifs" article lists each axe's title
     * followed by its bullets): the bullets after the earlier occurrence of the same title.
     */
    private void objectifsAnterieurs(List<Noeud> racines, int zone) {
        List<Noeud> tous = new ArrayList<>();
        racines.forEach(r -> aplatir(r, tous));
        Set<String> titres = new LinkedHashSet<>();
        tous.forEach(n -> titres.add(AnalysePlanTextes.cle(n.titre)));
        for (Noeud n : tous) {
            if (!n.objectifs.isEmpty()) {
                continue;
            }
            String cle = AnalysePlanTextes.cle(n.titre);
            for (int i = 0; i < Math.min(zone == 0 ? n.debut - 1 : zone, n.debut - 1); i++) {
                if (!cleDeTitre(lignes.get(i).texte()).equals(cle)) {
                    continue;
                }
                List<String> objectifs = new ArrayList<>();
                for (int k = i + 1; k < lignes.size(); k++) {
                    Ligne l = lignes.get(k);
                    if (l.genre() == Ligne.NatureDeLigne.VIDE || bruit[k]) {
                        continue;
                    }
                    if (l.genre() != Ligne.NatureDeLigne.LISTE || titres.contains(cleDeTitre(l.texte()))) {
                        break;
                    }
                    objectifs.add(AnalysePlanTextes.propre(l.texte()));
                }
                n.objectifs.addAll(objectifs);
                break;
            }
        }
    }

    private static String cleDeTitre(String texte) {
        return AnalysePlanTitres.numerote(texte).map(e -> AnalysePlanTextes.cle(e.titre())).orElse(AnalysePlanTextes.cle(texte));
    }

    private static void aplatir(Noeud n, List<Noeud> tous) {
        tous.add(n);
        n.enfants.forEach(e -> aplatir(e, tous));
    }

    private static List<NiveauTrouve> niveaux(List<String> noms, List<Noeud> racines, String niveauFiche, List<NoeudTrouve> noeuds,
                                              List<FicheTrouvee> horsNoeud) {
        List<NiveauTrouve> niveaux = new ArrayList<>();
        for (int p = 0; p < noms.size(); p++) {
            List<List<String>> parParent = new ArrayList<>();
            referencesDeNiveau(racines, p, parParent);
            niveaux.add(new NiveauTrouve(noms.get(p), numerotation(parParent, p == 0), "", null, 0.9));
        }
        PlanTrouve tmp = new PlanTrouve(null, List.of(), List.of(), noeuds, horsNoeud, List.of(), List.of(), List.of(), List.of(), List.of());
        List<String> refs = tmp.toutesLesFiches().stream().map(FicheTrouvee::reference).toList();
        niveaux.add(new NiveauTrouve(niveauFiche, numerotation(List.of(refs), false), prefixe(refs), null, 0.9));
        if (niveaux.size() == 1) {
            niveaux.add(0, new NiveauTrouve("Axe", Numerotation.CONTINUE, "", null, 0.3));
        }
        return niveaux;
    }

    /** The letters of the first reference ("G" for G1, "FA" for FA1): the prefix the product keeps for the level, as the demo loader does. */
    private static String prefixe(List<String> references) {
        return references.stream().filter(r -> r != null && r.matches("[A-Za-z]{1,4}\\d+")).findFirst()
                .map(r -> r.replaceAll("\\d+$", "")).orElse("");
    }

    private static void referencesDeNiveau(List<Noeud> noeuds, int profondeur, List<List<String>> parParent) {
        List<String> ici = new ArrayList<>();
        for (Noeud n : noeuds) {
            if (n.profondeur == profondeur) {
                ici.add(n.reference);
            } else {
                referencesDeNiveau(n.enfants, profondeur, parParent);
            }
        }
        if (!ici.isEmpty()) {
            parParent.add(ici);
        }
    }

    private static Numerotation numerotation(List<List<String>> parParent, boolean haut) {
        List<String> toutes = parParent.stream().flatMap(List::stream).toList();
        if (toutes.isEmpty() || toutes.stream().allMatch(r -> r == null || r.isBlank())) {
            return Numerotation.AUCUNE;
        }
        if (toutes.stream().allMatch(r -> r != null && r.matches("\\d+"))) {
            return !haut && toutes.size() != new LinkedHashSet<>(toutes).size() ? Numerotation.PAR_PARENT : Numerotation.CONTINUE;
        }
        return Numerotation.LIBRE;
    }

    /** Counts printed in the plan's description ("structuré autour de 5 thématiques, 11 axes stratégiques et 32 actions"). */
    private List<CompteImprime> comptes(PlanTrouve plan, List<String> niveaux) {
        List<CompteImprime> comptes = new ArrayList<>();
        for (Ligne l : lignes) {
            String cle = AnalysePlanTextes.cle(l.texte());
            if (l.genre() == Ligne.NatureDeLigne.TABLEAU || !(cle.contains("plan d action") || cle.contains("structure autour"))) {
                continue;
            }
            Matcher m = COMPTE.matcher(AnalysePlanTextes.propre(l.texte()));
            while (m.find()) {
                comptes.add(new CompteImprime(m.group(2).toLowerCase(java.util.Locale.ROOT), Integer.parseInt(m.group(1)), Source.ligne(l.numero())));
            }
            if (!comptes.isEmpty()) {
                break;
            }
        }
        int fiches = plan.toutesLesFiches().size();
        for (CompteImprime c : comptes) {
            String cle = AnalysePlanTextes.cle(c.libelle());
            int trouve;
            if (cle.startsWith("action") || cle.startsWith("fiche")) {
                trouve = fiches;
            } else {
                int p = -1;
                for (int i = 0; i < niveaux.size(); i++) {
                    String n = AnalysePlanTextes.cle(niveaux.get(i));
                    if (cle.startsWith(n) || cle.replaceAll("s\\b", "").startsWith(n) || n.startsWith(cle.replaceAll("s\\b", ""))) {
                        p = i;
                    }
                }
                if (p < 0) {
                    continue;
                }
                trouve = compterNiveau(plan.noeuds(), p, 0);
            }
            if (trouve != c.valeur()) {
                alertes.add(new Alerte("TOTAL_DIFFERENT", "Le document annonce " + c.valeur() + " " + c.libelle() + " ; l'analyse en a trouvé "
                        + trouve + ".", c.source()));
            }
        }
        return comptes;
    }

    private static int compterNiveau(List<NoeudTrouve> noeuds, int voulu, int profondeur) {
        int n = 0;
        for (NoeudTrouve x : noeuds) {
            n += profondeur == voulu ? 1 : compterNiveau(x.noeuds(), voulu, profondeur + 1);
        }
        return n;
    }

    /**
     * The programme table: a header row of years ("Année 2026 … Année 2030"), then one row per action with the
     * action written in the columns of its years ("action 6 : …"); a cell without a number is matched by title.
     */
    private List<CelluleProgramme> programme(List<FicheTrouvee> fiches) {
        List<CelluleProgramme> meilleures = List.of();
        int meilleur = 0;
        for (int i = 0; i < lignes.size(); i++) {
            Ligne l = lignes.get(i);
            if (l.genre() != Ligne.NatureDeLigne.TABLEAU) {
                continue;
            }
            List<Integer> annees = new ArrayList<>();
            int reconnues = 0;
            for (String c : l.cellules()) {
                Matcher m = ANNEE_DE_COLONNE.matcher(AnalysePlanTextes.propre(c));
                annees.add(m.matches() ? Integer.parseInt(m.group(1)) : null);
                reconnues += m.matches() ? 1 : 0;
            }
            if (reconnues < 3 || reconnues < l.cellules().size() - 1) {
                continue;
            }
            List<CelluleProgramme> cellules = new ArrayList<>();
            int rang = 0;
            int reconnuesParAction = 0;
            for (int k = i + 1; k < lignes.size() && lignes.get(k).genre() == Ligne.NatureDeLigne.TABLEAU; k++) {
                rang++;
                List<String> rangee = lignes.get(k).cellules();
                for (int j = 0; j < rangee.size() && j < annees.size(); j++) {
                    String texte = AnalysePlanTextes.propre(rangee.get(j));
                    if (texte.isEmpty() || annees.get(j) == null) {
                        continue;
                    }
                    Optional<FicheTrouvee> f = ficheDeCellule(texte, fiches);
                    String reference = f.map(FicheTrouvee::reference).orElse(null);
                    double confiance = f.isPresent() ? 0.9 : 0.4;
                    reconnuesParAction += f.isPresent() ? 1 : 0;
                    if (reference == null && rang <= fiches.size()) {
                        // A truncated title: the rows follow the actions' order.
                        reference = fiches.get(rang - 1).reference();
                        confiance = 0.5;
                    }
                    cellules.add(new CelluleProgramme(reference, annees.get(j), texte, Source.ligne(k + 1), confiance));
                }
            }
            if (reconnuesParAction > meilleur && reconnuesParAction * 2 >= cellules.size()) {
                meilleur = reconnuesParAction;
                meilleures = cellules;
            }
        }
        return meilleures;
    }

    private static Optional<FicheTrouvee> ficheDeCellule(String texte, List<FicheTrouvee> fiches) {
        Matcher m = ACTION_DE_CELLULE.matcher(texte);
        if (m.matches()) {
            String numero = m.group(1);
            Optional<FicheTrouvee> f = fiches.stream().filter(x -> x.reference() != null && x.reference().replaceAll("\\D", "").equals(numero)).findFirst();
            if (f.isPresent()) {
                return f;
            }
            texte = m.group(2);
        }
        String cle = AnalysePlanTextes.cle(texte);
        if (cle.length() < 12) {
            return Optional.empty();
        }
        return fiches.stream().filter(x -> {
            String t = AnalysePlanTextes.cle(x.titre());
            return t.equals(cle) || t.endsWith(cle) || t.startsWith(cle);
        }).findFirst();
    }
}
