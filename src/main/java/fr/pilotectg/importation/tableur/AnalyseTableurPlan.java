package fr.pilotectg.importation.tableur;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.documents.TableurColonne;
import fr.pilotectg.documents.TableurFeuille;
import fr.pilotectg.documents.TableursExportes;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.TypeChamp;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Component;

/**
 * Reads back the plan table: each row is compared, column by column and by header name, with the row the export
 * would write now for the same fiche (found by reference, else by title for a row without version). A differing cell
 * of an editable column is a « champ modifié »; a row of no fiche is a « fiche créée »; a differing row whose version
 * is not the fiche's current one is a conflict (ADR 0036).
 */
@Component
class AnalyseTableurPlan {

    static final String FEUILLE = "Plan d'actions";
    private static final String REFERENCE = "Référence";
    private static final String TITRE = "Titre";
    private static final String ANNEES = "Années prévues";
    private static final String ECHEANCES = "Échéances";
    private static final Set<TypeChamp> MODIFIABLES = Set.of(TypeChamp.TEXTE, TypeChamp.VOCABULAIRE, TypeChamp.LISTE,
            TypeChamp.TERRITOIRES, TypeChamp.VOCABULAIRES);

    private final ConventionService conventions;
    private final PlanService plans;
    private final TableursExportes exports;

    AnalyseTableurPlan(ConventionService conventions, PlanService plans, TableursExportes exports) {
        this.conventions = conventions;
        this.plans = plans;
        this.exports = exports;
    }

    record Resultat(ApercuTableur apercu, List<OperationTableur> operations) {
    }

    Resultat analyser(long conventionId, FeuilleLue feuille) {
        Convention convention = conventions.convention(conventionId);
        if (plans.planSiExiste(conventionId).isEmpty()) {
            throw new ErreurValidation("fichier", "Cette convention n'a pas encore de plan d'actions : créez-le (ou importez "
                    + "le document de la convention) avant d'importer un tableau du plan.");
        }
        ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
        TableurFeuille export = exports.plan(conventionId).premiereFeuille();
        List<String> attendues = export.colonnes().stream().map(TableurColonne::titre).toList();
        Map<String, Integer> rangExport = new HashMap<>();
        for (int i = 0; i < attendues.size(); i++) {
            rangExport.putIfAbsent(attendues.get(i), i);
        }
        Constat constat = new Constat(feuille.nom());
        Colonnes colonnes = new Colonnes(feuille.entetes(), attendues);
        verifierEntetes(colonnes, attendues, constat);
        if (!constat.erreurs.isEmpty()) {
            return new Resultat(constat.apercu("plan", feuille.lignes().size()), List.of());
        }

        Map<String, ChampModele> champs = new LinkedHashMap<>();
        arbre.plan().modele().champs().forEach(c -> champs.putIfAbsent(c.libelle(), c));
        Set<String> chemins = new LinkedHashSet<>(arbre.plan().niveauxDeNoeuds().stream().map(Niveau::nom).toList());
        Map<String, Fiche> parReference = new HashMap<>();
        Map<String, Fiche> parTitre = new HashMap<>();
        for (Fiche fiche : arbre.fichesDansLOrdre()) {
            parReference.putIfAbsent(Canonique.comparable(fiche.reference()), fiche);
            parTitre.putIfAbsent(Canonique.comparable(fiche.titre()), fiche);
        }
        Map<String, List<Object>> lignesExport = new HashMap<>();
        int colRef = rangExport.get(REFERENCE);
        for (List<Object> ligne : export.lignes()) {
            lignesExport.putIfAbsent(Canonique.comparable(TableursExportes.texte(ligne.get(colRef))), ligne);
        }
        List<Integer> annees = PlanService.anneesPeriode(convention);
        boolean peutCreer = plans.peutModifierLePlan(conventionId);
        boolean verrouillee = conventions.contractuelVerrouille(convention);

        List<OperationTableur> operations = new ArrayList<>();
        Map<Long, Integer> dejaVues = new HashMap<>();
        for (FeuilleLue.LigneLue ligne : feuille.lignes()) {
            String reference = Canonique.texte(ligne.cellule(colonnes.index(REFERENCE)));
            String version = Canonique.texte(ligne.cellule(colonnes.index(TableursExportes.VERSION)));
            String titre = Canonique.texte(ligne.cellule(colonnes.index(TITRE)));
            Fiche fiche = reference.isEmpty() ? null : parReference.get(Canonique.comparable(reference));
            if (fiche == null && reference.isEmpty() && !titre.isEmpty()) {
                // A fiche without a reference (a plan numbered freely) is known by its title.
                fiche = parTitre.get(Canonique.comparable(titre));
            }
            if (fiche == null && !version.isEmpty()) {
                constat.erreur(ligne.numero(), REFERENCE, reference.isEmpty()
                        ? "la fiche sans référence « " + titre + " » n'est plus dans le plan (supprimée depuis l'export, ou son titre "
                        + "a changé : une fiche sans référence est reconnue par son titre, qui ne se change donc pas par import) : "
                        + "exportez à nouveau le plan."
                        : "la fiche « " + reference + " » n'est plus dans le plan (supprimée "
                        + "ou renumérotée depuis l'export ; une référence ne se change pas par import) : exportez à nouveau le plan.");
                continue;
            }
            if (fiche == null && !titre.isEmpty()) {
                fiche = parTitre.get(Canonique.comparable(titre));
            }
            if (fiche != null) {
                Integer avant = dejaVues.put(fiche.id(), ligne.numero());
                if (avant != null) {
                    constat.erreur(ligne.numero(), REFERENCE, "la fiche « " + fiche.reference() + " » est déjà sur la ligne " + avant + ".");
                    continue;
                }
                comparer(ligne, fiche, lignesExport.get(Canonique.comparable(fiche.reference())), version, attendues, rangExport,
                        colonnes, champs, chemins, annees, convention, constat, operations);
            } else {
                if (peutCreer && verrouillee) {
                    constat.erreur(ligne.numero(), null, "la convention est signée : ajouter une fiche passe par un avenant.");
                    continue;
                }
                creer(ligne, reference, titre, attendues, colonnes, champs, chemins, annees, arbre, peutCreer, constat, operations);
            }
        }
        return new Resultat(constat.apercu("plan", feuille.lignes().size()), operations);
    }

