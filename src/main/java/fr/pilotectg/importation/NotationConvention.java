package fr.pilotectg.importation;

import fr.pilotectg.importation.ConventionTrouvee.Partie;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Scores the convention part of a draft of a reference document ({@code aubenas}, {@code pilat}, {@code baronnies})
 * against its expected result: the demo fixtures ({@code demo/conventions.json} for parties, representatives, visas,
 * délibérations and period; {@code demo/texte/<doc>.json} for objectifs conjoints), completed by
 * {@code importation/attendu/convention-<doc>.json} where they summarise (sections as printed; no objectif conjoint).
 * Kinds: parties, representants, visas, deliberations, periode, sections, objectifs-conjoints.
 * Names are compared without case, accents or punctuation; a visa or an objective whose fixture wording is a summary is
 * right when most of its words are in the one found (80 % for a visa, 60 % for an objective's title).
 */
@Component
public class NotationConvention implements Notation {

    public static final List<String> TYPES = List.of("parties", "representants", "visas", "deliberations", "periode", "sections",
            "objectifs-conjoints");

    private final ObjectMapper json;

    public NotationConvention(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<Score> noter(String document, Brouillon brouillon) {
        JsonNode attendue = null;
        for (JsonNode c : lire("demo/conventions.json").path("conventions")) {
            if (document.equals(texte(c.path("cle")))) {
                attendue = c;
            }
        }
        if (attendue == null) {
            return List.of();
        }
        JsonNode complement = lire("importation/attendu/convention-" + document + ".json");
        JsonNode texte = lire("demo/texte/" + document + ".json");
        ConventionTrouvee trouvee = brouillon == null || brouillon.convention() == null ? ConventionTrouvee.vide() : brouillon.convention();
        List<Score> scores = new ArrayList<>();
        scores.add(parties(document, attendue, trouvee));
        scores.add(representants(document, attendue, trouvee));
        scores.add(visas(document, attendue, trouvee));
        scores.add(deliberations(document, attendue, trouvee));
        scores.add(periode(document, attendue, trouvee));
        scores.add(sections(document, complement.has("sections") ? complement.path("sections") : texte.path("sections"), trouvee));
        scores.add(objectifs(document, complement.has("objectifsConjoints") ? complement.path("objectifsConjoints") : texte.path("objectifs"), trouvee));
        return scores;
    }

    private JsonNode lire(String chemin) {
        ClassPathResource r = new ClassPathResource(chemin);
        if (!r.exists()) {
            return json.createObjectNode();
        }
        try (InputStream in = r.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String texte(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    /** What a party of the fixture is: "CAF", "EPCI" or the commune's name key. */
    private static String cleAttendue(JsonNode partie) {
        if (partie.has("caf")) {
            return "CAF";
        }
        if (partie.path("epci").asBoolean(false)) {
            return "EPCI";
        }
        return nomCommune(texte(partie.path("commune")));
    }

    private static String cleTrouvee(Partie p) {
        if (p == null) {
            return null;
        }
        return switch (p.genre()) {
            case CAF -> "CAF";
            case EPCI -> "EPCI";
            default -> nomCommune(p.nom());
        };
    }

    static String nomCommune(String nom) {
        return LignesDeConvention.cle(nom).replaceFirst("^(le|la|les|l) ", "").replace(" ", "");
    }

    private static <A, T> int apparier(List<A> attendus, List<T> trouves, BiPredicate<A, T> juste) {
        Set<Integer> pris = new HashSet<>();
        int justes = 0;
        for (A a : attendus) {
            for (int i = 0; i < trouves.size(); i++) {
                if (!pris.contains(i) && juste.test(a, trouves.get(i))) {
                    pris.add(i);
                    justes++;
                    break;
                }
            }
        }
        return justes;
    }

    private static List<JsonNode> liste(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        n.forEach(l::add);
        return l;
    }

    private Score parties(String doc, JsonNode attendue, ConventionTrouvee t) {
        List<JsonNode> attendues = liste(attendue.path("parties"));
        int justes = apparier(attendues, t.parties(), (a, p) -> cleAttendue(a).equals(cleTrouvee(p))
                && Objects.equals(texte(a.path("role")), p.role()));
        return new Score(doc, "parties", t.parties().size(), attendues.size(), justes);
    }

    private record Rep(String partie, String civilite, String prenom, String nom, String fonction) {
    }

    private Score representants(String doc, JsonNode attendue, ConventionTrouvee t) {
        List<Rep> attendus = new ArrayList<>();
        for (JsonNode p : attendue.path("parties")) {
            for (JsonNode r : p.path("representants")) {
                JsonNode personne = r.has("personne") ? attendue.path("personnes").path(texte(r.path("personne"))) : r;
                attendus.add(new Rep(cleAttendue(p), texte(personne.path("civilite")), texte(personne.path("prenom")),
                        texte(personne.path("nom")), texte(r.path("fonction"))));
            }
        }
        List<Rep> trouves = new ArrayList<>();
        for (Partie p : t.parties()) {
            for (var r : p.representants()) {
                trouves.add(new Rep(cleTrouvee(p), r.civilite(), r.prenom(), r.nom(), r.fonction()));
            }
        }
        int justes = apparier(attendus, trouves, (a, r) -> a.partie().equals(r.partie())
                && LignesDeConvention.cle(a.prenom() + " " + a.nom()).equals(LignesDeConvention.cle(r.prenom() + " " + r.nom()))
                && Objects.equals(a.civilite(), r.civilite())
                && LignesDeConvention.cle(a.fonction()).equals(LignesDeConvention.cle(r.fonction())));
        return new Score(doc, "representants", trouves.size(), attendus.size(), justes);
    }

    /** The share of the words of {@code attendu} found in {@code trouve}. */
    static double couverture(String attendu, String trouve) {
        List<String> mots = Arrays.stream(LignesDeConvention.cle(attendu).split(" ")).filter(m -> !m.isEmpty()).toList();
        Set<String> dans = new HashSet<>(Arrays.asList(LignesDeConvention.cle(trouve).split(" ")));
        return mots.isEmpty() ? 0 : (double) mots.stream().filter(dans::contains).count() / mots.size();
    }

    private Score visas(String doc, JsonNode attendue, ConventionTrouvee t) {
        List<String> attendus = liste(attendue.path("visas")).stream().map(NotationConvention::texte).toList();
        int justes = apparier(attendus, t.visas(), (a, v) -> couverture(a, v.texte()) >= 0.8);
        return new Score(doc, "visas", t.visas().size(), attendus.size(), justes);
    }

    private Score deliberations(String doc, JsonNode attendue, ConventionTrouvee t) {
        List<JsonNode> attendues = liste(attendue.path("parties")).stream().filter(p -> p.has("deliberation")).toList();
        Map<String, Partie> parNom = t.parties().stream().collect(Collectors.toMap(Partie::nomImprime, p -> p, (a, b) -> a));
        int justes = apparier(attendues, t.deliberations(), (p, d) -> {
            JsonNode a = p.path("deliberation");
            boolean date = a.has("date") ? Objects.equals(texte(a.path("date")), Objects.toString(d.date(), null))
                    : d.date() == null && LignesDeConvention.cle(texte(a.path("dateTexte"))).equals(LignesDeConvention.cle(d.dateTexte()));
            return cleAttendue(p).equals(cleTrouvee(parNom.get(d.partie())))
                    && LignesDeConvention.cle(texte(a.path("instance"))).equals(LignesDeConvention.cle(d.instance())) && date;
        });
        return new Score(doc, "deliberations", t.deliberations().size(), attendues.size(), justes);
    }

    private Score periode(String doc, JsonNode attendue, ConventionTrouvee t) {
        boolean attendu = attendue.has("dateDebut") || attendue.has("dateFin");
        var p = t.periode();
        boolean juste = attendu && p != null && Objects.equals(texte(attendue.path("dateDebut")), Objects.toString(p.dateDebut(), null))
                && Objects.equals(texte(attendue.path("dateFin")), Objects.toString(p.dateFin(), null));
        return new Score(doc, "periode", p == null ? 0 : 1, attendu ? 1 : 0, juste ? 1 : 0);
    }

    private Score sections(String doc, JsonNode attendues, ConventionTrouvee t) {
        List<JsonNode> liste = liste(attendues);
        int justes = apparier(liste, t.sections(), (a, s) -> Objects.equals(texte(a.path("nature")), s.nature())
                && LignesDeConvention.cle(texte(a.path("titre"))).replace(" ", "").equals(LignesDeConvention.cle(s.titre()).replace(" ", "")));
        return new Score(doc, "sections", t.sections().size(), liste.size(), justes);
    }

    private Score objectifs(String doc, JsonNode attendus, ConventionTrouvee t) {
        List<JsonNode> liste = liste(attendus);
        Map<String, Partie> parNom = t.parties().stream().collect(Collectors.toMap(Partie::nomImprime, p -> p, (a, b) -> a));
        int justes = apparier(liste, t.objectifsConjoints(), (a, o) -> {
            Set<String> partiesAttendues = liste(a.path("parties")).stream().map(NotationConvention::texte)
                    .map(n -> n.equals("EPCI") || n.equals("CAF") ? n : nomCommune(n)).collect(Collectors.toSet());
            Set<String> partiesTrouvees = o.parties().stream().map(n -> cleTrouvee(parNom.get(n))).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            return LignesDeConvention.cle(texte(a.path("groupe"))).equals(LignesDeConvention.cle(o.libelleGroupe()))
                    && partiesAttendues.equals(partiesTrouvees) && couverture(texte(a.path("intitule")), o.intitule()) >= 0.6;
        });
        return new Score(doc, "objectifs-conjoints", t.objectifsConjoints().size(), liste.size(), justes);
    }
}
