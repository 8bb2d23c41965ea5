package fr.pilotectg.importation;

import fr.pilotectg.importation.AnnexesTrouvees.InstanceTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.MembreTrouve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the governance bodies: the article setting up the comité de pilotage (composition "de représentants de …",
 * co-piloting, secretariat, missions listed after "Cette instance"), the annex of piloting modalities (one list item
 * per body, with its frequency), a named team ("ANIMATION TECHNIQUE" then one line per theme: "Theme : First NAME,
 * function (ORG) ; …", each theme a thematic committee) and a timeline naming COTECH, COPIL, committees and plenary.
 * Bodies of the same type (and theme) found in several places are merged.
 */
final class AnalyseGouvernance {

    private static final Pattern PERSONNE = Pattern.compile(
            "^\\s*((?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*\\s+)+)([A-ZÀ-Ý][A-ZÀ-Ý'’\\-]+(?:\\s+[A-ZÀ-Ý][A-ZÀ-Ý'’\\-]+)*)\\s*(?:,\\s*(.*))?$");
    private static final Pattern PARENTHESE_FINALE = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*\\.?$");
    /** "First NAME (0,4 ETP)": a post of chargé(e) de coopération with its time. */
    private static final Pattern POSTE = Pattern.compile(
            "((?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*\\s+)+[A-ZÀ-Ý][A-ZÀ-Ý'’]+(?:[-\\s][A-ZÀ-Ý][A-ZÀ-Ý'’]+)*)\\s*\\(\\s*(\\d+(?:[.,]\\d+)?)\\s*ETP\\s*\\)");
    /** "- 0,25 ETP PETITE ENFANCE": a share of a post on a theme, the theme in capitals. */
    private static final Pattern PART = Pattern.compile(
            "-\\s*(\\d+(?:[.,]\\d+)?)\\s*(?:ETP\\s+)?([A-ZÀ-Ý]{2}[A-ZÀ-Ý'’ /-]*[A-ZÀ-Ý])(?![a-zà-ÿ])");
    private static final Pattern PAR_AN = Pattern.compile("(?i)(une|deux|trois|quatre|\\d+)\\s+fois\\s+par\\s+an");

    private AnalyseGouvernance() {
    }

    /** A body being built. */
    private static final class Instance {
        final String type;
        String nom;
        String frequence;
        Integer reunionsParAn;
        final List<String> missions = new ArrayList<>();
        final List<String> thematiques = new ArrayList<>();
        final List<Membre> membres = new ArrayList<>();
        int debut;
        int fin;
        double confiance;

        Instance(String type, String nom, int ligne, double confiance) {
            this.type = type;
            this.nom = nom;
            this.debut = ligne;
            this.fin = ligne;
            this.confiance = confiance;
        }

        void voir(int ligne) {
            debut = Math.min(debut, ligne);
            fin = Math.max(fin, ligne);
        }

        Membre membre(String organisation, String personne, int ligne) {
            for (Membre m : membres) {
                if (AnnexesNoms.memeOrganisation(m.organisation, organisation)
                        && (personne == null ? m.personne == null : m.personne != null && AnnexesTexte.cle(personne).equals(AnnexesTexte.cle(m.personne)))) {
                    return m;
                }
            }
            Membre m = new Membre(organisation, personne, ligne);
            membres.add(m);
            voir(ligne);
            return m;
        }

        InstanceTrouvee trouvee() {
            return new InstanceTrouvee(type, nom, frequence, reunionsParAn, missions, thematiques,
                    membres.stream().map(Membre::trouve).toList(), new Source(debut, fin), confiance);
        }
    }

    private static final class Membre {
        final String organisation;
        final String personne;
        String fonction;
        boolean copresident;
        boolean secretariat;
        boolean consultatif;
        Double confiance;
        boolean deduit;
        final int ligne;

        Membre(String organisation, String personne, int ligne) {
            this.organisation = organisation;
            this.personne = personne;
            this.ligne = ligne;
        }

        MembreTrouve trouve() {
            return new MembreTrouve(organisation, null, personne, fonction, copresident, secretariat, consultatif,
                    Source.ligne(ligne), confiance != null ? confiance
                    : personne != null || organisation != null && organisation.length() > 2 ? 0.85 : 0.7, deduit);
        }
    }

    static List<InstanceTrouvee> analyser(List<AnnexesLigne> lignes) {
        List<Instance> instances = new ArrayList<>();
        List<Poste> postes = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            String cle = l.cle();
            if (l.vide()) {
                continue;
            }
            if (POSTE.matcher(l.texte()).find()) {
                postesDeCooperation(l, postes);
            }
            if (cle.contains("comite") && cle.contains("compose") && cle.contains("representants")) {
                composition(lignes, i, instances);
            } else if (cle.startsWith("pilotage politique")) {
                pilotagePolitique(lignes, i, instances);
            } else if (cle.equals("animation technique") || cle.equals("equipe technique") || cle.equals("equipe d animation")) {
                i = equipeTechnique(lignes, i, instances);
            } else if (l.genre() == Ligne.NatureDeLigne.LISTE && !l.tableau()
                    || l.genre() == Ligne.NatureDeLigne.PARAGRAPHE && cle.matches("^(un|une|des) (comite|commission|groupe|instance).*")
                    && cle.matches(".*\\b(charge|chargee|chargees|compose|composee|composees|reunit|structurees|structure)\\b.*")) {
                listeDInstances(lignes, i, instances);
            }
        }
        commissionsDesPostes(postes, instances);
        completer(lignes, instances);
        return instances.stream().map(Instance::trouvee).toList();
    }

    // ---- what a CTG implies when the document does not print it (lower confidence, shown for review)

    /**
     * The Caf co-pilots the comité de pilotage of every CTG (it is one of the two sides of the convention): added as
     * co-chair when the document names only the collectivité's side ("PILOTAGE POLITIQUE - CC … : First NAME").
     * A working body whose composition is not printed (commissions "structurées par thématique", a plenary) is run by
     * the two sides: the collectivité, whose chargé(e) de coopération holds its secretariat, and the Caf. None of this
     * is printed: each such member is flagged {@code deduit} (an alert {@code DEDUIT} asks the review to keep or drop it).
     */
    private static void completer(List<AnnexesLigne> lignes, List<Instance> instances) {
        Instance copil = instances.stream().filter(i -> i.type.equals("COPIL")).findFirst().orElse(null);
        if (copil == null || copil.membres.isEmpty()) {
            return;
        }
        Membre caf = copil.membres.stream().filter(m -> estCaf(m.organisation)).findFirst().orElse(null);
        if (caf == null) {
            caf = new Membre("Caf", null, copil.debut);
            caf.copresident = true;
            caf.confiance = 0.6;
            caf.deduit = true;
            copil.membres.add(caf);
        }
        List<Membre> epci = copil.membres.stream().filter(m -> m.organisation != null && !estCaf(m.organisation)
                && AnnexesNoms.estEpci(m.organisation)).toList();
        if (epci.stream().map(m -> AnnexesNoms.cle(m.organisation)).distinct().count() != 1) {
            return;
        }
        String collectivite = epci.get(0).organisation;
        boolean chargeDeCooperation = lignes.stream().anyMatch(l -> l.cle().contains("charge de cooperation")
                || l.cle().contains("chargee de cooperation") || l.cle().contains("charges de cooperation"));
        for (Instance i : instances) {
            if (i.membres.isEmpty() && (i.type.equals("COMMISSION") || i.type.equals("PLENIERE"))) {
                Membre animation = new Membre(collectivite, null, i.debut);
                animation.secretariat = true;
                animation.fonction = chargeDeCooperation ? "chargé(e) de coopération" : null;
                animation.confiance = 0.5;
                animation.deduit = true;
                Membre deLaCaf = new Membre(caf.organisation, null, i.debut);
                deLaCaf.confiance = 0.5;
                deLaCaf.deduit = true;
                i.membres.add(animation);
                i.membres.add(deLaCaf);
            }
        }
    }

    private static boolean estCaf(String organisation) {
        String c = organisation == null ? "" : AnnexesNoms.cle(organisation);
        return c.equals("caf") || c.startsWith("caf ");
    }

    // ---- article: "Ce comité est composé … de représentants de la Caf, la CCBA, des communes d'A, B et C."

    private static void composition(List<AnnexesLigne> lignes, int i, List<Instance> instances) {
        AnnexesLigne l = lignes.get(i);
        Instance copil = instance(instances, "COPIL", "Comité de pilotage de la CTG", l.numero(), 0.85);
        String t = l.texte();
        int k = t.toLowerCase(Locale.ROOT).indexOf("représentants");
        for (String org : organisations(t.substring(k + "représentants".length()).replaceFirst("^\\s*(de|d')\\s*", ""))) {
            copil.membre(org, null, l.numero());
        }
        for (int j = i + 1; j < Math.min(lignes.size(), i + 25); j++) {
            AnnexesLigne s = lignes.get(j);
            String c = s.cle();
            if (c.contains("comite") && c.contains("compose") || s.genre() == Ligne.NatureDeLigne.TITRE) {
                break;
            }
            String texte = s.texte();
            if (c.contains("copilot") || c.contains("co pilot") || c.contains("copreside") || c.contains("co preside")) {
                for (String org : organisations(apres(texte, " par "))) {
                    copil.membre(org, null, s.numero()).copresident = true;
                }
            } else if (c.contains("secretariat") && texte.contains(" par ")) {
                for (String org : organisations(apres(texte, " par "))) {
                    Membre m = collectivite(copil, org) != null ? collectivite(copil, org) : copil.membre(org, null, s.numero());
                    m.secretariat = true;
                }
            } else if (c.startsWith("cette instance") || c.startsWith("ce comite") && texte.strip().endsWith(":")) {
                for (int m = j + 1; m < lignes.size() && (lignes.get(m).genre() == Ligne.NatureDeLigne.LISTE || lignes.get(m).vide()); m++) {
                    String mission = lignes.get(m).texte().replaceAll("[;.]\\s*$", "").strip();
                    if (!mission.isEmpty() && !AnnexesTexte.cle(mission).contains("copilot")) {
                        copil.missions.add(mission);
                    }
                }
            } else if (c.contains("fois par an")) {
                frequence(copil, texte);
            }
        }
    }

    /** "la collectivité" in a secretariat names the one collectivité member that is not the Caf nor a group of communes. */
    private static Membre collectivite(Instance instance, String org) {
        if (!AnnexesTexte.cle(org).equals("collectivite")) {
            return null;
        }
        List<Membre> autres = instance.membres.stream().filter(m -> m.organisation != null)
                .filter(m -> !AnnexesTexte.cle(m.organisation).equals("caf") && !AnnexesTexte.cle(m.organisation).contains("communes")
                        || AnnexesNoms.estEpci(m.organisation))
                .filter(m -> !AnnexesTexte.cle(m.organisation).equals("caf")).toList();
        return autres.size() == 1 ? autres.get(0) : null;
    }

    private static String apres(String texte, String mot) {
        int k = texte.indexOf(mot);
        return k < 0 ? texte : texte.substring(k + mot.length());
    }

    /** "la Caf, la CCBA, des communes d'Aubenas, Vals les Bains et Lavilledieu." → Caf, CCBA, Aubenas, Vals les Bains, Lavilledieu. */
    static List<String> organisations(String liste) {
        String t = liste.replaceAll("[.;].*$", "").strip();
        List<String> r = new ArrayList<>();
        for (String morceau : t.split("\\s*,\\s*|\\s+et\\s+|\\s+ou\\s+")) {
            String o = morceau.strip()
                    .replaceFirst("(?i)^(de\\s+la\\s+|de\\s+l['’]\\s*|des\\s+|du\\s+|de\\s+|d['’]\\s*|la\\s+|les\\s+|le\\s+|l['’]\\s*)", "")
                    .replaceFirst("(?i)^(communes?|mairies?|villes?)\\s+(de\\s+|d['’]\\s*)?(?-i:(?=[A-ZÀ-Ý0-9]))", "")
                    .replaceFirst("(?i)^(la\\s+|les\\s+|le\\s+|l['’]\\s*)", "")
                    .strip();
            if (!o.isEmpty()) {
                r.add(o);
            }
        }
        return r;
    }

    private static void frequence(Instance instance, String texte) {
        Matcher m = PAR_AN.matcher(texte);
        if (m.find()) {
            instance.frequence = m.group().toLowerCase(Locale.ROOT);
            String n = m.group(1).toLowerCase(Locale.ROOT);
            instance.reunionsParAn = switch (n) {
                case "une" -> 1;
                case "deux" -> 2;
                case "trois" -> 3;
                case "quatre" -> 4;
                default -> Integer.valueOf(n);
            };
        }
    }

    // ---- annex of piloting modalities and timelines: one list item per body

    private static void listeDInstances(List<AnnexesLigne> lignes, int i, List<Instance> instances) {
        AnnexesLigne l = lignes.get(i);
        String c = l.cle();
        String type = typeAuDebut(c);
        if (type == null) {
            return;
        }
        if ("COMMISSION".equals(type) && c.matches("^(comites|commissions) thematiques?.*")) {
            // a list of themes follows: one committee per theme
            boolean vu = false;
            for (int j = i + 1; j < lignes.size(); j++) {
                AnnexesLigne s = lignes.get(j);
                if (s.vide()) {
                    continue;
                }
                if (s.genre() != Ligne.NatureDeLigne.LISTE || typeAuDebut(s.cle()) != null) {
                    break;
                }
                String theme = s.texte().replaceAll("[,;.*]+$", "").strip();
                commission(instances, theme, s.numero(), 0.75);
                vu = true;
            }
            if (vu) {
                return;
            }
        }
        String nom = switch (type) {
            case "COPIL" -> "Comité de pilotage de la CTG";
            case "COTECH" -> "Comité technique";
            case "PLENIERE" -> "Plénière";
            default -> c.startsWith("des commissions") ? "Commissions de travail" : premierMembre(l.texte());
        };
        Instance inst = "COMMISSION".equals(type) ? commissionGenerique(instances, nom, l.numero())
                : instance(instances, type, nom, l.numero(), 0.75);
        inst.voir(l.numero());
        frequence(inst, l.texte());
        if ("PLENIERE".equals(type) && inst.frequence == null) {
            Matcher d = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}").matcher(l.texte());
            if (d.find()) {
                inst.frequence = "plénière du " + d.group();
            }
        }
    }

    private static String premierMembre(String texte) {
        return texte.split("[,:;]")[0].strip();
    }

    static String typeAuDebut(String cle) {
        String c = cle.replaceFirst("^(un|une|des|le|la|les|l|mise en place du|mise en place des)\\s+", "");
        if (c.startsWith("comite de pilotage") || c.startsWith("copil")) {
            return "COPIL";
        }
        if (c.startsWith("comite technique") || c.startsWith("comites techniques") || c.startsWith("cotech")) {
            return "COTECH";
        }
        if (c.startsWith("commission") || c.startsWith("comites thematiques") || c.startsWith("comite thematique")
                || c.startsWith("groupes de travail")) {
            return "COMMISSION";
        }
        if (c.startsWith("pleniere")) {
            return "PLENIERE";
        }
        return null;
    }

    // ---- named team: "PILOTAGE POLITIQUE - Org :" then "First NAME, function."; "ANIMATION TECHNIQUE" then themes

    private static void pilotagePolitique(List<AnnexesLigne> lignes, int i, List<Instance> instances) {
        AnnexesLigne l = lignes.get(i);
        String org = l.texte().replaceFirst("(?i)^pilotage politique\\s*[-–—:]?\\s*", "").replaceAll("\\s*:\\s*$", "").strip();
        Instance copil = instance(instances, "COPIL", "Comité de pilotage de la CTG", l.numero(), 0.8);
        String reste = org.contains(":") ? org.substring(org.indexOf(':') + 1) : "";
        org = org.contains(":") ? org.substring(0, org.indexOf(':')).strip() : org;
        List<String> personnes = new ArrayList<>();
        if (!reste.isBlank()) {
            personnes.add(reste);
        }
        for (int j = i + 1; j < Math.min(lignes.size(), i + 4) && personnes.isEmpty(); j++) {
            if (!lignes.get(j).vide()) {
                personnes.add(lignes.get(j).texte());
            }
        }
        for (String p : personnes) {
            for (String une : p.split("\\s*;\\s*")) {
                Matcher m = PERSONNE.matcher(une.replaceAll("\\.\\s*$", ""));
                if (m.matches()) {
                    Membre membre = copil.membre(org, nom(m), l.numero() + 1);
                    membre.fonction = m.group(3) == null ? null : m.group(3).strip();
                    membre.copresident = true;
                }
            }
        }
    }

    private static int equipeTechnique(List<AnnexesLigne> lignes, int i, List<Instance> instances) {
        Instance cotech = instance(instances, "COTECH", "Comité technique et équipe d'animation", lignes.get(i).numero(), 0.8);
        int j = i + 1;
        int sansPersonne = 0;
        for (; j < lignes.size(); j++) {
            AnnexesLigne l = lignes.get(j);
            if (l.vide()) {
                continue;
            }
            String t = l.texte();
            int deuxPoints = t.indexOf(" : ") > 0 ? t.indexOf(" : ") : t.indexOf(": ");
            if (deuxPoints <= 0) {
                if (++sansPersonne > 1 || l.genre() == Ligne.NatureDeLigne.TITRE) {
                    break;
                }
                continue;
            }
            String theme = t.substring(0, deuxPoints).replaceAll("[*\\s]+$", "").strip();
            List<Membre> membres = new ArrayList<>();
            for (String une : t.substring(deuxPoints + 2).split("\\s*;\\s*")) {
                String u = une.replaceAll("\\.\\s*$", "").strip();
                String org = null;
                Matcher p = PARENTHESE_FINALE.matcher(u);
                if (p.matches()) {
                    org = p.group(2).strip();
                    u = p.group(1).strip();
                }
                Matcher m = PERSONNE.matcher(u);
                if (!m.matches()) {
                    continue;
                }
                Membre membre = cotech.membre(org, nom(m), l.numero());
                String fonction = m.group(3) == null ? null : m.group(3).strip();
                membre.fonction = membre.fonction == null ? fonction : membre.fonction + " ; " + fonction;
                Membre dansTheme = new Membre(org, nom(m), l.numero());
                dansTheme.fonction = fonction;
                membres.add(dansTheme);
                if (AnnexesTexte.cle(theme).contains("cooperation") || AnnexesTexte.cle(theme).startsWith("coordination")) {
                    membre.copresident = true;
                    // the chargé(e) de coopération employed by the collectivité runs the bodies' secretariat
                    membre.secretariat |= AnnexesTexte.cle(theme).contains("cooperation") && org != null && !estCaf(org);
                }
            }
            if (membres.isEmpty()) {
                if (++sansPersonne > 1) {
                    break;
                }
                continue;
            }
            sansPersonne = 0;
            if (!AnnexesTexte.cle(theme).contains("cooperation") && !AnnexesTexte.cle(theme).startsWith("coordination")) {
                if (!cotech.thematiques.contains(theme)) {
                    cotech.thematiques.add(theme);
                }
                Instance commission = commission(instances, theme, l.numero(), 0.75);
                for (Membre m : membres) {
                    commission.membre(m.organisation, m.personne, m.ligne).fonction = m.fonction;
                }
            }
        }
        return j - 1;
    }

    private static String nom(Matcher m) {
        return (m.group(1).strip() + " " + m.group(2).strip()).strip();
    }

    // ---- posts of chargés de coopération: "CCBA : First NAME (0.75 ETP) - 0,25 ETP ENFANCE - 0,25 ETP PARENTALITE …"

    /** One person's share of time on one theme. */
    private record Poste(String organisation, String personne, String theme, double part, int ligne) {
    }

    private static void postesDeCooperation(AnnexesLigne l, List<Poste> postes) {
        for (String cellule : l.cellules()) {
            Matcher p = POSTE.matcher(cellule);
            if (!p.find()) {
                continue;
            }
            String tete = cellule.substring(0, p.start()).strip();
            String organisation = tete.endsWith(":") ? organisations(tete.substring(0, tete.length() - 1)).stream().findFirst().orElse(null) : null;
            List<int[]> personnes = new ArrayList<>();
            List<String> noms = new ArrayList<>();
            do {
                personnes.add(new int[]{p.start(), p.end()});
                noms.add(p.group(1).strip());
            } while (p.find());
            Matcher part = PART.matcher(cellule);
            while (part.find()) {
                int k = personnes.size() - 1;
                while (k >= 0 && personnes.get(k)[1] > part.start()) {
                    k--;
                }
                if (k >= 0) {
                    postes.add(new Poste(organisation, noms.get(k), part.group(2).strip(),
                            Double.parseDouble(part.group(1).replace(',', '.')), l.numero()));
                }
            }
        }
    }

    /**
     * The chargés de coopération run the thematic working bodies: one commission per theme of their posts (a theme
     * printed "A / B" joins A and B in one commission when both are themes of the team; a misprint joins the theme it
     * is one letter off), its members the persons with time on it (who holds the secretariat is not printed: left to
     * the review). They replace a commission printed without theme ("des commissions de travail, structurées par thématique").
     */
    private static void commissionsDesPostes(List<Poste> postes, List<Instance> instances) {
        if (postes.isEmpty()) {
            return;
        }
        List<String> themes = new ArrayList<>();
        for (Poste p : postes) {
            if (!p.theme().contains("/") && theme(themes, p.theme()) == null) {
                themes.add(p.theme());
            }
        }
        List<List<String>> groupes = new ArrayList<>();
        for (Poste p : postes) {
            List<String> parties = java.util.Arrays.stream(p.theme().split("\\s*/\\s*")).map(m -> theme(themes, m)).toList();
            if (parties.contains(null) || parties.size() == 1 && !p.theme().contains("/")) {
                if (parties.contains(null) && theme(themes, p.theme()) == null) {
                    themes.add(p.theme());
                }
                continue;
            }
            List<String> groupe = new ArrayList<>();
            for (String t : parties) {
                List<String> de = groupe(groupes, t);
                if (de != null && de != groupe) {
                    groupes.remove(de);
                    de.stream().filter(x -> !groupe.contains(x)).forEach(groupe::add);
                } else if (de == null && !groupe.contains(t)) {
                    groupe.add(t);
                }
            }
            groupes.add(groupe);
        }
        for (String t : themes) {
            if (groupe(groupes, t) == null) {
                groupes.add(new ArrayList<>(List.of(t)));
            }
        }
        groupes.sort(java.util.Comparator.comparingInt(g -> g.stream().mapToInt(themes::indexOf).min().orElse(0)));
        instances.removeIf(i -> i.type.equals("COMMISSION") && i.thematiques.isEmpty() && i.membres.isEmpty());
        for (List<String> groupe : groupes) {
            List<Poste> membres = postes.stream().filter(p -> java.util.Arrays.stream(p.theme().split("\\s*/\\s*"))
                    .map(m -> theme(themes, m)).anyMatch(groupe::contains) || groupe.contains(theme(themes, p.theme()))).toList();
            if (membres.isEmpty()) {
                continue;
            }
            Instance commission = commission(instances, libelle(groupe.get(0)), membres.get(0).ligne(), 0.6);
            groupe.stream().skip(1).map(AnalyseGouvernance::libelle).forEach(commission.thematiques::add);
            commission.nom = "Comité thématique " + String.join(" / ", commission.thematiques);
            for (Poste p : membres) {
                commission.membre(p.organisation(), p.personne(), p.ligne()).fonction = "chargé(e) de coopération";
            }
        }
    }

    /** The team's theme a printed theme is (equal, or one letter off), else null. */
    private static String theme(List<String> themes, String imprime) {
        String c = AnnexesTexte.cle(imprime);
        return themes.stream().filter(t -> procheDUneLettre(AnnexesTexte.cle(t), c)).findFirst().orElse(null);
    }

    private static List<String> groupe(List<List<String>> groupes, String theme) {
        return groupes.stream().filter(g -> g.contains(theme)).findFirst().orElse(null);
    }

    /** "PETITE ENFANCE" → "Petite enfance". */
    private static String libelle(String theme) {
        String t = theme.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** Equal, or one letter added, dropped or changed (a misprint), for words long enough not to be confused. */
    static boolean procheDUneLettre(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 8 || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(i + (a.length() >= b.length() ? 1 : 0)).equals(b.substring(i + (b.length() >= a.length() ? 1 : 0)));
    }

    // ---- merging

    private static Instance instance(List<Instance> instances, String type, String nom, int ligne, double confiance) {
        for (Instance i : instances) {
            if (i.type.equals(type)) {
                i.voir(ligne);
                return i;
            }
        }
        Instance i = new Instance(type, nom, ligne, confiance);
        instances.add(i);
        return i;
    }

    private static Instance commission(List<Instance> instances, String theme, int ligne, double confiance) {
        String cle = AnnexesTexte.cle(theme);
        for (Instance i : instances) {
            if (i.type.equals("COMMISSION") && i.thematiques.stream().anyMatch(t -> AnnexesTexte.cle(t).equals(cle))) {
                i.voir(ligne);
                return i;
            }
        }
        Instance i = new Instance("COMMISSION", "Comité thématique " + theme, ligne, confiance);
        i.thematiques.add(theme);
        instances.add(i);
        return i;
    }

    private static Instance commissionGenerique(List<Instance> instances, String nom, int ligne) {
        for (Instance i : instances) {
            if (i.type.equals("COMMISSION")) {
                i.voir(ligne);
                return i;
            }
        }
        Instance i = new Instance("COMMISSION", nom, ligne, 0.6);
        instances.add(i);
        return i;
    }
}
