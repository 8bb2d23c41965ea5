package fr.pilotectg.importation;

import fr.pilotectg.importation.AnnexesTrouvees.CompetenceAoTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.InstanceTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.LigneProjectionTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.MembreTrouve;
import fr.pilotectg.importation.AnnexesTrouvees.ProjectionTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import fr.pilotectg.importation.AnnexesTrouvees.ValeurAnnuelle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the annexes of a draft against the demo fixtures of the same document ({@code demo/services},
 * {@code demo/ao}, {@code demo/gouvernance}), read with the printed names of {@code importation/attendu/annexes-<doc>.json}
 * (which says what the fixtures' symbolic organisations "EPCI", "COMMUNES", "cle:…" are printed as). Where a demo
 * fixture says more than the document prints, the expectation file holds its own {@code gouvernance} (the fixture's
 * shape, each difference noted with the seed line in {@code _corrections}) in place of the fixture's. Kinds:
 * <ul>
 *   <li>{@code services}: same collectivité, type, hors-bonus flag, name (one a word-prefix of the other, places in
 *   parentheses ignored) and commune when both have one;</li>
 *   <li>{@code cellules-ao}: each matrix cell (collectivité, competence, mode) and each projection figure (AO, mode,
 *   current or year, value);</li>
 *   <li>{@code instances}: same type, and for commissions the same theme (or both without);</li>
 *   <li>{@code membres}: in the paired body, same organisation, person, co-chair, secretariat and advisory role; the
 *   members the analysis deduced ({@code deduit}) are proposals for the review, not readings, and are not counted.</li>
 * </ul>
 * A kind absent from the expectation and from the draft is not scored; without an expectation file nothing is.
 */
@Component
public class NotationAnnexes implements Notation {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public List<Score> noter(String document, Brouillon brouillon) {
        JsonNode attendu = lire("importation/attendu/annexes-" + document + ".json");
        if (attendu == null) {
            return List.of();
        }
        AnnexesTrouvees a = brouillon.annexes();
        Map<String, String> alias = new HashMap<>();
        attendu.path("organisations").properties().forEach(e -> alias.put(e.getKey(), e.getValue().asString()));
        List<Score> scores = new ArrayList<>();
        JsonNode services = lire("demo/services/" + document + ".json");
        ajouter(scores, document, "services", a.services().size(), services == null ? List.of() : servicesAttendus(services),
                (e) -> a.services(), NotationAnnexes::memeService);
        JsonNode ao = lire("demo/ao/" + document + ".json");
        List<Cellule> cellulesTrouvees = cellules(a);
        List<Cellule> cellulesAttendues = ao == null ? List.of() : cellulesAttendues(ao);
        ajouter(scores, document, "cellules-ao", cellulesTrouvees.size(), cellulesAttendues, e -> cellulesTrouvees, NotationAnnexes::memeCellule);
        JsonNode fixture = lire("demo/gouvernance/" + document + ".json");
        JsonNode gouvernance = attendu.has("gouvernance") ? attendu.path("gouvernance") : fixture;
        List<InstanceTrouvee> instancesAttendues = gouvernance == null ? List.of() : instancesAttendues(gouvernance, fixture, alias);
        Map<InstanceTrouvee, InstanceTrouvee> paires = apparier(instancesAttendues, a.instances());
        if (!instancesAttendues.isEmpty() || !a.instances().isEmpty()) {
            scores.add(new Score(document, "instances", a.instances().size(), instancesAttendues.size(), paires.size()));
            int membresTrouves = a.instances().stream().mapToInt(i -> lus(i).size()).sum();
            int membresAttendus = instancesAttendues.stream().mapToInt(i -> i.membres().size()).sum();
            int justes = 0;
            for (Map.Entry<InstanceTrouvee, InstanceTrouvee> p : paires.entrySet()) {
                justes += compter(p.getKey().membres(), lus(p.getValue()), NotationAnnexes::memeMembre);
            }
            scores.add(new Score(document, "membres", membresTrouves, membresAttendus, justes));
        }
        return scores;
    }

    private interface Egalite<T> {
        boolean egal(T attendu, T trouve);
    }

    private static <T> void ajouter(List<Score> scores, String document, String type, int trouves, List<T> attendus,
                                    java.util.function.Function<Void, List<T>> trouvesListe, Egalite<T> egalite) {
        if (trouves == 0 && attendus.isEmpty()) {
            return;
        }
        scores.add(new Score(document, type, trouves, attendus.size(), compter(attendus, new ArrayList<>(trouvesListe.apply(null)), egalite)));
    }

    /** Each expected element taken by the first unused found element equal to it. */
    private static <T> int compter(List<T> attendus, List<T> trouves, Egalite<T> egalite) {
        int justes = 0;
        for (T e : attendus) {
            for (int k = 0; k < trouves.size(); k++) {
                if (egalite.egal(e, trouves.get(k))) {
                    trouves.remove(k);
                    justes++;
                    break;
                }
            }
        }
        return justes;
    }

    // ---- services

    private static List<ServiceTrouve> servicesAttendus(JsonNode racine) {
        List<ServiceTrouve> r = new ArrayList<>();
        for (JsonNode l : racine.path("lignes")) {
            for (JsonNode c : l.path("collectivitesSoutien")) {
                r.add(new ServiceTrouve(c.asString(), null, l.path("type").asString(), texte(l, "typeImprime"), null, texte(l, "nom"),
                        texte(l, "gestionnaire"), texte(l, "adresse"), null, texte(l, "commune"), null,
                        l.path("horsBonusTerritoire").asBoolean(false), new Source(0, 0), 1));
            }
        }
        return r;
    }

    static boolean memeService(ServiceTrouve e, ServiceTrouve t) {
        return AnnexesNoms.memeOrganisation(e.collectivite(), t.collectivite()) && e.type().equals(t.type())
                && e.horsBonusTerritoire() == t.horsBonusTerritoire() && memeNom(e.nom(), t.nom()) && memeCommune(e.commune(), t.commune());
    }

    static boolean memeNom(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        String ca = AnnexesTexte.cle(a.replaceAll("\\([^)]*\\)", " "));
        String cb = AnnexesTexte.cle(b.replaceAll("\\([^)]*\\)", " "));
        if (ca.equals(cb)) {
            return true;
        }
        String court = ca.length() < cb.length() ? ca : cb;
        String long_ = ca.length() < cb.length() ? cb : ca;
        return court.contains(" ") && (long_ + " ").startsWith(court + " ");
    }

    static boolean memeCommune(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        String ca = AnnexesTexte.cle(a);
        String cb = AnnexesTexte.cle(b);
        return (ca + " ").startsWith(cb + " ") || (cb + " ").startsWith(ca + " ");
    }

    // ---- AO cells

    record Cellule(String collectivite, String competenceOuMode, String colonne, String valeur) {
    }

    private static List<Cellule> cellules(AnnexesTrouvees a) {
        List<Cellule> r = new ArrayList<>();
        for (CompetenceAoTrouvee c : a.matriceAo()) {
            r.add(new Cellule(c.collectivite(), c.competence(), "mode", c.mode()));
        }
        for (ProjectionTrouvee p : a.projections()) {
            for (LigneProjectionTrouvee l : p.lignes()) {
                if (l.actuel() != null) {
                    r.add(new Cellule(p.ao(), l.mode(), "actuel", String.valueOf(l.actuel())));
                }
                for (ValeurAnnuelle v : l.annees()) {
                    if (v.valeur() != null) {
                        r.add(new Cellule(p.ao(), l.mode(), String.valueOf(v.annee()), String.valueOf(v.valeur())));
                    }
                }
            }
        }
        return r;
    }

    private static List<Cellule> cellulesAttendues(JsonNode ao) {
        List<Cellule> r = new ArrayList<>();
        for (JsonNode ligne : ao.path("matrice")) {
            ligne.path("competences").properties().forEach(e -> r.add(new Cellule(ligne.path("collectivite").asString(), e.getKey(), "mode",
                    e.getValue().path("mode").asString())));
        }
        for (JsonNode p : ao.path("projections")) {
            for (JsonNode l : p.path("lignes")) {
                if (l.hasNonNull("actuel")) {
                    r.add(new Cellule(p.path("ao").asString(), l.path("mode").asString(), "actuel", l.path("actuel").asString()));
                }
                for (JsonNode v : l.path("annees")) {
                    if (v.hasNonNull("valeur")) {
                        r.add(new Cellule(p.path("ao").asString(), l.path("mode").asString(), v.path("annee").asString(), v.path("valeur").asString()));
                    }
                }
            }
        }
        return r;
    }

    private static boolean memeCellule(Cellule e, Cellule t) {
        return AnnexesNoms.memeOrganisation(e.collectivite(), t.collectivite()) && e.competenceOuMode().equals(t.competenceOuMode())
                && e.colonne().equals(t.colonne()) && e.valeur().equals(t.valeur());
    }

    // ---- governance

    /** The members of a found body read in the document: the deductions are proposals for the review, not scored. */
    private static List<MembreTrouve> lus(InstanceTrouvee instance) {
        return new ArrayList<>(instance.membres().stream().filter(m -> !m.deduit()).toList());
    }

    private static List<InstanceTrouvee> instancesAttendues(JsonNode racine, JsonNode fixture, Map<String, String> alias) {
        Map<String, String> noms = new HashMap<>(alias);
        for (JsonNode o : fixture == null ? racine.path("organisations") : fixture.path("organisations")) {
            noms.putIfAbsent("cle:" + o.path("cle").asString(), o.path("nom").asString());
        }
        List<InstanceTrouvee> r = new ArrayList<>();
        for (JsonNode i : racine.path("instances")) {
            List<MembreTrouve> membres = new ArrayList<>();
            for (JsonNode m : i.path("membres")) {
                String org = m.path("organisation").asString();
                membres.add(new MembreTrouve(noms.getOrDefault(org, org), null, texte(m, "personne"), texte(m, "fonction"),
                        m.path("copresident").asBoolean(false), m.path("secretariat").asBoolean(false),
                        "CONSULTATIF".equals(texte(m, "role")), new Source(0, 0), 1, false));
            }
            List<String> thematiques = new ArrayList<>();
            i.path("thematiques").forEach(t -> thematiques.add(t.asString()));
            r.add(new InstanceTrouvee(i.path("type").asString(), texte(i, "nom"), texte(i, "frequence"), null, List.of(),
                    thematiques, membres, new Source(0, 0), 1));
        }
        return r;
    }

    /** Expected body → the found body paired with it. */
    private static Map<InstanceTrouvee, InstanceTrouvee> apparier(List<InstanceTrouvee> attendues, List<InstanceTrouvee> trouvees) {
        Map<InstanceTrouvee, InstanceTrouvee> paires = new java.util.IdentityHashMap<>();
        List<InstanceTrouvee> libres = new ArrayList<>(trouvees);
        for (InstanceTrouvee e : attendues) {
            for (int k = 0; k < libres.size(); k++) {
                if (memeInstance(e, libres.get(k))) {
                    paires.put(e, libres.remove(k));
                    break;
                }
            }
        }
        return paires;
    }

    static boolean memeInstance(InstanceTrouvee e, InstanceTrouvee t) {
        if (!e.type().equals(t.type())) {
            return false;
        }
        if (!"COMMISSION".equals(e.type())) {
            return true;
        }
        if (e.thematiques().isEmpty() && t.thematiques().isEmpty()) {
            return true;
        }
        return e.thematiques().stream().map(AnnexesTexte::cle)
                .anyMatch(x -> t.thematiques().stream().map(AnnexesTexte::cle).anyMatch(x::equals));
    }

    static boolean memeMembre(MembreTrouve e, MembreTrouve t) {
        return AnnexesNoms.memeOrganisation(e.organisation(), t.organisation())
                && Objects.equals(e.personne() == null ? null : AnnexesTexte.cle(e.personne()), t.personne() == null ? null : AnnexesTexte.cle(t.personne()))
                && e.copresident() == t.copresident() && e.secretariat() == t.secretariat() && e.consultatif() == t.consultatif();
    }

    // ---- reading

    private static String texte(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static JsonNode lire(String chemin) {
        try (InputStream in = NotationAnnexes.class.getClassLoader().getResourceAsStream(chemin)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
