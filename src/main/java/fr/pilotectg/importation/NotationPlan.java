package fr.pilotectg.importation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import fr.pilotectg.importation.PlanTrouve.FicheTrouvee;
import fr.pilotectg.importation.PlanTrouve.NoeudTrouve;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the plan part of a draft against the demo fixture of the same document ({@code demo/plans/<document>.json}),
 * completed by {@code importation/attendu/<document>-plan.json} when present (programme cells, and fingerprints —
 * SHA-256 of the comparison key — of field values the fixture paraphrases, so that the seeds' prose is not copied).
 * Kinds: niveaux, noeuds (level, reference, title), fiches (reference, title), champs-des-fiches (each template
 * field of each fiche), sous-actions, cellules-du-programme (action × year). Comparisons ignore case, accents,
 * punctuation and spacing, never content.
 */
@Component
public class NotationPlan implements Notation {

    public static final List<String> TYPES = List.of("niveaux", "noeuds", "fiches", "champs-des-fiches", "sous-actions", "cellules-du-programme");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public List<Score> noter(String document, Brouillon brouillon) {
        JsonNode attendu = lire("demo/plans/" + document + ".json");
        if (attendu == null) {
            return List.of();
        }
        JsonNode complement = lire("importation/attendu/" + document + "-plan.json");
        PlanTrouve plan = brouillon == null || brouillon.plan() == null ? PlanTrouve.vide() : brouillon.plan();
        List<Score> scores = new ArrayList<>();
        scores.add(niveaux(document, attendu, plan));
        scores.add(noeuds(document, attendu, plan));
        List<JsonNode> fichesAttendues = new ArrayList<>();
        attendu.path("noeuds").forEach(n -> fichesDe(n, fichesAttendues));
        attendu.path("fichesHorsAxe").forEach(fichesAttendues::add);
        List<FicheTrouvee> trouvees = plan.toutesLesFiches();
        scores.add(comparer(document, "fiches", fichesAttendues.stream().map(NotationPlan::cleDeFiche).toList(),
                trouvees.stream().map(f -> cleDeFiche(f.reference(), f.titre())).toList()));
        scores.add(champs(document, fichesAttendues, trouvees, complement == null ? null : complement.path("empreintes")));
        List<String> sousAttendues = new ArrayList<>();
        fichesAttendues.forEach(f -> f.path("sousActions").forEach(s -> sousAttendues.add(AnalysePlanTextes.cle(s.path("libelle").asString("")))));
        scores.add(comparer(document, "sous-actions", sousAttendues, trouvees.stream().flatMap(f -> f.sousActions().stream())
                .map(s -> AnalysePlanTextes.cle(s.libelle())).toList()));
        List<String> cellulesAttendues = new ArrayList<>();
        if (complement != null) {
            complement.path("programme").forEach(c -> cellulesAttendues.add(AnalysePlanTextes.cle(c.get(0).asString()) + "|" + c.get(1).asInt()));
        }
        scores.add(comparer(document, "cellules-du-programme", cellulesAttendues,
                plan.programme().stream().map(c -> AnalysePlanTextes.cle(c.reference()) + "|" + c.annee()).toList()));
        return scores;
    }

    private Score niveaux(String document, JsonNode attendu, PlanTrouve plan) {
        List<String> attendus = new ArrayList<>();
        attendu.path("niveaux").forEach(n -> attendus.add(AnalysePlanTextes.cle(n.path("nom").asString(""))));
        int justes = 0;
        for (int i = 0; i < Math.min(attendus.size(), plan.niveaux().size()); i++) {
            justes += attendus.get(i).equals(AnalysePlanTextes.cle(plan.niveaux().get(i).nom())) ? 1 : 0;
        }
        return new Score(document, "niveaux", plan.niveaux().size(), attendus.size(), justes);
    }

    private Score noeuds(String document, JsonNode attendu, PlanTrouve plan) {
        List<String> attendus = new ArrayList<>();
        attendu.path("noeuds").forEach(n -> noeudsAttendus(n, 0, attendus));
        List<String> trouves = new ArrayList<>();
        plan.noeuds().forEach(n -> noeudsTrouves(n, 0, trouves));
        return comparer(document, "noeuds", attendus, trouves);
    }

    private static void noeudsAttendus(JsonNode n, int profondeur, List<String> cles) {
        cles.add(profondeur + "|" + AnalysePlanTextes.cle(n.path("reference").asString("")) + "|" + AnalysePlanTextes.cle(n.path("titre").asString("")));
        n.path("enfants").forEach(e -> noeudsAttendus(e, profondeur + 1, cles));
    }

    private static void noeudsTrouves(NoeudTrouve n, int profondeur, List<String> cles) {
        cles.add(profondeur + "|" + AnalysePlanTextes.cle(n.reference()) + "|" + AnalysePlanTextes.cle(n.titre()));
        n.noeuds().forEach(e -> noeudsTrouves(e, profondeur + 1, cles));
    }

    private static void fichesDe(JsonNode n, List<JsonNode> fiches) {
        n.path("fiches").forEach(fiches::add);
        n.path("enfants").forEach(e -> fichesDe(e, fiches));
    }

    private static String cleDeFiche(JsonNode f) {
        return cleDeFiche(f.path("reference").isString() ? f.path("reference").asString() : null, f.path("titre").asString(""));
    }

    private static String cleDeFiche(String reference, String titre) {
        return AnalysePlanTextes.cle(reference) + "|" + AnalysePlanTextes.cle(titre);
    }

    /**
     * Each field of each expected fiche: right when the fiche found with the same reference (or, without one, the
     * same title) has the same value; found = every field the analysis filled. Fiches sharing a title (two roadmap
     * lines "Poursuite des actions en cours.") are paired in plan order.
     */
    private Score champs(String document, List<JsonNode> attendues, List<FicheTrouvee> trouvees, JsonNode empreintes) {
        Map<String, ArrayDeque<FicheTrouvee>> parCle = new HashMap<>();
        for (FicheTrouvee f : trouvees) {
            parCle.computeIfAbsent(identite(f.reference(), f.titre()), k -> new ArrayDeque<>()).add(f);
        }
        int attendus = 0;
        int justes = 0;
        for (JsonNode a : attendues) {
            String reference = a.path("reference").isString() ? a.path("reference").asString() : null;
            ArrayDeque<FicheTrouvee> memeCle = parCle.get(identite(reference, a.path("titre").asString("")));
            FicheTrouvee f = memeCle == null ? null : memeCle.poll();
            JsonNode empreintesFiche = empreintes == null || reference == null ? null : empreintes.path(reference);
            for (Map.Entry<String, JsonNode> champ : a.path("champs").properties()) {
                attendus++;
                if (f == null || !f.champs().containsKey(champ.getKey())) {
                    continue;
                }
                Object valeur = f.champs().get(champ.getKey());
                JsonNode empreinte = empreintesFiche == null ? null : empreintesFiche.path(champ.getKey());
                boolean juste = empreinte != null && empreinte.isString()
                        ? empreinte.asString().equals(empreinte(cleDeValeur(json.valueToTree(valeur))))
                        : cleDeValeur(champ.getValue()).equals(cleDeValeur(json.valueToTree(valeur)));
                justes += juste ? 1 : 0;
            }
        }
        int trouves = trouvees.stream().mapToInt(f -> f.champs().size()).sum();
        return new Score(document, "champs-des-fiches", trouves, attendus, justes);
    }

    private static String identite(String reference, String titre) {
        return reference != null && !reference.isBlank() ? "r|" + AnalysePlanTextes.cle(reference) : "t|" + AnalysePlanTextes.cle(titre);
    }

    /** A value as a comparison key: texts by {@link AnalysePlanTextes#cle}, organisations by name, indicators by label and type. */
    static String cleDeValeur(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(cleDeValeur(x)));
            return "[" + String.join(";", items) + "]";
        }
        if (v.isObject()) {
            if (v.has("nom")) {
                return AnalysePlanTextes.cle(v.path("nom").asString(""));
            }
            return AnalysePlanTextes.cle(v.path("libelle").asString("")) + "#" + v.path("type").asString("");
        }
        return AnalysePlanTextes.cle(v.asString());
    }

    static String empreinte(String cle) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cle.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Multiset comparison: right = elements found that are expected (each expected element counted once). */
    private static Score comparer(String document, String type, List<String> attendus, List<String> trouves) {
        Map<String, Integer> restants = new HashMap<>();
        attendus.forEach(a -> restants.merge(a, 1, Integer::sum));
        int justes = 0;
        for (String t : trouves) {
            Integer n = restants.get(t);
            if (n != null && n > 0) {
                restants.put(t, n - 1);
                justes++;
            }
        }
        return new Score(document, type, trouves.size(), attendus.size(), justes);
    }

    private JsonNode lire(String chemin) {
        try (InputStream in = NotationPlan.class.getClassLoader().getResourceAsStream(chemin)) {
            return in == null ? null : json.readTree(in);
        } catch (IOException e) {
            return null;
        }
    }
}
