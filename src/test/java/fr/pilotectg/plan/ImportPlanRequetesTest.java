package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 performance: the one-call plan import no longer re-reads the convention and every fiche of the plan for each
 * fiche it writes. The plan of {@code bench/plan.sh} (20 added fields filled, 2 sub-actions per fiche) is imported with
 * 6 and with 24 fiches and the SQL statements of each import are counted (time is measured by the benchmark, not here).
 */
@IntegrationTest
class ImportPlanRequetesTest extends PlanTestSupport {

    /** Spring Data JDBC's "find by id" of the convention aggregate root (as in ConventionLueUneFoisTest). */
    private static final Pattern RACINE = Pattern.compile("(?is)\\bfrom\\s+\"?convention\"?\\s+where\\s+\"?convention\"?\\s*\\.\\s*\"?id\"?\\s*=");

    private static final List<String> TYPES = List.of("OUI_NON", "TEXTE", "URL", "NOMBRE", "DATE", "CHOIX_UNIQUE", "CHOIX_MULTIPLE",
            "TEXTE_LONG", "LISTE");

    @Test
    void the_import_writes_a_fiche_with_its_sub_actions_and_added_fields_in_a_bounded_number_of_statements() throws Exception {
        List<String> petit = importer(6);
        List<String> grand = importer(24);
        double parFiche = (grand.size() - petit.size()) / 18.0;
        Map<String, Integer> parTexte = new TreeMap<>();
        grand.forEach(s -> parTexte.merge(s.replaceAll("\\s+", " ").substring(0, Math.min(100, s.replaceAll("\\s+", " ").length())), 1, Integer::sum));
        // 39 statements per fiche before the convention was read once per import and the fiches once per transaction.
        assertThat(parFiche).as("statements per fiche (6 fiches: %s, 24 fiches: %s): %s", petit.size(), grand.size(), parTexte)
                .isLessThan(25);
        assertThat(grand.stream().filter(s -> RACINE.matcher(s).find()).count()).as("the convention aggregate read once")
                .isEqualTo(1);
    }

    private List<String> importer(int nombreDeFiches) throws Exception {
        long convention = plans.convention("Import compté " + nombreDeFiches);
        Map<String, Object> corps = plan(nombreDeFiches, 20);
        Reponse[] reponse = new Reponse[1];
        List<String> requetes = CompteurDeRequetes.requetes(() -> reponse[0] = api.post("caf07",
                "/api/v1/conventions/" + convention + "/plan/import", corps));
        assertThat(reponse[0].status()).as(reponse[0].texte()).isEqualTo(201);
        assertThat(reponse[0].json().path("fiches").asInt()).isEqualTo(nombreDeFiches);
        return requetes;
    }

    /** The plan of {@code bench/plan.sh}: 5 axes × 5 objectifs, fiches spread over them, 2 sub-actions per fiche. */
    static Map<String, Object> plan(int fiches, int champs) {
        List<Map<String, Object>> definitions = new ArrayList<>();
        for (int i = 0; i < champs; i++) {
            String type = TYPES.get(i % TYPES.size());
            definitions.add(Map.of("cle", "champ" + i, "libelle", "Champ ajouté " + i, "type", type,
                    "choix", type.startsWith("CHOIX") ? List.of("Un", "Deux", "Trois") : List.of()));
        }
        int n = 0;
        List<Map<String, Object>> axes = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            List<Map<String, Object>> objectifs = new ArrayList<>();
            for (int o = 0; o < 5; o++) {
                List<Map<String, Object>> liste = new ArrayList<>();
                int ici = fiches / 25 + (a * 5 + o < fiches % 25 ? 1 : 0);
                for (int k = 0; k < ici; k++) {
                    n++;
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("enjeu", "Enjeu de l'action " + n);
                    c.put("publicCible", List.of("Familles", "Jeunes"));
                    for (Map<String, Object> d : definitions) {
                        c.put((String) d.get("cle"), valeur((String) d.get("type"), n));
                    }
                    List<Map<String, Object>> sous = new ArrayList<>();
                    for (int s = 0; s < 2; s++) {
                        Map<String, Object> sa = new LinkedHashMap<>();
                        sa.put("libelle", "Sous-action " + n + "." + (s + 1));
                        sa.put("porteur", s % 2 == 1 ? "Centre social" : null);
                        sa.put("debut", s == 0 ? "2026-09" : null);
                        sa.put("fin", s == 0 ? "2027-06" : null);
                        sa.put("annees", List.of(2027));
                        sa.put("poids", 1 + s % 2);
                        sous.add(sa);
                    }
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("reference", "FA" + n);
                    f.put("titre", "Action " + n);
                    f.put("annees", List.of(2026, 2027));
                    f.put("notes", List.of());
                    f.put("champs", c);
                    f.put("sousActions", sous);
                    liste.add(f);
                }
                objectifs.add(noeud(String.valueOf(o + 1), "Objectif " + (a + 1) + "." + (o + 1), List.of(), liste));
            }
            axes.add(noeud(String.valueOf(a + 1), "Axe " + (a + 1), objectifs, List.of()));
        }
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("modele", "NATIONAL");
        corps.put("niveaux", List.of(Map.of("nom", "Axe", "numerotation", "CONTINUE", "prefixe", ""),
                Map.of("nom", "Objectif", "numerotation", "PAR_PARENT", "prefixe", ""),
                Map.of("nom", "Fiche action", "numerotation", "CONTINUE", "prefixe", "FA")));
        corps.put("champs", definitions);
        corps.put("noeuds", axes);
        corps.put("fiches", List.of());
        return corps;
    }

    private static Map<String, Object> noeud(String reference, String titre, List<Map<String, Object>> enfants, List<Map<String, Object>> fiches) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("reference", reference);
        n.put("titre", titre);
        n.put("objectifs", List.of());
        n.put("noeuds", enfants);
        n.put("fiches", fiches);
        return n;
    }

    private static Object valeur(String type, int n) {
        return switch (type) {
            case "OUI_NON" -> n % 2 == 0;
            case "TEXTE" -> "Texte " + n;
            case "URL" -> "https://exemple.fr/" + n;
            case "NOMBRE" -> n * 1.5;
            case "DATE" -> "2027-03-01";
            case "CHOIX_UNIQUE" -> "Deux";
            case "CHOIX_MULTIPLE" -> List.of("Un", "Trois");
            case "TEXTE_LONG" -> "Première ligne\nSeconde ligne";
            default -> List.of("a", "b");
        };
    }
}
