package fr.pilotectg.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every GET route of a convention, pages and API, read from Spring MVC's mappings so that new routes join by themselves. */
public final class RoutesDeConvention {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private RoutesDeConvention() {
    }

    /** GET routes whose first variable is the convention, with the other variables filled in from {@code valeurs} (else 1). */
    public static Set<String> chemins(RequestMappingHandlerMapping routes, long conventionId, Map<String, String> valeurs) {
        Set<String> chemins = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            Set<RequestMethod> methodes = info.getMethodsCondition().getMethods();
            if (!methodes.isEmpty() && !methodes.contains(RequestMethod.GET)) {
                continue;
            }
            for (String motif : info.getPatternValues()) {
                if (motif.startsWith("/conventions/{") || motif.startsWith("/api/v1/conventions/{")) {
                    chemins.add(remplir(motif, conventionId, valeurs));
                }
            }
        }
        return chemins;
    }

    private static String remplir(String motif, long conventionId, Map<String, String> valeurs) {
        Matcher variable = VARIABLE.matcher(motif);
        StringBuilder chemin = new StringBuilder();
        boolean premiere = true;
        while (variable.find()) {
            String nom = variable.group(1).replaceAll(":.*", "");
            variable.appendReplacement(chemin, premiere ? String.valueOf(conventionId) : valeurs.getOrDefault(nom, parDefaut(nom, motif)));
            premiere = false;
        }
        return variable.appendTail(chemin).toString();
    }

    /** A real format for downloads (a document, a spreadsheet), so that sweeps generate them; else 1. */
    private static String parDefaut(String nom, String motif) {
        if (nom.equals("format")) {
            return motif.contains("/exports/") ? "csv" : "docx";
        }
        return "1";
    }
}
