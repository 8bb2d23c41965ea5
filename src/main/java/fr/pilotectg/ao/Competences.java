package fr.pilotectg.ao;

import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.Vocabulaire;

/** The four competences of the service public de la petite enfance, with the plan's codes and labels. */
final class Competences {

    static final String RECENSER = "RECENSER_BESOINS";
    static final String INFORMER = "INFORMER_ACCOMPAGNER";
    static final String PLANIFIER = "PLANIFIER";
    static final String SOUTENIR_QUALITE = "SOUTENIR_QUALITE";

    private Competences() {
    }

    static List<String> codes() {
        return List.copyOf(libelles().keySet());
    }

    static Map<String, String> libelles() {
        return Vocabulaire.COMPETENCES_SPPE.valeurs();
    }

    static String libelle(String code) {
        return libelles().getOrDefault(code, code);
    }
}
