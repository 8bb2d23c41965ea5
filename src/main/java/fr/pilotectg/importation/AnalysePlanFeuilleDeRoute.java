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
    private static final Pattern ANNEE = Pattern.compile("(?<!\\d)(20\\d\\d)(?![\\d/])");

    private AnalysePlanFeuilleDeRoute() {
    }

    static FicheTrouvee action(Ligne l) {
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
            champs.put("trancheAge", tranche.group(1).replace(" ", ""));
        }
        if (capacite.find()) {
            champs.put("capacite", capacite.group(1));
        }
        Matcher porteur = PORTEUR.matcher(texte);
        if (porteur.find() && !porteur.group(1).matches(".*\\d.*") && porteur.group(1).chars().filter(Character::isUpperCase).count() >= 2) {
            champs.put("porteurs", List.of(porteur.group(1).strip()));
        }
        List<Integer> annees = ANNEE.matcher(texte).results().map(r -> Integer.parseInt(r.group(1))).distinct().toList();
        return new FicheTrouvee(null, texte, annees, null, champs, List.of(), Source.ligne(l.numero()), 0.8);
    }
}
