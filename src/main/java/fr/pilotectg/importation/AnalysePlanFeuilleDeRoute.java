package fr.pilotectg.importation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.importation.PlanTrouve.FicheTrouvee;

/**
 * One action of a roadmap, printed as one bulleted line ("▶ Projet nouvel équipement à Nyons, étude en cours (12
 * places)."): the line is its title and its text; place, capacity, age range, carrier (a name in brackets at the
 * end) and years are read from the line when it prints them.
 */
final class AnalysePlanFeuilleDeRoute {

    private static final Pattern CAPACITE = Pattern.compile("(?i)(\\d+(?:/\\d+)?\\s*(?:places|berceaux|enfants))");
    private static final Pattern TRANCHE = Pattern.compile("(?i)(\\d+\\s*/\\s*\\d+\\s*ans)");
    private static final Pattern LIEU = Pattern.compile("\\b(?:à|sur)\\s+((?:Saint|Sainte|St|Ste|Le|La|Les)?-?[A-ZÉÈ][a-zéèêëàâîïôöûüç'’]+(?:-[A-Za-zéèêëàâîïôöûüç'’]+)*)");
    private static final Pattern PORTEUR = Pattern.compile("\\(([A-Z][A-Za-z'’ ,./-]{1,60})\\)\\.?$");
    private static final Pattern PORTEUR_APRES_PAR = Pattern.compile("\\(en cours par ([A-Z][^()]{1,60})\\)\\.?$");
    private static final Pattern ETAT = Pattern.compile("(?i)\\b(étude en cours|lancement des travaux en \\d{4}|démarrage en \\d{4}|depuis (?:"
            + LignesDeConvention.MOIS + "\\s+)?\\d{4})\\b");
    private static final Pattern A_FAIRE = Pattern.compile("(?i)\\bà\\s+\\p{L}+(?:er|ir|re)(?:\\s+et\\s+\\p{L}+(?:er|ir|re))?$");
    private static final Pattern APRES_DEUX_POINTS = Pattern.compile(":\\s*(\\p{Lu}[^:]*\\bà\\s+\\p{L}+(?:er|ir|re))$");
    private static final Pattern FAIT = Pattern.compile("(?i)\\b(\\p{L}+(?:é|ée|és|ées))$");
    private static final Pattern ANNEE = Pattern.compile("(?<!\\d)(20\\d\\d)(?![\\d/])");

    private AnalysePlanFeuilleDeRoute() {
    }

    /**
     * The state an action's line prints: "étude en cours", "démarrage en 2024", "depuis 2023", "(en cours par …)", a
     * line starting with "Poursuite", what is left "à poursuivre et renforcer", or a short line ending with a past
     * participle ("Diagnostic habitat finalisé").
     */
    static String statut(String texte) {
        Matcher etat = ETAT.matcher(texte);
        if (etat.find()) {
            return etat.group(1);
        }
        if (texte.matches("(?i).*\\(en cours\\b.*")) {
            return "en cours";
        }
        if (texte.matches("(?i)^poursuite\\s+(?:de\\b|du\\b|des\\b|d['’]).*")) {
            return "poursuite";
        }
        String fin = texte.replaceAll("\\s*\\([^()]*\\)\\s*\\.?$", "").replaceAll("[.\\s]+$", "");
        Matcher apres = APRES_DEUX_POINTS.matcher(fin);
        if (apres.find()) {
            return apres.group(1).strip();
        }
        Matcher aFaire = A_FAIRE.matcher(fin);
        if (aFaire.find()) {
            return aFaire.group().replaceAll("\\s+", " ");
        }
        Matcher fait = FAIT.matcher(fin);
        if (fait.find() && fin.split("\\s+").length <= 5) {
            return fait.group(1);
        }
        return null;
    }

    /** Whether two items start with the same bullet ("▶", "-", or none). */
    static boolean memeMarque(Ligne a, Ligne b) {
        return marque(a).equals(marque(b));
    }

    private static String marque(Ligne l) {
        String t = l.texte().strip();
        return t.isEmpty() || Character.isLetterOrDigit(t.codePointAt(0)) ? "" : new String(Character.toChars(t.codePointAt(0)));
    }

    /** "Autres initiatives (privées) :", "Projets publics :": the sector of the actions an intertitle introduces, or null. */
    static String regime(String intertitre) {
        String cle = AnalysePlanTextes.cle(intertitre);
        if (!AnalysePlanTextes.propre(intertitre).endsWith(":") || cle.split(" ").length > 6) {
            return null;
        }
        return cle.matches(".*\\bprive(e|s|es)?\\b.*") ? "privé" : cle.matches(".*\\bpublic(s|que|ques)?\\b.*") ? "public" : null;
    }

    /** An action; {@code regime}, the sector of the intertitle above it, when its own line says none. */
    static FicheTrouvee action(Ligne l, String regime) {
        String texte = AnalysePlanTextes.propre(l.texte());
        Map<String, Object> champs = new LinkedHashMap<>();
        champs.put("texte", texte);
        Matcher lieu = LIEU.matcher(texte);
        if (lieu.find()) {
            champs.put("lieu", lieu.group(1));
        }
        Matcher capacite = CAPACITE.matcher(texte);
        Matcher tranche = TRANCHE.matcher(texte);
        if (tranche.find()) {
            champs.put("trancheAge", tranche.group(1).replaceAll("\\s*/\\s*", "/").replaceAll("(\\d)\\s*ans", "$1 ans"));
        }
        if (capacite.find()) {
            champs.put("capacite", capacite.group(1));
        }
        if (texte.matches(".*\\bMAM\\b.*")) {
            // A maison d'assistants maternels is private by nature.
            champs.put("publicPrive", "privé");
        } else if (regime != null) {
            champs.put("publicPrive", regime);
        }
        String statut = statut(texte);
        if (statut != null) {
            champs.put("statut", statut);
        }
        Matcher par = PORTEUR_APRES_PAR.matcher(texte);
        Matcher porteur = PORTEUR.matcher(texte);
        if (par.find()) {
            champs.put("porteurs", List.of(par.group(1).strip()));
        } else if (porteur.find() && !porteur.group(1).matches(".*\\d.*") && porteur.group(1).chars().filter(Character::isUpperCase).count() >= 2) {
            champs.put("porteurs", List.of(porteur.group(1).strip()));
        }
        List<Integer> annees = ANNEE.matcher(texte).results().map(r -> Integer.parseInt(r.group(1))).distinct().toList();
        return new FicheTrouvee(null, texte, annees, null, champs, List.of(), Source.ligne(l.numero()), 0.8);
    }
}
