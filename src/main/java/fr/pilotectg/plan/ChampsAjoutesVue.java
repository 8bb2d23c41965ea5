package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What the pages show of the added fields (used from the templates as {@code @champsAjoutesVue}): the values of a
 * fiche, the fields a plan page may filter on, the filter itself.
 */
@Component("champsAjoutesVue")
public class ChampsAjoutesVue {

    private final ChampsAjoutes champs;

    ChampsAjoutesVue(ChampsAjoutes champs) {
        this.champs = champs;
    }

    /** One added field of a fiche: its text as shown, and a link only when the value is a safe http(s) URL. */
    public record Ligne(ChampAjoute champ, String texte, String lien) {
    }

    public List<Ligne> lignes(Fiche fiche) {
        Map<String, Object> valeurs = champs.valeursDe(fiche.id());
        return champs.champsDuPlan(fiche.conventionId()).stream().map(c -> {
            Object v = valeurs.get(c.cle());
            return new Ligne(c, c.afficher(v), c.estUnLien(v) ? (String) v : null);
        }).toList();
    }

    /** Yes/no and choice fields: those the plan page filters on. */
    public List<ChampAjoute> filtrables(long conventionId) {
        return champs.champsDuPlan(conventionId).stream()
                .filter(c -> c.type() == TypeChampAjoute.OUI_NON || c.type().aDesChoix()).toList();
    }

    /** The options of the plan page's filter: "cle:valeur" ("oui"/"non" for a yes/no field, each choice otherwise). */
    public List<Map.Entry<String, String>> options(ChampAjoute champ) {
        List<String> valeurs = champ.type() == TypeChampAjoute.OUI_NON ? List.of("oui", "non") : champ.choix();
        return valeurs.stream().map(v -> Map.entry(champ.cle() + ":" + v, champ.type() == TypeChampAjoute.OUI_NON
                ? (v.equals("oui") ? "Oui" : "Non") : v)).toList();
    }

    /**
     * Fiches whose added field holds the value chosen, given as "cle:valeur"; anything else (empty, unknown field)
     * filters nothing.
     */
    Predicate<Fiche> filtre(long conventionId, String ajoute) {
        if (ajoute == null || !ajoute.contains(":")) {
            return f -> true;
        }
        String cle = ajoute.substring(0, ajoute.indexOf(':'));
        String valeur = ajoute.substring(ajoute.indexOf(':') + 1);
        if (cle.isBlank() || valeur.isBlank()) {
            return f -> true;
        }
        ChampAjoute champ = filtrables(conventionId).stream().filter(c -> c.cle().equals(cle)).findFirst().orElse(null);
        if (champ == null) {
            return f -> true;
        }
        Set<Long> retenues = champs.valeurs(conventionId).entrySet().stream()
                .filter(e -> correspond(champ, e.getValue().get(cle), valeur))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return f -> retenues.contains(f.id());
    }

    private static boolean correspond(ChampAjoute champ, Object stocke, String valeur) {
        if (stocke == null) {
            return false;
        }
        if (stocke instanceof Boolean b) {
            return b == "oui".equalsIgnoreCase(valeur);
        }
        if (stocke instanceof List<?> liste) {
            return liste.contains(valeur);
        }
        return Objects.equals(stocke, valeur);
    }
}
