package fr.pilotectg.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fields a convention adds to its fiche template (issue 10 item 8, ADR 0016): defined, reordered, retyped and removed
 * by the convention's managers; their values live with the fiche, keyed by the field's key.
 */
@Service
public class ChampsAjoutes {

    static final int MAXIMUM = 40;
    private static final String CONFLIT = "Ce champ a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rien n'a été "
            + "enregistré. Rechargez la page.";

    private final ChampsAjoutesRepository repository;
    private final PlanRepository plans;
    private final PlanService planService;
    private final Journal journal;

    ChampsAjoutes(ChampsAjoutesRepository repository, PlanRepository plans, PlanService planService, Journal journal) {
        this.repository = repository;
        this.plans = plans;
        this.planService = planService;
        this.journal = journal;
    }

    /** What a manager gives for a field; {@code position} (1 = first) moves it. */
    record Definition(String cle, String libelle, TypeChampAjoute type, List<String> choix, Integer position) {
    }

    /** A fiche's {@code champs} split between the template's fields and the added ones (checked and normalised). */
    record Separation(Map<String, Object> modele, Map<String, Object> ajoutes, boolean ajoutesEnvoyes) {
    }

    public List<ChampAjoute> champs(long conventionId) {
        planService.planSiExiste(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        return repository.champs(conventionId);
    }

    /** The added fields' values of every fiche of a plan the user may read, by fiche id (fiches without any are absent). */
    public Map<Long, Map<String, Object>> valeursDesFiches(long conventionId) {
        planService.planSiExiste(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        return repository.valeurs(conventionId);
    }

    /** The added fields without reading rights again (callers already read the plan). */
    List<ChampAjoute> champsDuPlan(long conventionId) {
        return repository.champs(conventionId);
    }

    Map<Long, Map<String, Object>> valeurs(long conventionId) {
        return repository.valeurs(conventionId);
    }

    Map<String, Object> valeursDe(long ficheId) {
        return repository.valeursDe(ficheId);
    }

    @Transactional
    public ChampAjoute creer(long conventionId, Definition d) {
        Plan plan = planAModifier(conventionId);
        List<ChampAjoute> existants = repository.champs(conventionId);
        if (existants.size() >= MAXIMUM) {
            throw new ErreurValidation("libelle", "Un plan compte " + MAXIMUM + " champs ajoutés au plus.");
        }
        String libelle = libelle(d);
        TypeChampAjoute type = type(d);
        List<String> choix = choix(type, d.choix());
        String cle = cle(plan, conventionId, d.cle(), libelle);
        ChampAjoute cree = repository.inserer(new ChampAjoute(null, conventionId, cle, libelle, type, choix, existants.size() + 1, 0));
        if (d.position() != null) {
            placer(conventionId, cree.id(), d.position());
        }
        journal.enregistrer("plan_champ", cree.id(), conventionId, "ajout d'un champ aux fiches",
                List.of(new Changement("Champ « " + libelle + " »", null, type.libelle() + (choix.isEmpty() ? "" : " : " + String.join(", ", choix)))));
        return repository.champ(cree.id()).orElseThrow();
    }

    @Transactional
    public ChampAjoute modifier(long conventionId, long id, int version, Definition d) {
        planAModifier(conventionId);
        ChampAjoute avant = champDuPlan(conventionId, id);
        if (avant.version() != version) {
            throw new ConflitDeModification(CONFLIT);
        }
        String libelle = libelle(d);
        TypeChampAjoute type = d.type() == null ? avant.type() : d.type();
        List<String> choix = choix(type, d.choix() == null ? avant.choix() : d.choix());
        if (d.cle() != null && !d.cle().isBlank() && !d.cle().equals(avant.cle())) {
            throw new ErreurValidation("cle", "La clé d'un champ ne change pas (elle nomme ses valeurs dans les fiches) : « " + avant.cle() + " ».");
        }
        List<String> perdues = new ArrayList<>();
        repository.valeursDuChamp(conventionId, avant.cle()).forEach((reference, valeur) -> {
            try {
                Object nouvelle = type.normaliser(versSaisie(type, valeur), choix);
                if (nouvelle == null) {
                    perdues.add(reference);
                }
            } catch (TypeChampAjoute.ValeurRefusee e) {
                perdues.add(reference);
            }
        });
        if (!perdues.isEmpty()) {
            boolean typeChange = type != avant.type();
            throw new ErreurValidation(typeChange ? "type" : "choix", (typeChange
                    ? "Passer « " + avant.libelle() + " » du type « " + avant.type().libelle() + " » au type « " + type.libelle() + " »"
                    : "Retirer ces choix de « " + avant.libelle() + " »")
                    + " ferait perdre la valeur de " + perdues.size() + " fiche(s) (" + String.join(", ", perdues.stream().limit(10).toList())
                    + ") : rien n'a été changé. Videz d'abord ces valeurs, ou gardez le type et les choix.");
        }
        ChampAjoute apres = new ChampAjoute(id, conventionId, avant.cle(), libelle, type, choix, avant.ordre(), version);
        if (!repository.modifier(apres)) {
            throw new ConflitDeModification(CONFLIT);
        }
        if (type != avant.type() || !choix.equals(avant.choix())) {
            // Stored values follow the new type (a text "oui" becomes true, a single choice a list of one).
            repository.valeurs(conventionId).forEach((fiche, valeurs) -> {
                if (valeurs.containsKey(avant.cle())) {
                    Map<String, Object> copie = new LinkedHashMap<>(valeurs);
                    copie.put(avant.cle(), type.normaliser(versSaisie(type, valeurs.get(avant.cle())), choix));
                    repository.enregistrerValeurs(fiche, copie);
                }
            });
        }
        if (d.position() != null) {
            placer(conventionId, id, d.position());
        }
        List<Changement> changements = new ArrayList<>();
        if (!libelle.equals(avant.libelle())) {
            changements.add(new Changement("Libellé", avant.libelle(), libelle));
        }
        if (type != avant.type()) {
            changements.add(new Changement("Type", avant.type().libelle(), type.libelle()));
        }
        if (!choix.equals(avant.choix())) {
            changements.add(new Changement("Choix", String.join(", ", avant.choix()), String.join(", ", choix)));
        }
        if (d.position() != null) {
            changements.add(new Changement("Position", String.valueOf(avant.ordre()), String.valueOf(d.position())));
        }
        journal.enregistrer("plan_champ", id, conventionId, "modification d'un champ ajouté", changements);
        return repository.champ(id).orElseThrow();
    }

    /** Removes a field; its values are written to the journal, fiche by fiche, and are no longer shown. */
    @Transactional
    public void supprimer(long conventionId, long id, int version) {
        planAModifier(conventionId);
        ChampAjoute champ = champDuPlan(conventionId, id);
        if (champ.version() != version || !repository.supprimer(id, version)) {
            throw new ConflitDeModification(CONFLIT);
        }
        List<Changement> valeurs = new ArrayList<>();
        valeurs.add(new Changement("Champ « " + champ.libelle() + " »", champ.type().libelle(), null));
        repository.valeursDuChamp(conventionId, champ.cle()).forEach((reference, valeur) ->
                valeurs.add(new Changement("Fiche " + reference, champ.afficher(valeur), null)));
        journal.enregistrer("plan_champ", id, conventionId, "retrait d'un champ ajouté (valeurs conservées ici)", valeurs);
        List<ChampAjoute> restants = repository.champs(conventionId);
        for (int i = 0; i < restants.size(); i++) {
            repository.placer(restants.get(i).id(), i + 1);
        }
    }

    /**
     * Splits a fiche's {@code champs} as the API sends them: keys of added fields are checked (a refused value names
     * {@code prefixe + key}), the others go to the template. A null value empties an added field.
     */
    Separation separer(long conventionId, Map<String, Object> champs, String prefixe) {
        Map<String, Object> modele = new LinkedHashMap<>();
        Map<String, Object> ajoutes = new LinkedHashMap<>();
        boolean envoyes = false;
        Map<String, ChampAjoute> parCle = new LinkedHashMap<>();
        repository.champs(conventionId).forEach(c -> parCle.put(c.cle(), c));
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (champs != null) {
            for (Map.Entry<String, Object> e : champs.entrySet()) {
                ChampAjoute champ = parCle.get(e.getKey());
                if (champ == null) {
                    modele.put(e.getKey(), e.getValue());
                    continue;
                }
                envoyes = true;
                try {
                    ajoutes.put(e.getKey(), champ.type().normaliser(e.getValue(), champ.choix()));
                } catch (TypeChampAjoute.ValeurRefusee refus) {
                    erreurs.add(new ErreurValidation.Erreur(prefixe + e.getKey(), "« " + champ.libelle() + " » : " + refus.getMessage()));
                }
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new Separation(modele, ajoutes, envoyes);
    }

    /**
     * Writes the added values of a fiche just saved by {@link PlanService} (same transaction, same rights): all of them
     * ({@code remplacer}) or only the keys given. Journaled with their labels.
     */
    void enregistrer(Fiche fiche, Map<String, Object> ajoutes, boolean remplacer) {
        Map<String, Object> avant = repository.valeursDe(fiche.id());
        List<ChampAjoute> champs = repository.champs(fiche.conventionId());
        Map<String, Object> apres = new LinkedHashMap<>();
        // Values of removed fields stay where they are (the journal has them); live fields follow the request.
        avant.forEach((cle, v) -> {
            if (champs.stream().noneMatch(c -> c.cle().equals(cle)) || !remplacer) {
                apres.put(cle, v);
            }
        });
        ajoutes.forEach((cle, v) -> {
            if (v == null) {
                apres.remove(cle);
            } else {
                apres.put(cle, v);
            }
        });
        if (apres.equals(avant)) {
            return;
        }
        repository.enregistrerValeurs(fiche.id(), apres);
        List<Changement> changements = new ArrayList<>();
        for (ChampAjoute c : champs) {
            String a = c.afficher(avant.get(c.cle()));
            String b = c.afficher(apres.get(c.cle()));
            if (!Objects.equals(a, b)) {
                changements.add(new Changement(c.libelle(), a, b));
            }
        }
        if (!changements.isEmpty()) {
            journal.enregistrer("fiche", fiche.id(), fiche.conventionId(), "champs ajoutés", changements);
        }
    }

    /** Fills the values of a fiche being imported (no journal entry per field: the import writes its own). */
    void importer(long ficheId, Map<String, Object> ajoutes) {
        if (!ajoutes.isEmpty()) {
            Map<String, Object> valeurs = new LinkedHashMap<>();
            ajoutes.forEach((k, v) -> {
                if (v != null) {
                    valeurs.put(k, v);
                }
            });
            repository.enregistrerValeurs(ficheId, valeurs);
        }
    }

    private void placer(long conventionId, long id, int position) {
        List<ChampAjoute> champs = new ArrayList<>(repository.champs(conventionId));
        ChampAjoute champ = champs.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        champs.remove(champ);
        int index = Math.max(0, Math.min(champs.size(), position - 1));
        champs.add(index, champ);
        for (int i = 0; i < champs.size(); i++) {
            repository.placer(champs.get(i).id(), i + 1);
        }
    }

    private Plan planAModifier(long conventionId) {
        if (!planService.peutModifierLePlan(conventionId)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention changent les champs de ses fiches.");
        }
        Plan plan = plans.plan(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        plans.verrouillerPlan(conventionId);
        return plan;
    }

    private ChampAjoute champDuPlan(long conventionId, long id) {
        return repository.champ(id).filter(c -> c.conventionId() == conventionId)
                .orElseThrow(() -> new Introuvable("Champ ajouté " + id + " introuvable dans ce plan."));
    }

    private static String libelle(Definition d) {
        if (d == null || d.libelle() == null || d.libelle().isBlank()) {
            throw new ErreurValidation("libelle", "Donnez un libellé au champ (par exemple « Relève de la compétence de l'EPCI »).");
        }
        if (d.libelle().contains("\n")) {
            throw new ErreurValidation("libelle", "Le libellé tient sur une ligne.");
        }
        return d.libelle().strip();
    }

    private static TypeChampAjoute type(Definition d) {
        if (d.type() == null) {
            throw new ErreurValidation("type", "Choisissez le type du champ.");
        }
        return d.type();
    }

    private static List<String> choix(TypeChampAjoute type, List<String> choix) {
        if (!type.aDesChoix()) {
            return List.of();
        }
        List<String> propres = new ArrayList<>();
        for (String c : choix == null ? List.<String>of() : choix) {
            if (c != null && !c.isBlank() && !propres.contains(c.strip())) {
                if (c.contains("\n")) {
                    throw new ErreurValidation("choix", "Chaque choix tient sur une ligne.");
                }
                propres.add(c.strip());
            }
        }
        if (propres.isEmpty()) {
            throw new ErreurValidation("choix", "Un champ à choix a au moins un choix possible.");
        }
        if (propres.size() > 50) {
            throw new ErreurValidation("choix", "50 choix au plus.");
        }
        return List.copyOf(propres);
    }

    private String cle(Plan plan, long conventionId, String voulue, String libelle) {
        List<String> prises = new ArrayList<>(repository.clesMemeSupprimees(conventionId));
        plan.modele().champs().forEach(c -> prises.add(c.cle()));
        if (voulue != null && !voulue.isBlank()) {
            if (!voulue.matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
                throw new ErreurValidation("cle", "Une clé s'écrit en lettres et chiffres sans espace, commençant par une lettre (par exemple « competenceEpci »).");
            }
            if (prises.contains(voulue)) {
                throw new ErreurValidation("cle", "La clé « " + voulue + " » est déjà prise dans ce plan (modèle de fiche ou autre champ, même retiré).");
            }
            return voulue;
        }
        String base = cleDepuis(libelle);
        String cle = base;
        for (int i = 2; prises.contains(cle); i++) {
            cle = base + i;
        }
        return cle;
    }

    /** "Relève de la compétence de l'EPCI" → "releveDeLaCompetenceDeLEpci" (at most 30 characters). */
    static String cleDepuis(String libelle) {
        String simple = Normalizer.normalize(libelle, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", " ").trim();
        StringBuilder cle = new StringBuilder();
        for (String mot : simple.split(" ")) {
            if (mot.isEmpty()) {
                continue;
            }
            String m = mot.toLowerCase();
            cle.append(cle.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1));
        }
        String resultat = cle.isEmpty() || !Character.isLetter(cle.charAt(0)) ? "champ" + cle : cle.toString();
        return resultat.length() > 30 ? resultat.substring(0, 30) : resultat;
    }

    /** A stored value as it would be typed, for re-checking it under another type. */
    private static Object versSaisie(TypeChampAjoute type, Object valeur) {
        if (type.estUneListe() && !(valeur instanceof List<?>)) {
            return List.of(String.valueOf(versSaisie(TypeChampAjoute.TEXTE, valeur)));
        }
        if (valeur instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (valeur instanceof Number n) {
            return n.toString();
        }
        return valeur;
    }
}
