package fr.pilotectg.importation.tableur;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of an uploaded sheet matched to the expected ones by header name (case, accents, punctuation and a few
 * usual short forms ignored), wherever they are: a reordered sheet reads the same, a renamed column is either
 * recognised or reported by name.
 */
final class Colonnes {

    private static final Map<String, String> SYNONYMES = Map.of(
            "ref", "reference", "n", "reference", "numero", "reference",
            "intitule", "titre", "avancement", "avancement", "date", "date du point",
            "mise en oeuvre", "mise en oeuvre", "echeance", "echeances", "annees", "annees prevues");

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> inconnues = new ArrayList<>();
    private final List<String> doublons = new ArrayList<>();

    Colonnes(List<String> entetes, List<String> attendues) {
        Map<String, String> parNom = new LinkedHashMap<>();
        for (String attendue : attendues) {
            parNom.putIfAbsent(Canonique.nom(attendue), attendue);
        }
        for (int i = 0; i < entetes.size(); i++) {
            String entete = Canonique.texte(entetes.get(i));
            if (entete.isEmpty()) {
                continue;
            }
            String nom = Canonique.nom(entete);
            String attendue = parNom.get(nom);
            if (attendue == null) {
                attendue = parNom.get(SYNONYMES.getOrDefault(nom, nom));
            }
            if (attendue == null) {
                inconnues.add(entete);
            } else if (index.containsKey(attendue)) {
                doublons.add(entete);
            } else {
                index.put(attendue, i);
            }
        }
    }

    Integer index(String colonne) {
        return index.get(colonne);
    }

    boolean presente(String colonne) {
        return index.containsKey(colonne);
    }

    List<String> inconnues() {
        return inconnues;
    }

    List<String> doublons() {
        return doublons;
    }
}
