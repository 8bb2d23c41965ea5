package fr.pilotectg.importation;

import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import fr.pilotectg.importation.AnnexesTrouvees.TotalImprime;
import fr.pilotectg.offre.TypeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the supported-services annex: blocks of a table "type de structure | nom et adresse" under the name of
 * each supporting collectivité (the convention's own layout), or one table whose header names its columns (type,
 * service, gestionnaire, commune, capacité, collectivité… as the product's exports print them). A cell listing
 * several services is split ("A (X), B (Y) et C (Z)", "Extra, péri et ados CS …", "… (A et B)"); an asterisk marks a
 * service outside the Bonus territoire; an address with a postal code gives the commune.
 */
final class AnalyseServices {

    private static final Pattern CODE_POSTAL = Pattern.compile("\\b(\\d{5})\\s+([A-Za-zÀ-ÿ'’][^,;]*)$");
    private static final Pattern DEBUT_ADRESSE = Pattern.compile(
            "(?i)^(\\d+\\s*(bis|ter)?\\b|all[ée]e|rue|avenue|av\\.|chemin|impasse|place|boulevard|bd|route|quai|cours|square|lotissement|hameau|zone|za\\b|zi\\b)");
    private static final Pattern ANNEE_ENTRE_PARENTHESES = Pattern.compile("\\s*\\((?:en\\s+)?(?:19|20)\\d{2}\\)");
    private static final Pattern PARENTHESE_FINALE = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");
    private static final Set<String> PREFIXES = Set.of("extra", "peri", "ados", "jeunes", "mercredis");
    private static final Set<String> TYPES_NUS = Set.of("mam", "centre social", "centres sociaux", "evs", "alsh", "eaje",
            "eaje psu", "rpe", "laep", "clas", "accueil de jeunes", "accueils de jeunes", "espace de vie sociale");

    private AnalyseServices() {
    }

    record Resultat(List<ServiceTrouve> services, List<TotalImprime> totaux) {
    }

    static Resultat analyser(List<AnnexesLigne> lignes) {
        List<ServiceTrouve> services = new ArrayList<>();
        List<TotalImprime> totaux = new ArrayList<>();
        boolean asteriskHorsBonus = lignes.stream().anyMatch(l -> l.cle().contains("bonus")
                && (l.texte().contains("*") || l.cle().contains("non soutenu") || l.cle().contains("hors bonus")));
        for (int i = 0; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (!l.tableau()) {
                continue;
            }
            List<String> entetes = l.cellules().stream().map(AnnexesTexte::cle).toList();
            if (entetes.size() >= 2 && entetes.get(0).startsWith("type de structure")) {
                i = blocConvention(lignes, i, services, totaux, asteriskHorsBonus);
            } else if (Colonnes.reconnaitre(entetes) != null) {
                i = tableauNomme(lignes, i, Colonnes.reconnaitre(entetes), services, asteriskHorsBonus);
            }
        }
        return new Resultat(services, totaux);
    }

    // ---- the convention's layout: collectivité line, then "type de structure | nom et adresse" rows

    private static int blocConvention(List<AnnexesLigne> lignes, int entete, List<ServiceTrouve> services,
                                      List<TotalImprime> totaux, boolean asteriskHorsBonus) {
        String collectivite = collectiviteAvant(lignes, entete);
        String typeCourant = null;
        int avant = services.size();
        int i = entete + 1;
        for (; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (l.vide() || l.bruit()) {
                continue;
            }
            boolean typeSeul = !l.tableau() && l.genre() != Ligne.NatureDeLigne.TITRE && typeNu(l.texte());
            if (!l.tableau() && !typeSeul || prochainEnteteApres(lignes, i)) {
                break;
            }
            List<String> cellules = new ArrayList<>(l.cellules());
            if (cellules.size() == 1 && !typeNu(cellules.get(0))) {
                // the extraction dropped the empty type cell of a row continuing the previous type
                cellules.add(0, "");
            }
            String typeCellule = cellules.get(0);
            String nomCellule = String.join(" ", AnnexesTexte.nonVides(cellules.subList(1, cellules.size())));
            if (AnnexesTexte.cle(typeCellule).startsWith("total")) {
                Integer imprime = AnnexesTexte.nombre(nomCellule);
                if (imprime != null) {
                    totaux.add(new TotalImprime("Services soutenus par " + collectivite, imprime, services.size() - avant, Source.ligne(l.numero())));
                }
                continue;
            }
            String typeImprime = typeCellule.isBlank() ? null : typeCellule.replaceAll("\\s*\\*$", "").strip();
            if (typeImprime != null) {
                typeCourant = typeImprime;
            }
            if (typeCourant == null) {
                continue;
            }
            boolean etoileType = typeCellule.strip().endsWith("*");
            for (Element e : elements(typeCourant, nomCellule)) {
                String type = type(typeCourant, e.nom());
                services.add(new ServiceTrouve(collectivite, null, type, typeImprime, sousType(e.nom()), e.nom(), null,
                        e.adresse(), e.codePostal(), e.commune(), null, asteriskHorsBonus && (e.etoile() || etoileType),
                        Source.ligne(l.numero()), confiance(type, e)));
            }
        }
        return i - 1;
    }

    private static double confiance(String type, Element e) {
        double c = 0.9;
        if ("AUTRE".equals(type)) {
            c -= 0.2;
        }
        if (e.nom() == null) {
            c -= 0.2;
        }
        if (e.decoupe()) {
            c -= 0.1;
        }
        return Math.round(c * 100) / 100.0;
    }

    /** The line naming the collectivité just above a header row (skipping blank lines and noise). */
    private static String collectiviteAvant(List<AnnexesLigne> lignes, int entete) {
        for (int j = entete - 1; j >= Math.max(0, entete - 4); j--) {
            AnnexesLigne l = lignes.get(j);
            if (l.vide() || l.bruit()) {
                continue;
            }
            List<String> nonVides = l.nonVides();
            if (nonVides.size() == 1 && !l.cle().startsWith("annexe")) {
                return nonVides.get(0).replaceAll("\\s*:$", "").strip();
            }
            return null;
        }
        return null;
    }

    /** Whether line i is the collectivité line of a following block (next meaningful line is a header row). */
    private static boolean prochainEnteteApres(List<AnnexesLigne> lignes, int i) {
        if (lignes.get(i).nonVides().size() != 1) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lignes.size(), i + 4); j++) {
            AnnexesLigne l = lignes.get(j);
            if (l.vide()) {
                continue;
            }
            return l.cle().startsWith("type de structure");
        }
        return false;
    }

    // ---- a table whose header names its columns (exports of the product, spreadsheets)

    record Colonnes(int type, int nom, int gestionnaire, int commune, int capacite, int collectivite, int horsBonus, int adresse) {

        static Colonnes reconnaitre(List<String> entetes) {
            int type = -1, nom = -1, gestionnaire = -1, commune = -1, capacite = -1, collectivite = -1, horsBonus = -1, adresse = -1;
            for (int c = 0; c < entetes.size(); c++) {
                String e = entetes.get(c);
                if (e.equals("type") || e.equals("type de service") || e.equals("type imprime")) {
                    type = type < 0 ? c : type;
                } else if (e.equals("service") || e.equals("nom") || e.equals("nom du service") || e.equals("structure")) {
                    nom = c;
                } else if (e.startsWith("gestionnaire")) {
                    gestionnaire = c;
                } else if (e.equals("commune")) {
                    commune = c;
                } else if (e.startsWith("capacite") || e.equals("places")) {
                    capacite = c;
                } else if (e.startsWith("collectivite")) {
                    collectivite = c;
                } else if (e.contains("bonus")) {
                    horsBonus = c;
                } else if (e.equals("adresse")) {
                    adresse = c;
                }
            }
            return type >= 0 && nom >= 0 && (commune >= 0 || gestionnaire >= 0 || capacite >= 0)
                    ? new Colonnes(type, nom, gestionnaire, commune, capacite, collectivite, horsBonus, adresse) : null;
        }

        String cellule(List<String> cellules, int c) {
            return c >= 0 && c < cellules.size() && !cellules.get(c).isBlank() && !cellules.get(c).equals("—") ? cellules.get(c) : null;
        }
    }

    private static int tableauNomme(List<AnnexesLigne> lignes, int entete, Colonnes col, List<ServiceTrouve> services, boolean asterisk) {
        String collectiviteParDefaut = collectiviteAvant(lignes, entete);
        int i = entete + 1;
        for (; i < lignes.size(); i++) {
            AnnexesLigne l = lignes.get(i);
            if (l.vide()) {
                break;
            }
            if (l.bruit()) {
                continue;
            }
            if (!l.tableau()) {
                break;
            }
            List<String> c = l.cellules();
            String typeImprime = col.cellule(c, col.type());
            String nom = col.cellule(c, col.nom());
            if (typeImprime == null && nom == null) {
                continue;
            }
            String collectivite = col.collectivite() >= 0 ? col.cellule(c, col.collectivite()) : collectiviteParDefaut;
            String hb = col.cellule(c, col.horsBonus());
            boolean horsBonus = hb != null ? AnnexesTexte.cle(hb).startsWith("oui") || hb.contains(AnnexesTexte.COCHE)
                    : asterisk && nom != null && nom.endsWith("*");
            if (nom != null) {
                nom = nom.replaceAll("\\s*\\*$", "");
            }
            String type = type(typeImprime == null ? "" : typeImprime, nom);
            Integer capacite = col.cellule(c, col.capacite()) == null ? null : AnnexesTexte.nombre(col.cellule(c, col.capacite()));
            services.add(new ServiceTrouve(collectivite, null, type, typeImprime, sousType(nom), nom, col.cellule(c, col.gestionnaire()),
                    col.cellule(c, col.adresse()), null, col.cellule(c, col.commune()), capacite, horsBonus,
                    Source.ligne(l.numero()), "AUTRE".equals(type) ? 0.7 : 0.95));
        }
        return i - 1;
    }

    // ---- splitting a cell into services

    record Element(String nom, String adresse, String codePostal, String commune, boolean etoile, boolean decoupe) {
    }

    static List<Element> elements(String typeImprime, String cellule) {
        String texte = cellule == null ? "" : cellule.strip();
        List<Element> resultat = new ArrayList<>();
        if (texte.isEmpty() || texte.replace("*", "").isBlank()) {
            resultat.add(new Element(nomDuType(typeImprime), null, null, null, texte.contains("*"), false));
            return resultat;
        }
        Matcher cp = CODE_POSTAL.matcher(texte.replaceAll("\\s*\\*$", ""));
        if (cp.find()) {
            return List.of(avecAdresse(typeImprime, texte, cp));
        }
        List<String> morceaux = decouper(texte);
        boolean decoupe = morceaux.size() > 1;
        for (String m : morceaux) {
            boolean etoile = m.endsWith("*");
            String nom = m.replaceAll("\\s*\\*+$", "").strip();
            nom = ANNEE_ENTRE_PARENTHESES.matcher(nom).replaceAll("").strip();
            String commune = null;
            Matcher p = PARENTHESE_FINALE.matcher(nom);
            if (p.matches() && !p.group(2).matches(".*\\d.*")) {
                commune = p.group(2).strip();
                nom = p.group(1).strip();
            }
            if (!nom.isEmpty()) {
                resultat.add(new Element(nom, null, null, commune, etoile, decoupe));
            }
        }
        // one name for several places ("X (A et B)"): the place stays in the name, which tells them apart
        List<Element> distincts = new ArrayList<>();
        for (Element e : resultat) {
            long memeNom = resultat.stream().filter(x -> x.nom().equals(e.nom())).count();
            distincts.add(memeNom > 1 && e.commune() != null
                    ? new Element(e.nom() + " (" + e.commune() + ")", e.adresse(), e.codePostal(), e.commune(), e.etoile(), e.decoupe()) : e);
        }
        return distincts;
    }

    /** "Name, 25 avenue …, 42220 Town" or only an address: the name (else the type cell when it names the service). */
    private static Element avecAdresse(String typeImprime, String texte, Matcher cp) {
        boolean etoile = texte.endsWith("*");
        String t = texte.replaceAll("\\s*\\*$", "");
        String nom;
        String adresse;
        if (DEBUT_ADRESSE.matcher(t).find() || t.startsWith(cp.group(1))) {
            nom = nomDuType(typeImprime);
            adresse = t;
        } else {
            int coupure = -1;
            String[] parts = t.split(",");
            int pos = 0;
            for (int k = 0; k < parts.length; k++) {
                if (k > 0 && DEBUT_ADRESSE.matcher(parts[k].strip()).find()) {
                    coupure = pos - 1;
                    break;
                }
                pos += parts[k].length() + 1;
            }
            if (coupure > 0) {
                nom = t.substring(0, coupure).strip();
                adresse = t.substring(coupure + 1).strip();
            } else {
                nom = t.substring(0, cp.start()).replaceAll("[,\\s]+$", "").strip();
                adresse = t.substring(cp.start()).strip();
            }
        }
        return new Element(nom == null || nom.isEmpty() ? null : nom, adresse, cp.group(1), cp.group(2).strip(), etoile, false);
    }

    /** A cell that only names a type ("EVS", "Centre social", "ALSH"), not a service. */
    private static boolean typeNu(String cellule) {
        String cle = AnnexesTexte.cle(cellule.replace("*", ""));
        return TYPES_NUS.contains(cle) || typeCode(cle) != null && cle.split(" ").length <= 3;
    }

    /** The type cell as the service's name when it says more than the bare type ("MAM pticatchoux"). */
    private static String nomDuType(String typeImprime) {
        String cle = AnnexesTexte.cle(typeImprime);
        return cle.isEmpty() || TYPES_NUS.contains(cle) || typeCode(cle) == null && cle.split(" ").length > 3 ? null : typeImprime.strip();
    }

    /** Splits a cell listing several services; expands "Extra, péri et ados X" and "X (A et B)". */
    static List<String> decouper(String texte) {
        String t = texte;
        // a remark "= projets 2026, gestion CCAS" runs until the next service prefix
        t = t.replaceAll("\\s=\\s[^=]*?(?=\\b(?i:extra|p[ée]ri|ados)\\b[,\\s])", ", ");
        // an asterisk followed by more text ends a service
        t = t.replaceAll("\\*\\s+(?=\\S)", "*\u0001");
        List<String> morceaux = new ArrayList<>();
        for (String bloc : t.split("\u0001")) {
            morceaux.addAll(decouperHorsParentheses(bloc.strip()));
        }
        List<String> fusion = new ArrayList<>();
        StringBuilder prefixes = new StringBuilder();
        for (String m : morceaux) {
            if (m.isBlank()) {
                continue;
            }
            if (PREFIXES.contains(AnnexesTexte.cle(m))) {
                prefixes.append(m).append(", ");
                continue;
            }
            String complet = prefixes + m;
            prefixes.setLength(0);
            fusion.addAll(developper(complet));
        }
        if (prefixes.length() > 0) {
            fusion.add(prefixes.toString().replaceAll(",\\s*$", ""));
        }
        return fusion;
    }

    /** Splits on commas outside parentheses and on " et " right after a closing parenthesis. */
    private static List<String> decouperHorsParentheses(String t) {
        List<String> r = new ArrayList<>();
        int profondeur = 0;
        StringBuilder courant = new StringBuilder();
        for (int k = 0; k < t.length(); k++) {
            char ch = t.charAt(k);
            if (ch == '(') {
                profondeur++;
            } else if (ch == ')') {
                profondeur = Math.max(0, profondeur - 1);
            }
            if (profondeur == 0 && (ch == ',' || ch == ';') && (k + 1 >= t.length() || t.charAt(k + 1) == ' ')) {
                r.add(courant.toString().strip());
                courant.setLength(0);
                continue;
            }
            if (profondeur == 0 && ch == ')' && t.startsWith(" et ", k + 1)) {
                courant.append(ch);
                r.add(courant.toString().strip());
                courant.setLength(0);
                k += 4;
                continue;
            }
            courant.append(ch);
        }
        r.add(courant.toString().strip());
        return r;
    }

    /** "Extra, péri et ados CS X" → three services; "Name (A et B)" → one per place. */
    private static List<String> developper(String m) {
        Matcher distributif = Pattern.compile("^((?:(?:extra|p[ée]ri|ados|jeunes)\\s*(?:,|et)\\s*)+)(extra|p[ée]ri|ados|jeunes)\\s+(.+)$",
                Pattern.CASE_INSENSITIVE).matcher(m);
        if (distributif.matches()) {
            List<String> r = new ArrayList<>();
            for (String p : distributif.group(1).split("\\s*(?:,|\\bet\\b)\\s*")) {
                if (!p.isBlank()) {
                    r.add(majuscule(p.strip()) + " " + distributif.group(3));
                }
            }
            r.add(majuscule(distributif.group(2)) + " " + distributif.group(3));
            return r;
        }
        Matcher lieux = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\s+et\\s+([^()]+)\\)(\\*?)$").matcher(m);
        if (lieux.matches() && !lieux.group(2).matches(".*\\d.*")) {
            return List.of(lieux.group(1) + " (" + lieux.group(2).strip() + ")" + lieux.group(4),
                    lieux.group(1) + " (" + lieux.group(3).strip() + ")" + lieux.group(4));
        }
        return List.of(m);
    }

    private static String majuscule(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- types

    /** The TypeService code of a row: the printed type, refined by the name where the type names a family. */
    static String type(String typeImprime, String nom) {
        String t = AnnexesTexte.cle(typeImprime);
        String n = " " + AnnexesTexte.cle(nom) + " ";
        for (TypeService ts : TypeService.values()) {
            if (!t.isEmpty() && t.equals(AnnexesTexte.cle(ts.libelle()))) {
                return ts.name();
            }
        }
        if (t.contains("alsh") || t.contains("loisirs") || t.contains("periscolaire") || t.contains("extrascolaire")) {
            if (n.startsWith(" accueil jeunes") || n.startsWith(" jeunes ") || n.startsWith(" ados ") || n.contains(" accueil de jeunes ")) {
                return TypeService.ACCUEIL_JEUNES.name();
            }
            boolean peri = n.matches(".* peri\\w*.*");
            boolean extra = n.matches(".* extra\\w*.*") || n.contains(" mercredi");
            if (peri && extra) {
                return TypeService.ALSH_PERI_ET_EXTRASCOLAIRE.name();
            }
            if (peri) {
                return TypeService.ALSH_PERISCOLAIRE.name();
            }
            if (extra) {
                return TypeService.ALSH_EXTRASCOLAIRE.name();
            }
            boolean tPeri = t.contains("periscolaire");
            boolean tExtra = t.contains("extrascolaire");
            return tPeri && !tExtra ? TypeService.ALSH_PERISCOLAIRE.name()
                    : tExtra && !tPeri ? TypeService.ALSH_EXTRASCOLAIRE.name() : TypeService.ALSH_PERI_ET_EXTRASCOLAIRE.name();
        }
        if (t.contains("centre") && t.contains("soci") || t.contains("vie sociale") || t.equals("evs")) {
            if (n.startsWith(" evs ") || n.contains(" espace de vie sociale ")) {
                return TypeService.EVS.name();
            }
            if (n.startsWith(" cs ") || n.startsWith(" csc ") || n.contains(" centre social ")) {
                return TypeService.CENTRE_SOCIAL.name();
            }
            return t.contains("centre") ? TypeService.CENTRE_SOCIAL.name() : TypeService.EVS.name();
        }
        String code = typeCode(t);
        return code == null ? TypeService.AUTRE.name() : code;
    }

    private static String typeCode(String t) {
        String p = " " + t + " ";
        if (p.contains(" micro creche paje ") || p.contains(" micro creche pa ")) {
            return TypeService.MICRO_CRECHE_PAJE.name();
        }
        if (p.contains(" eaje ") || p.contains(" multi accueil ") || p.contains(" creche ")) {
            return TypeService.EAJE_PSU.name();
        }
        if (p.startsWith(" mam ") || p.contains(" maison d assistant")) {
            return TypeService.MAM.name();
        }
        if (p.contains(" rpe ") || p.contains(" relais ") || p.contains(" ram ")) {
            return TypeService.RPE.name();
        }
        if (p.contains(" laep ") || p.contains(" lieu d accueil enfant")) {
            return TypeService.LAEP.name();
        }
        if (p.contains(" clas ") || p.contains(" accompagnement a la scolarite ")) {
            return TypeService.CLAS.name();
        }
        if (p.contains(" accueil de jeunes ") || p.contains(" accueils de jeunes ") || p.contains(" ps jeunes ")) {
            return TypeService.ACCUEIL_JEUNES.name();
        }
        if (p.contains(" referent famille")) {
            return TypeService.REFERENT_FAMILLES.name();
        }
        if (p.contains(" mediation familiale ")) {
            return TypeService.MEDIATION_FAMILIALE.name();
        }
        if (p.contains(" espace rencontre ")) {
            return TypeService.ESPACE_RENCONTRE.name();
        }
        if (p.contains(" saad ") || p.contains(" aide a domicile ")) {
            return TypeService.AIDE_A_DOMICILE.name();
        }
        if (p.contains(" charge de cooperation ") || p.contains(" chargee de cooperation ")) {
            return TypeService.CHARGE_COOPERATION.name();
        }
        return null;
    }

    /** A finer kind printed in the name, for the sous-type field. */
    static String sousType(String nom) {
        String n = " " + AnnexesTexte.cle(nom) + " ";
        if (n.startsWith(" multi accueil ") || n.startsWith(" ma ")) {
            return "multi-accueil";
        }
        if (n.startsWith(" micro creche ") || n.startsWith(" mc ")) {
            return "micro-crèche";
        }
        if (n.contains(" itinerant")) {
            return "itinérant";
        }
        if (n.contains(" creche familiale ")) {
            return "crèche familiale";
        }
        return null;
    }
}
