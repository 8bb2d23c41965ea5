package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.IndicateursRepository.Cle;
import fr.pilotectg.evaluation.IndicateursRepository.SuiviEnregistre;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.Indicateur;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up of the indicators named in the fiches ("indicateurs" field, positions from 1): unit, baseline,
 * target and one value per year, a number or a statistical marker. Same rights as the fiche's evaluation
 * line; values of a year validated by the COPIL cannot change (409).
 */
@Service
public class IndicateursService {

    static final String CHAMP_INDICATEURS = "indicateurs";

    private final IndicateursRepository repository;
    private final EvaluationRepository evaluations;
    private final PlanService plans;
    private final VerrouAnnee verrou;
    private final Journal journal;
    private final ConventionService conventions;

    IndicateursService(IndicateursRepository repository, EvaluationRepository evaluations, PlanService plans,
                       VerrouAnnee verrou, Journal journal, ConventionService conventions) {
        this.conventions = conventions;
        this.repository = repository;
        this.evaluations = evaluations;
        this.plans = plans;
        this.verrou = verrou;
        this.journal = journal;
    }

    /** Every indicator of every fiche, in plan order, with its follow-up if any. */
    public VueIndicateurs indicateurs(long conventionId) {
        if (plans.planSiExiste(conventionId).isEmpty()) {
            // A new convention has no plan yet: no indicator to show, not "Page introuvable".
            Convention convention = conventions.convention(conventionId);
            return new VueIndicateurs(convention, PlanService.anneesPeriode(convention),
                    evaluations.anneesValidees(conventionId), List.of());
        }
        VuePlan plan = plan(conventionId);
        Convention convention = plan.convention();
        Map<Cle, SuiviEnregistre> suivis = repository.suivis(conventionId);
        Map<Long, TreeMap<Integer, ValeurIndicateur>> valeurs = repository.valeurs(conventionId);
        List<IndicateurSuivi> indicateurs = new ArrayList<>();
        for (Fiche fiche : plan.arbre().fichesDansLOrdre()) {
            boolean modifiable = plans.peutModifier(convention, fiche);
            List<Indicateur> liste = fiche.champs().indicateurs(CHAMP_INDICATEURS);
            for (int i = 0; i < liste.size(); i++) {
                SuiviEnregistre suivi = suivis.get(new Cle(fiche.id(), liste.get(i).cle()));
                indicateurs.add(indicateur(fiche, i + 1, liste.get(i), suivi,
                        suivi == null ? new TreeMap<>() : valeurs.getOrDefault(suivi.id(), new TreeMap<>()), modifiable));
            }
        }
        return new VueIndicateurs(convention, PlanService.anneesPeriode(convention), evaluations.anneesValidees(conventionId),
                indicateurs);
    }

    public IndicateurSuivi indicateur(long conventionId, long ficheId, int position) {
        return indicateurs(conventionId).indicateurs().stream()
                .filter(i -> i.ficheId() == ficheId && i.position() == position).findFirst()
                .orElseThrow(() -> new Introuvable("Pas d'indicateur n° " + position + " dans la fiche " + ficheId + " de cette convention."));
    }

