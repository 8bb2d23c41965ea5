package fr.pilotectg.importation;

import fr.pilotectg.importation.AnnexesTrouvees.CompetenceAoTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.LigneProjectionTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.ProjectionTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.TotalImprime;
import fr.pilotectg.importation.AnnexesTrouvees.ValeurAnnuelle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AO tables: the matrix of the four competences (one row per collectivité, the ticked box of each cell
 * giving the mode) and the projection table of each AO (one row per mode of care, current figure then one column
 * per year, then the needs and projects columns). Columns are recognised by their header, not their position.
 */
final class AnalyseAo {

    private static final Pattern ANNEE = Pattern.compile("^(19|20)\\d{2}$");
    private static final Pattern NOMBRE_ET_TEXTE = Pattern.compile("^\\s*(\\d[\\d  ]*(?:[.,]\\d+)?)\\s*(.*)$");

    private AnalyseAo() {
    }

    record Resultat(List<CompetenceAoTrouvee> matrice, List<ProjectionTrouvee> projections, List<TotalImprime> totaux) {
    }

    static Resultat analyser(List<AnnexesLigne> lignes) {
        List<CompetenceAoTrouvee> matrice = new ArrayList<>();
        List<ProjectionTrouvee> projections = new ArrayList<>();
        List<TotalImprime> totaux = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (!l.tableau()) {
                continue;
            }
            Map<Integer, String> competences = competences(l.cellules());
            if (competences.size() >= 2) {
                i = matrice(lignes, i, competences, matrice);
                continue;
            }
            String premiere = AnnexesTexte.cle(l.cellules().get(0));
            if (premiere.contains("mode d accueil") || premiere.startsWith("type de mode")) {
                i = projection(lignes, i, projections, totaux);
            }
        }
        return new Resultat(matrice, projections, totaux);
    }

    private static Map<Integer, String> competences(List<String> cellules) {
        Map<Integer, String> r = new LinkedHashMap<>();
        for (int c = 0; c < cellules.size(); c++) {
            String k = AnnexesTexte.cle(cellules.get(c));
            if (k.startsWith("recenser")) {
                r.put(c, "RECENSER_BESOINS");
            } else if (k.startsWith("inform")) {
                r.put(c, "INFORMER_ACCOMPAGNER");
            } else if (k.startsWith("planifier")) {
                r.put(c, "PLANIFIER");
            } else if (k.startsWith("soutenir la qualite") || k.startsWith("soutenir qualite")) {
                r.put(c, "SOUTENIR_QUALITE");
            }
        }
        return r;
    }

    private static int matrice(List<AnnexesLigne> lignes, int entete, Map<Integer, String> competences, List<CompetenceAoTrouvee> matrice) {
        int i = entete + 1;
        for (; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (l.vide() || l.bruit()) {
                continue;
            }
            if (!l.tableau()) {
                break;
            }
            List<String> c = l.cellules();
            String collectivite = c.get(0).replaceAll("\\s+", " ").strip();
            if (collectivite.isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, String> e : competences.entrySet()) {
                if (e.getKey() >= c.size()) {
                    continue;
                }
                String cellule = c.get(e.getKey());
                String mode = mode(cellule);
                if (mode == null) {
                    continue;
                }
                Integer population = null;
                Matcher p = Pattern.compile("(?i)population[^:]*:\\s*([\\d  ]+)").matcher(cellule);
                if (p.find()) {
                    population = AnnexesTexte.nombre(p.group(1));
                }
                String imprime = cellule.contains(AnnexesTexte.COCHE) ? texteCoche(cellule) : cellule;
                matrice.add(new CompetenceAoTrouvee(collectivite, e.getValue(), mode, imprime,
                        "TRANSFEREE_PAR_CERTAINES_COMMUNES".equals(mode) ? population : null, Source.ligne(l.numero()),
                        cellule.contains(AnnexesTexte.COCHE) ? 0.95 : 0.7));
            }
        }
        return i - 1;
    }

    /** The option following the ticked box, else the whole cell. */
    private static String texteCoche(String cellule) {
        int k = cellule.indexOf(AnnexesTexte.COCHE);
        String suite = cellule.substring(k + AnnexesTexte.COCHE.length());
        int fin = suite.indexOf('[');
        return (fin >= 0 ? suite.substring(0, fin) : suite).replaceAll("[.\\s]+$", "").strip();
    }

    /** The ModeExercice of a matrix cell: the ticked option, or a plain "oui"/"X"/"commune". */
    static String mode(String cellule) {
        String choisi = cellule.contains(AnnexesTexte.COCHE) ? texteCoche(cellule) : cellule;
        String k = AnnexesTexte.cle(choisi);
        if (k.isEmpty() || cellule.contains(AnnexesTexte.NON_COCHE) && !cellule.contains(AnnexesTexte.COCHE)) {
            return null;
        }
        if (k.contains("certaines")) {
            return "TRANSFEREE_PAR_CERTAINES_COMMUNES";
        }
        if (k.contains("ensemble") || k.contains("toutes")) {
            return "TRANSFEREE_PAR_TOUTES_LES_COMMUNES";
        }
        if (k.contains("commune") || k.equals("oui") || k.equals("x") || k.contains("exercee")) {
            return "EXERCEE_PAR_LA_COMMUNE";
        }
        if (k.contains("sans objet") || k.equals("non")) {
            return "SANS_OBJET";
        }
        return null;
    }

    private static int projection(List<AnnexesLigne> lignes, int entete, List<ProjectionTrouvee> projections, List<TotalImprime> totaux) {
        String ao = aoAvant(lignes, entete);
        List<String> e1 = lignes.get(entete).cellules();
        Map<Integer, Integer> annees = new LinkedHashMap<>();
        int debut = entete + 1;
        annees(e1, annees);
        List<String> e2 = List.of();
        if (annees.isEmpty() && entete + 1 < lignes.size()) {
            e2 = new ArrayList<>(lignes.get(entete + 1).cellules());
            annees(e2, annees);
            debut = entete + 2;
            // the extraction may have dropped the leading empty cells of the years row: align it under "Projection"
            int projection = -1;
            for (int c = 0; c < e1.size(); c++) {
                if (AnnexesTexte.cle(e1.get(c)).startsWith("projection")) {
                    projection = c;
                    break;
                }
            }
            if (!annees.isEmpty() && projection > 0 && annees.keySet().iterator().next() < projection) {
                int decalage = projection - annees.keySet().iterator().next();
                Map<Integer, Integer> alignees = new LinkedHashMap<>();
                annees.forEach((c, a) -> alignees.put(c + decalage, a));
                annees.clear();
                annees.putAll(alignees);
                for (int k = 0; k < decalage; k++) {
                    ((List<String>) e2).add(0, "");
                }
            }
        }
        int actuel = -1, besoins = -1, autres = -1, type = -1, cout = -1, ingenierie = -1;
        for (List<String> e : List.of(e1, e2)) {
            for (int c = 0; c < e.size(); c++) {
                String k = AnnexesTexte.cle(e.get(c));
                if (k.startsWith("nb de places") || k.startsWith("nombre de places") || k.startsWith("actuel")) {
                    actuel = c;
                } else if (k.contains("emplois") && k.contains("competences")) {
                    besoins = c;
                } else if (k.startsWith("autres besoins")) {
                    autres = c;
                } else if (k.startsWith("preciser le type") || k.startsWith("si projets") && type < 0) {
                    type = c;
                } else if (k.startsWith("couts") || k.startsWith("cout")) {
                    cout = c;
                } else if (k.startsWith("ingenierie")) {
                    ingenierie = c;
                }
            }
        }
        if (annees.isEmpty()) {
            return entete;
        }
        int premiereAnnee = annees.keySet().iterator().next();
        if (actuel < 0) {
            actuel = premiereAnnee - 1;
        }
        int apresAnnees = annees.keySet().stream().mapToInt(Integer::intValue).max().orElse(premiereAnnee) + 1;
        if (besoins < 0) {
            besoins = apresAnnees;
        }
        if (autres < 0) {
            autres = besoins + 1;
        }
        if (type < 0) {
            type = autres + 1;
        }
        if (cout < 0) {
            cout = type + 1;
        }
        if (ingenierie < 0) {
            ingenierie = cout + 1;
        }
        List<LigneProjectionTrouvee> lignesTrouvees = new ArrayList<>();
        int i = debut;
        int premiere = -1;
        for (; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (l.vide() || l.bruit()) {
                continue;
            }
            if (!l.tableau()) {
                break;
            }
            List<String> c = l.cellules();
            String libelle = c.get(0);
            if (libelle.isBlank()) {
                continue;
            }
            premiere = premiere < 0 ? l.numero() : premiere;
            String mode = modeAccueil(libelle);
            if (AnnexesTexte.cle(libelle).startsWith("total")) {
                for (Map.Entry<Integer, Integer> a : annees.entrySet()) {
                    Integer imprime = AnnexesTexte.nombre(cellule(c, a.getKey()));
                    if (imprime != null) {
                        int somme = lignesTrouvees.stream().flatMap(x -> x.annees().stream())
                                .filter(v -> v.annee() == a.getValue() && v.valeur() != null).mapToInt(ValeurAnnuelle::valeur).sum();
                        totaux.add(new TotalImprime("Projection " + a.getValue() + (ao == null ? "" : " — " + ao), imprime, somme, Source.ligne(l.numero())));
                    }
                }
                continue;
            }
            Integer valeurActuelle = null;
            String precision = null;
            String actuelCellule = cellule(c, actuel);
            if (actuelCellule != null) {
                Matcher m = NOMBRE_ET_TEXTE.matcher(actuelCellule);
                if (m.matches()) {
                    valeurActuelle = AnnexesTexte.nombre(m.group(1));
                    precision = m.group(2).isBlank() ? null : actuelCellule.strip();
                    if ("RPE".equals(mode) && precision != null && !AnnexesTexte.cle(precision).contains("etp")) {
                        valeurActuelle = null;
                    }
                } else {
                    precision = actuelCellule;
                }
            }
            List<ValeurAnnuelle> valeurs = new ArrayList<>();
            for (Map.Entry<Integer, Integer> a : annees.entrySet()) {
                String v = cellule(c, a.getKey());
                if (v == null) {
                    continue;
                }
                Matcher m = NOMBRE_ET_TEXTE.matcher(v);
                if (m.matches()) {
                    String reste = m.group(2).replaceAll("^[A-Za-z]{2,4}\\b\\s*", "").replaceAll("^\\((.*)\\)$", "$1").strip();
                    valeurs.add(new ValeurAnnuelle(a.getValue(), AnnexesTexte.nombre(m.group(1)), reste.isEmpty() ? null : reste));
                } else {
                    valeurs.add(new ValeurAnnuelle(a.getValue(), null, v));
                }
            }
            lignesTrouvees.add(new LigneProjectionTrouvee(mode, libelle, valeurActuelle, precision, valeurs, cellule(c, besoins),
                    cellule(c, autres), cellule(c, type), cellule(c, cout), cellule(c, ingenierie), Source.ligne(l.numero()),
                    "AUTRE".equals(mode) ? 0.7 : 0.9));
        }
        if (!lignesTrouvees.isEmpty()) {
            projections.add(new ProjectionTrouvee(ao, lignesTrouvees, new Source(premiere, lignesTrouvees.get(lignesTrouvees.size() - 1).source().fin()),
                    ao == null ? 0.6 : 0.9));
        }
        return i - 1;
    }

    private static void annees(List<String> cellules, Map<Integer, Integer> annees) {
        for (int c = 0; c < cellules.size(); c++) {
            if (ANNEE.matcher(cellules.get(c).strip()).matches()) {
                annees.put(c, Integer.valueOf(cellules.get(c).strip()));
            }
        }
    }

    private static String cellule(List<String> c, int i) {
        return i >= 0 && i < c.size() && !c.get(i).isBlank() ? c.get(i).strip() : null;
    }

    /** "Autorité organisatrice compétente … : X" within the few lines above the table. */
    private static String aoAvant(List<AnnexesLigne> lignes, int entete) {
        for (int j = entete - 1; j >= Math.max(0, entete - 6); j--) {
            String t = lignes.get(j).texte();
            if (AnnexesTexte.cle(t).startsWith("autorite organisatrice") && t.contains(":")) {
                return t.substring(t.indexOf(':') + 1).replace("*", "").replace("_", "").strip();
            }
        }
        return null;
    }

    static String modeAccueil(String libelle) {
        String k = " " + AnnexesTexte.cle(libelle) + " ";
        if (k.contains(" micro creche")) {
            return "MICRO_CRECHE_PAJE";
        }
        if (k.contains(" eaje") || k.contains(" multi accueil") || k.contains(" creche")) {
            return "EAJE_PSU";
        }
        if (k.contains(" assistant") || k.contains(" ama ")) {
            return "ASSISTANTS_MATERNELS";
        }
        if (k.startsWith(" mam ") || k.contains(" maison d assistant")) {
            return "MAM";
        }
        if (k.contains(" rpe ") || k.contains(" relais ")) {
            return "RPE";
        }
        if (k.contains(" passerelle")) {
            return "DISPOSITIFS_PASSERELLES";
        }
        return "AUTRE";
    }
}