    private static void verifierEntetes(Colonnes colonnes, List<String> attendues, Constat constat) {
        for (String requise : List.of(REFERENCE, TITRE, TableursExportes.VERSION)) {
            if (!colonnes.presente(requise)) {
                constat.erreur(1, requise, "colonne introuvable (titres lus : " + String.join(", ", colonnes.inconnues())
                        + ") : gardez les titres de colonnes du tableau exporté ; l'ordre des colonnes, lui, est libre.");
            }
        }
        colonnes.doublons().forEach(d -> constat.erreur(1, d, "colonne en double."));
        colonnes.inconnues().forEach(c -> constat.avertissements.add("Colonne « " + c + " » inconnue : ignorée."));
        attendues.stream().filter(a -> !colonnes.presente(a) && !List.of(REFERENCE, TITRE, TableursExportes.VERSION).contains(a))
                .forEach(a -> constat.avertissements.add("Colonne « " + a + " » absente : ses valeurs ne changent pas."));
    }

    private void comparer(FeuilleLue.LigneLue ligne, Fiche fiche, List<Object> exportee, String version, List<String> attendues,
                          Map<String, Integer> rangExport, Colonnes colonnes, Map<String, ChampModele> champs, Set<String> chemins,
                          List<Integer> annees, Convention convention, Constat constat, List<OperationTableur> operations) {
        Map<String, String[]> differences = new LinkedHashMap<>();
        for (String colonne : attendues) {
            if (colonne.equals(REFERENCE) || colonne.equals(TableursExportes.VERSION) || !colonnes.presente(colonne)) {
                continue;
            }
            String avant = exportee == null ? "" : TableursExportes.texte(exportee.get(rangExport.get(colonne)));
            String apres = ligne.cellule(colonnes.index(colonne));
            if (!Canonique.comparable(avant).equals(Canonique.comparable(apres))) {
                differences.put(colonne, new String[] {Canonique.texte(avant), Canonique.texte(apres)});
            }
        }
        if (differences.isEmpty()) {
            return;
        }
        if (!Canonique.comparable(version).equals(String.valueOf(fiche.version()))) {
            constat.erreur(ligne.numero(), TableursExportes.VERSION, "conflit : la fiche « " + fiche.reference() + " » a été "
                    + "modifiée dans Pilote CTG depuis l'export (version " + (version.isEmpty() ? "absente" : version)
                    + " dans le fichier, " + fiche.version() + " aujourd'hui) ; le fichier change " + String.join(", ",
                    differences.keySet().stream().map(c -> "« " + c + " »").toList())
                    + ". Exportez à nouveau le plan et reportez-y ces changements.");
            return;
        }
        if (!plans.peutModifier(convention, fiche)) {
            constat.refus(ligne.numero(), null, "vous pouvez consulter la fiche « " + fiche.reference()
                    + " » mais pas la modifier (seuls ses porteurs et les gestionnaires de la convention le peuvent).");
            return;
        }
        Contenu contenu = new Contenu(fiche.titre(), fiche.champs(), fiche.annees(), fiche.echeances());
        int erreurs = constat.erreurs.size();
        for (Map.Entry<String, String[]> difference : differences.entrySet()) {
            String colonne = difference.getKey();
            String apres = difference.getValue()[1];
            if (!appliquer(colonne, apres, contenu, champs, annees, ligne.numero(), constat)) {
                constat.erreur(ligne.numero(), colonne, (chemins.contains(colonne)
                        ? "déplacer une fiche se fait sur la page du plan, pas par import"
                        : "cette colonne ne se modifie pas par import de tableur : modifiez-la sur la page de la fiche")
                        + " (« " + Constat.court(difference.getValue()[0]) + " » → « " + Constat.court(apres) + " »).");
                continue;
            }
            constat.changement(ligne.numero(), fiche.reference(), "champ modifié", colonne, difference.getValue()[0], apres);
        }
        if (constat.erreurs.size() == erreurs) {
            operations.add(new OperationTableur.ModificationFiche(fiche.id(), fiche.version(), new ContenuFiche(fiche.reference(),
                    contenu.titre, contenu.champs(), contenu.annees, contenu.echeances, fiche.notes(), fiche.debut(), fiche.fin())));
        }
    }