    @Transactional
    public IndicateurSuivi enregistrer(long conventionId, long ficheId, int position, SaisieIndicateur saisie) {
        VuePlan plan = plan(conventionId);
        Convention convention = plan.convention();
        Fiche fiche = plan.arbre().fichesDansLOrdre().stream().filter(f -> f.id() == ficheId).findFirst()
                .orElseThrow(() -> new Introuvable("La fiche " + ficheId + " n'est pas dans le plan de cette convention."));
        List<Indicateur> liste = fiche.champs().indicateurs(CHAMP_INDICATEURS);
        if (position < 1 || position > liste.size()) {
            throw new Introuvable("La fiche " + libelle(fiche) + " n'a pas d'indicateur n° " + position + ".");
        }
        if (!plans.peutModifier(convention, fiche)) {
            throw new AccesRefuse("Vous pouvez consulter les indicateurs de cette fiche mais pas les modifier.");
        }
        String libelle = liste.get(position - 1).libelle();
        String cle = liste.get(position - 1).cle();
        List<Integer> annees = PlanService.anneesPeriode(convention);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        SuiviEnregistre apres = lire(saisie, erreurs);
        Map<Integer, ValeurIndicateur> nouvelles = new LinkedHashMap<>();
        (saisie.valeurs() == null ? Map.<Integer, String>of() : saisie.valeurs()).forEach((annee, texte) -> {
            String champ = "valeurs." + annee;
            if (annee == null || !annees.contains(annee)) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Valeur de « " + libelle + " » pour " + annee
                        + " : cette année n'est pas dans la période de la convention."));
                return;
            }
            nouvelles.put(annee, ValeurIndicateur.lire(texte, champ, "Valeur " + annee + " de « " + libelle + " »", erreurs));
        });
        Saisies.signaler(erreurs);

        SuiviEnregistre avant = repository.suivis(conventionId).get(new Cle(ficheId, cle));
        TreeMap<Integer, ValeurIndicateur> valeursAvant = avant == null ? new TreeMap<>()
                : repository.valeurs(conventionId).getOrDefault(avant.id(), new TreeMap<>());
        Map<Integer, ValeurIndicateur> changees = new LinkedHashMap<>();
        nouvelles.forEach((annee, valeur) -> {
            if (!memeValeur(valeursAvant.get(annee), valeur)) {
                changees.put(annee, valeur);
            }
        });
        changees.keySet().forEach(annee -> verrou.exigerOuverte(conventionId, annee));

        long id = ecrire(conventionId, ficheId, cle, position, libelle, avant, apres);
        changees.forEach((annee, valeur) -> {
            if (valeur == null) {
                repository.supprimerValeur(id, annee);
            } else {
                repository.definirValeur(id, annee, valeur);
            }
        });
        journal.enregistrer("indicateur", id, conventionId, "indicateur « " + libelle + " » (" + libelle(fiche) + ")",
                Changement.entre(resume(avant, valeursAvant), resume(apres, fusion(valeursAvant, changees))));
        return indicateur(conventionId, ficheId, position);
    }

    /** One value typed on the whole-year entry page of the indicators: the indicator's key, the text, the version read. */
    public record SaisieValeur(long ficheId, String indicateur, String texte, Integer version) {

        public String cle() {
            return ficheId + "-" + indicateur;
        }
    }

    /**
     * Saves the values of one year for several indicators in one transaction (whole-year entry): each indicator with
     * its own version, unit, baseline and target unchanged. Any refusal (rights, a value, a version that moved) writes
     * nothing: {@link RefusDeLignes} names the indicators in error (field « valeur ») and those in conflict.
     */
    @Transactional
    public void enregistrerValeurs(long conventionId, int annee, List<SaisieValeur> saisies) {
        VueIndicateurs vue = indicateurs(conventionId);
        if (!vue.annees().contains(annee)) {
            throw new Introuvable("L'année " + annee + " n'est pas dans la période de la convention.");
        }
        Map<String, IndicateurSuivi> parCle = new LinkedHashMap<>();
        vue.indicateurs().forEach(i -> parCle.put(i.ficheId() + "-" + i.cle(), i));
        for (SaisieValeur s : saisies) {
            IndicateurSuivi i = parCle.get(s.cle());
            if (i == null) {
                throw new Introuvable("Pas d'indicateur « " + s.indicateur() + " » dans la fiche " + s.ficheId() + " de cette convention.");
            }
            if (!i.modifiable()) {
                throw new AccesRefuse("Vous pouvez consulter l'indicateur « " + i.libelle() + " » mais pas le modifier.");
            }
        }
        verrou.exigerOuverte(conventionId, annee);
        Map<String, Map<String, String>> erreurs = new LinkedHashMap<>();
        java.util.Set<String> conflits = new java.util.LinkedHashSet<>();
        for (SaisieValeur s : saisies) {
            IndicateurSuivi i = parCle.get(s.cle());
            Map<Integer, String> valeurs = new java.util.HashMap<>();
            valeurs.put(annee, s.texte() == null ? "" : s.texte());
            try {
                enregistrer(conventionId, s.ficheId(), i.position(), new SaisieIndicateur(i.unite(),
                        i.baseValeur() == null ? null : ValeurIndicateur.nombreFr(i.baseValeur()), i.baseAnnee(),
                        i.cibleValeur() == null ? null : ValeurIndicateur.nombreFr(i.cibleValeur()), i.cibleAnnee(),
                        valeurs, s.version()));
            } catch (ErreurValidation e) {
                erreurs.put(s.cle(), Map.of("valeur", String.join(" ", e.erreurs().stream().map(ErreurValidation.Erreur::message).toList())));
            } catch (ConflitDeModification e) {
                conflits.add(s.cle());
            }
        }
        if (!erreurs.isEmpty() || !conflits.isEmpty()) {
            throw new RefusDeLignes(erreurs, conflits);
        }
    }

    private long ecrire(long conventionId, long ficheId, String cle, int position, String libelle, SuiviEnregistre avant,
                        SuiviEnregistre apres) {
        String conflit = "Le suivi de l'indicateur « " + libelle + " » a été modifié par quelqu'un d'autre depuis que vous l'avez "
                + "ouvert : vos modifications n'ont pas été enregistrées. Rechargez la page.";
        if (avant == null) {
            if (apres.version() != 0) {
                throw new ConflitDeModification(conflit);
            }
            return repository.inserer(conventionId, ficheId, cle, position, libelle, apres)
                    .orElseThrow(() -> new ConflitDeModification(conflit));
        }
        if (!repository.modifier(avant.id(), position, libelle, apres)) {
            throw new ConflitDeModification(conflit);
        }
        return avant.id();
    }

    private VuePlan plan(long conventionId) {
        return plans.vuePlan(conventionId, FiltreFiches.AUCUN)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
    }

    private static IndicateurSuivi indicateur(Fiche fiche, int position, Indicateur indicateur, SuiviEnregistre suivi,
                                              TreeMap<Integer, ValeurIndicateur> valeurs, boolean modifiable) {
        return new IndicateurSuivi(suivi == null ? null : suivi.id(), fiche.id(), fiche.reference(), fiche.titre(), position,
                indicateur.libelle(), indicateur.type(), suivi == null ? null : suivi.unite(),
                suivi == null ? null : suivi.baseValeur(), suivi == null ? null : suivi.baseAnnee(),
                suivi == null ? null : suivi.cibleValeur(), suivi == null ? null : suivi.cibleAnnee(),
                valeurs, suivi != null && suivi.exemple(), suivi == null ? 0 : suivi.version(), modifiable, indicateur.cle());
    }

    private static SuiviEnregistre lire(SaisieIndicateur saisie, List<ErreurValidation.Erreur> erreurs) {
        String unite = Saisies.texte(saisie.unite(), "unite", "Unité", erreurs);
        BigDecimal base = nombre(saisie.baseValeur(), "baseValeur", "Valeur de référence", erreurs);
        BigDecimal cible = nombre(saisie.cibleValeur(), "cibleValeur", "Valeur cible", erreurs);
        annee(saisie.baseAnnee(), "baseAnnee", "Année de référence", erreurs);
        annee(saisie.cibleAnnee(), "cibleAnnee", "Année cible", erreurs);
        int version = saisie.version() == null ? -1 : saisie.version();
        if (version < 0) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version lue est obligatoire (0 pour un indicateur jamais suivi)."));
        }
        return new SuiviEnregistre(0, 0, null, 0, unite, base, saisie.baseAnnee(), cible, saisie.cibleAnnee(), false, version);
    }

    private static BigDecimal nombre(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        BigDecimal nombre = ValeurIndicateur.nombre(saisie);
        if (nombre == null) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + saisie.strip()
                    + " » n'est pas un nombre (virgule décimale acceptée, par exemple 12,5)."));
        }
        return nombre;
    }

    private static void annee(Integer annee, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (annee != null && (annee < 1900 || annee > 2100)) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + annee + " n'est pas une année plausible."));
        }
    }

    private static boolean memeValeur(ValeurIndicateur a, ValeurIndicateur b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.marqueur(), b.marqueur())
                && (a.nombre() == null ? b.nombre() == null : b.nombre() != null && a.nombre().compareTo(b.nombre()) == 0);
    }

    private static TreeMap<Integer, ValeurIndicateur> fusion(TreeMap<Integer, ValeurIndicateur> avant, Map<Integer, ValeurIndicateur> changees) {
        TreeMap<Integer, ValeurIndicateur> resultat = new TreeMap<>(avant);
        changees.forEach((annee, valeur) -> {
            if (valeur == null) {
                resultat.remove(annee);
            } else {
                resultat.put(annee, valeur);
            }
        });
        return resultat;
    }

    private static Map<String, Object> resume(SuiviEnregistre s, Map<Integer, ValeurIndicateur> valeurs) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Unité", s == null ? null : s.unite());
        resume.put("Valeur de référence", s == null || s.baseValeur() == null ? null
                : ValeurIndicateur.nombreFr(s.baseValeur()) + (s.baseAnnee() == null ? "" : " (" + s.baseAnnee() + ")"));
        resume.put("Valeur cible", s == null || s.cibleValeur() == null ? null
                : ValeurIndicateur.nombreFr(s.cibleValeur()) + (s.cibleAnnee() == null ? "" : " (" + s.cibleAnnee() + ")"));
        valeurs.forEach((annee, v) -> resume.put("Valeur " + annee, v.texte()));
        return resume;
    }

    private static String libelle(Fiche fiche) {
        return (fiche.reference() == null ? "" : fiche.reference() + " — ") + fiche.titre();
    }
}