    private void creer(FeuilleLue.LigneLue ligne, String reference, String titre, List<String> attendues, Colonnes colonnes,
                       Map<String, ChampModele> champs, Set<String> chemins, List<Integer> annees, ArbrePlan arbre,
                       boolean peutCreer, Constat constat, List<OperationTableur> operations) {
        if (!peutCreer) {
            constat.refus(ligne.numero(), null, "seuls les gestionnaires de la convention ajoutent des fiches au plan.");
            return;
        }
        if (titre.isEmpty()) {
            constat.erreur(ligne.numero(), TITRE, "une nouvelle fiche doit avoir un titre.");
            return;
        }
        int erreurs = constat.erreurs.size();
        Contenu contenu = new Contenu(titre, ChampsFiche.VIDES, List.of(), null);
        String noeud = null;
        String colonneNoeud = null;
        for (String colonne : attendues) {
            if (!colonnes.presente(colonne) || List.of(REFERENCE, TITRE, TableursExportes.VERSION).contains(colonne)) {
                continue;
            }
            String valeur = Canonique.texte(ligne.cellule(colonnes.index(colonne)));
            if (valeur.isEmpty()) {
                continue;
            }
            if (chemins.contains(colonne)) {
                noeud = valeur;
                colonneNoeud = colonne;
            } else if (!appliquer(colonne, valeur, contenu, champs, annees, ligne.numero(), constat)) {
                constat.erreur(ligne.numero(), colonne, "cette colonne ne se remplit pas par import de tableur : renseignez-la "
                        + "sur la page de la fiche une fois créée.");
            }
        }
        Long noeudId = null;
        if (noeud != null) {
            Optional<Long> trouve = noeud(arbre, noeud);
            if (trouve.isEmpty()) {
                constat.erreur(ligne.numero(), colonneNoeud, "« " + Constat.court(noeud) + " » n'est pas un élément du plan : "
                        + "recopiez l'intitulé d'une autre ligne.");
                return;
            }
            noeudId = trouve.get();
        }
        if (constat.erreurs.size() == erreurs) {
            constat.changement(ligne.numero(), reference, "fiche créée", null, null, titre);
            operations.add(new OperationTableur.CreationFiche(noeudId, new ContenuFiche(reference.isEmpty() ? null : reference,
                    contenu.titre, contenu.champs(), contenu.annees, contenu.echeances, List.of())));
        }
    }

    /** The node named by a path cell as the export writes it (« 1 — Titre »), or by its title or reference alone. */
    private static Optional<Long> noeud(ArbrePlan arbre, String cellule) {
        String cherche = Canonique.comparable(cellule);
        List<ArbrePlan.Branche> branches = arbre.branches().toList();
        for (int passe = 0; passe < 3; passe++) {
            final int p = passe;
            List<ArbrePlan.Branche> trouvees = branches.stream().filter(b -> {
                String reference = b.noeud().reference() == null ? "" : b.noeud().reference();
                String nom = switch (p) {
                    case 0 -> (reference.isBlank() ? "" : reference + " — ") + b.noeud().titre();
                    case 1 -> b.noeud().titre();
                    default -> reference;
                };
                return !nom.isBlank() && Canonique.comparable(nom).equals(cherche);
            }).toList();
            if (trouvees.size() == 1) {
                return Optional.of(trouvees.get(0).noeud().id());
            }
        }
        return Optional.empty();
    }

    /** Puts a cell's value into the fiche being built; false when the column is not one an import may write. */
    private static boolean appliquer(String colonne, String valeur, Contenu contenu, Map<String, ChampModele> champs,
                                     List<Integer> annees, int ligne, Constat constat) {
        String texte = Canonique.texte(valeur);
        if (colonne.equals(TITRE)) {
            if (texte.isEmpty()) {
                constat.erreur(ligne, colonne, "le titre d'une fiche ne peut pas être vide.");
            }
            contenu.titre = texte;
            return true;
        }
        if (colonne.equals(ECHEANCES)) {
            contenu.echeances = texte.isEmpty() ? null : texte;
            return true;
        }
        if (colonne.equals(ANNEES)) {
            List<Integer> lues = new ArrayList<>();
            for (String morceau : texte.split("[,;\\s]+")) {
                if (morceau.isBlank()) {
                    continue;
                }
                Integer annee = morceau.matches("\\d{4}") ? Integer.valueOf(morceau) : null;
                if (annee == null || (!annees.isEmpty() && !annees.contains(annee))) {
                    constat.erreur(ligne, colonne, "année « " + Constat.court(morceau) + " » invalide : années de la convention "
                            + (annees.isEmpty() ? "non connues" : annees.toString().replaceAll("[\\[\\]]", "")) + ".");
                    return true;
                }
                lues.add(annee);
            }
            contenu.annees = lues;
            return true;
        }
        ChampModele champ = champs.get(colonne);
        if (champ == null || !MODIFIABLES.contains(champ.type())) {
            return false;
        }
        List<String> lignes = texte.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        switch (champ.type()) {
            case TEXTE -> contenu.texte(champ.cle(), texte.isEmpty() ? null : texte);
            case VOCABULAIRE -> contenu.texte(champ.cle(), texte.isEmpty() ? null : code(champ, texte, ligne, constat));
            case VOCABULAIRES -> contenu.liste(champ.cle(), lignes.stream().map(l -> code(champ, l, ligne, constat)).toList());
            default -> contenu.liste(champ.cle(), lignes);
        }
        return true;
    }

    private static String code(ChampModele champ, String libelle, int ligne, Constat constat) {
        if (champ.vocabulaire() == null) {
            return libelle;
        }
        for (Map.Entry<String, String> valeur : champ.vocabulaire().valeurs().entrySet()) {
            if (Canonique.nom(valeur.getValue()).equals(Canonique.nom(libelle)) || valeur.getKey().equals(libelle)) {
                return valeur.getKey();
            }
        }
        constat.erreur(ligne, champ.libelle(), "valeur « " + Constat.court(libelle) + " » inconnue : valeurs possibles "
                + String.join(", ", champ.vocabulaire().valeurs().values()) + ".");
        return libelle;
    }

    /** The fiche being built from a row. */
    private static final class Contenu {
        String titre;
        final Map<String, String> textes;
        final Map<String, List<String>> listes;
        final ChampsFiche base;
        List<Integer> annees;
        String echeances;

        Contenu(String titre, ChampsFiche champs, List<Integer> annees, String echeances) {
            this.titre = titre;
            this.base = champs;
            this.textes = new HashMap<>(champs.textes());
            this.listes = new HashMap<>(champs.listes());
            this.annees = annees;
            this.echeances = echeances;
        }

        void texte(String cle, String valeur) {
            if (valeur == null) {
                textes.remove(cle);
            } else {
                textes.put(cle, valeur);
            }
        }

        void liste(String cle, List<String> valeurs) {
            if (valeurs.isEmpty()) {
                listes.remove(cle);
            } else {
                listes.put(cle, valeurs);
            }
        }

        ChampsFiche champs() {
            return new ChampsFiche(textes, listes, base.organisations(), base.indicateurs());
        }
    }
}
