package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.gouvernance.Gouvernance;
import fr.pilotectg.gouvernance.GouvernanceService;
import fr.pilotectg.gouvernance.ReunionsService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.pilotage.TableauDeBord.FicheManquante;
import fr.pilotectg.pilotage.TableauDeBord.IndicateurVue;
import fr.pilotectg.pilotage.TableauDeBord.Retard;
import fr.pilotectg.pilotage.TableauDeBord.SuiviCampagne;
import fr.pilotectg.pilotage.TableauDeBordRepository.FicheAnnee;
import fr.pilotectg.pilotage.TableauDeBordRepository.FicheCampagne;
import fr.pilotectg.pilotage.TableauDeBordRepository.FichePlan;
import fr.pilotectg.pilotage.TableauDeBordRepository.NoeudPlan;
import fr.pilotectg.pilotage.TableauDeBordRepository.ValeurIndicateur;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard of one convention, for its readers; the planned COPIL dates, kept by its writers. */
@Service
public class TableauDeBordService {

    private final ConventionService conventions;
    private final TableauDeBordRepository repository;
    private final fr.pilotectg.gouvernance.CopilService copils;
    private final GouvernanceService gouvernances;
    private final ReunionsService reunions;
    private final Journal journal;
    private final Clock horloge;

    TableauDeBordService(ConventionService conventions, TableauDeBordRepository repository,
                         fr.pilotectg.gouvernance.CopilService copils, GouvernanceService gouvernances,
                         ReunionsService reunions, Journal journal, Clock horloge) {
        this.gouvernances = gouvernances;
        this.reunions = reunions;
        this.horloge = horloge;
        this.conventions = conventions;
        this.repository = repository;
        this.copils = copils;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public TableauDeBord tableau(long conventionId) {
        // The convention and its governance read once for the page: the planned COPILs and the decisions to follow
        // come from the same governance (each used to read the convention aggregate again).
        VueConvention vue = conventions.vue(conventionId);
        Convention convention = vue.convention();
        Gouvernance gouvernance = gouvernances.gouvernance(vue);
        LocalDate aujourdhui = LocalDate.now(horloge);
        int anneeCourante = aujourdhui.getYear();
        List<FichePlan> fiches = repository.fiches(conventionId);
        Map<Long, List<FicheAnnee>> annees = repository.fichesAnnees(conventionId, aujourdhui).stream()
                .collect(Collectors.groupingBy(FicheAnnee::ficheId));
        List<NoeudPlan> noeuds = repository.noeuds(conventionId);
        Map<Integer, String> niveaux = repository.niveaux(conventionId);

        Integer rangThematique = Regroupements.rangThematique(niveaux);
        Integer rangAxe = Regroupements.rangAxe(niveaux);
        // Every plan gets its roll-up by thématique: its « Thématique » level, else the national thématiques named by its titles.
        List<Completion> parThematique = Regroupements.completions(rangThematique != null
                ? Regroupements.parNoeud(fiches, noeuds, rangThematique, "Hors thématique")
                : Regroupements.parThematiqueNationale(fiches, noeuds), annees, a -> a <= anneeCourante);
        List<Completion> parAxe = rangAxe == null ? List.of() : Regroupements.completions(
                Regroupements.parNoeud(fiches, noeuds, rangAxe, "Hors axe"), annees, a -> a <= anneeCourante);
        List<Completion> parAnnee = annees.values().stream().flatMap(List::stream).map(FicheAnnee::annee).distinct().sorted()
                .map(a -> Regroupements.completion(String.valueOf(a), fiches, annees, x -> x == a, false)).toList();

        List<Graphique> graphiques = List.of(
                graphiqueEmpile("Situation des fiches par année (fiches-années concernées)", parAnnee),
                Graphique.barres("Part des fiches-années réalisées par axe, jusqu'à " + anneeCourante, "Réalisé (%)",
                        parAxe.stream().map(c -> new Graphique.Ligne(c.libelle(), List.of(c.tauxRealise()))).toList(), "%", 100),
                Graphique.barres("Part des fiches-années réalisées par thématique, jusqu'à " + anneeCourante, "Réalisé (%)",
                        parThematique.stream().map(c -> new Graphique.Ligne(c.libelle(), List.of(c.tauxRealise()))).toList(), "%", 100));

        return new TableauDeBord(convention, repository.exemple(conventionId), vue.modifiable(), anneeCourante,
                fiches.size(), Regroupements.completion("Ensemble", fiches, annees, a -> a <= anneeCourante, true),
                rangThematique == null ? (fiches.isEmpty() ? null : "Thématique nationale") : niveaux.get(rangThematique), parThematique,
                rangAxe == null ? null : niveaux.get(rangAxe), parAxe, parAnnee,
                retards(fiches, annees, anneeCourante), campagnes(conventionId, fiches), indicateurs(conventionId, fiches, anneeCourante),
                copils.copilsProgrammes(gouvernance).stream().map(TableauDeBordService::copilPrevu).toList(),
                reunions.decisionsASuivre(gouvernance), graphiques);
    }

    /** Stacked bars of the fiche-years by situation (réalisé … à venir), the situations that occur only. */
    static Graphique graphiqueEmpile(String titre, List<Completion> lignes) {
        List<Situation> presentes = Situation.concernees().stream()
                .filter(s -> lignes.stream().anyMatch(c -> nombre(c, s) > 0) || s != Situation.EN_COURS_D_ANNEE && s != Situation.A_VENIR)
                .toList();
        return Graphique.empilees(titre, presentes.stream().map(s -> new Graphique.Serie(s.libelle(), s.couleur(), s.hachuree())).toList(),
                lignes.stream().map(c -> new Graphique.Ligne(c.libelle(),
                        presentes.stream().map(s -> (double) nombre(c, s)).toList())).toList(), null);
    }

    private static int nombre(Completion c, Situation s) {
        return switch (s) {
            case REALISE -> c.realisees();
            case EN_COURS -> c.enCours();
            case NON_REALISE -> c.nonRealisees();
            case EN_COURS_D_ANNEE -> c.enCoursDAnnee();
            case A_VENIR -> c.aVenir();
            case NON_CONCERNE -> 0;
        };
    }

    private static List<Retard> retards(List<FichePlan> fiches, Map<Long, List<FicheAnnee>> annees, int anneeCourante) {
        List<Retard> retards = new ArrayList<>();
        for (FichePlan fiche : fiches) {
            for (FicheAnnee fa : annees.getOrDefault(fiche.id(), List.of())) {
                if (fa.situation().enRetard()) {
                    retards.add(new Retard(fiche.reference(), fiche.titre(), fa.annee(), fa.affichage()));
                }
            }
        }
        retards.sort(Comparator.comparingInt(Retard::annee));
        return retards;
    }

    private List<SuiviCampagne> campagnes(long conventionId, List<FichePlan> fiches) {
        Map<Long, FichePlan> parId = fiches.stream().collect(Collectors.toMap(FichePlan::id, Function.identity()));
        Map<Long, List<FicheCampagne>> parCampagne = repository.fichesCampagnesOuvertes(conventionId).stream()
                .collect(Collectors.groupingBy(FicheCampagne::campagneId, LinkedHashMap::new, Collectors.toList()));
        return parCampagne.values().stream().map(lignes -> new SuiviCampagne(lignes.get(0).campagne(), lignes.get(0).dateLimite(),
                lignes.size(), (int) lignes.stream().filter(FicheCampagne::repondu).count(),
                lignes.stream().filter(l -> !l.repondu()).map(l -> parId.get(l.ficheId()))
                        .map(f -> new FicheManquante(f.reference(), f.titre())).toList())).toList();
    }

    List<IndicateurVue> indicateurs(long conventionId, List<FichePlan> fiches, int jusqua) {
        Map<Long, FichePlan> parId = fiches.stream().collect(Collectors.toMap(FichePlan::id, Function.identity()));
        Map<Long, Integer> rang = new java.util.HashMap<>();
        fiches.forEach(f -> rang.put(f.id(), rang.size()));
        return repository.indicateurs(conventionId, jusqua).stream()
                .sorted(Comparator.comparingInt(v -> rang.getOrDefault(v.ficheId(), Integer.MAX_VALUE))).map(v -> new IndicateurVue(
                parId.get(v.ficheId()).intitule(), v.libelle(), v.unite(), Pourcentages.nombre(v.base()), v.baseAnnee(),
                Pourcentages.nombre(v.cible()), v.cibleAnnee(),
                v.marqueur() != null ? v.marqueur() : Pourcentages.nombre(v.valeur()), v.annee(), v.marqueur() != null,
                atteinte(v))).toList();
    }

    /** How far the latest value went from the baseline to the target, in %; none for a marker or missing figure. */
    private static String atteinte(ValeurIndicateur v) {
        if (v.valeur() == null || v.base() == null || v.cible() == null || v.cible().compareTo(v.base()) == 0) {
            return null;
        }
        BigDecimal part = v.valeur().subtract(v.base()).multiply(BigDecimal.valueOf(100))
                .divide(v.cible().subtract(v.base()), 0, RoundingMode.HALF_UP);
        return part + "\u00a0%";
    }

    @Transactional
    public CopilPrevu ajouterCopil(long conventionId, LocalDate date, String objet) {
        Convention convention = verifierEcriture(conventionId);
        if (date == null) {
            throw new ErreurValidation("date", "La date du COPIL est obligatoire (format jj/mm/aaaa).");
        }
        String objetPropre = objet == null || objet.isBlank() ? null : objet.strip();
        if (objetPropre != null && objetPropre.length() > 300) {
            throw new ErreurValidation("objet", "L'objet du COPIL ne doit pas dépasser 300 caractères.");
        }
        return copilPrevu(copils.programmer(convention.id(), date, objetPropre));
    }

    /** Removes a programmed COPIL meeting (ADR 0039: planned COPILs are meetings of the convention's COPIL). */
    @Transactional
    public void supprimerCopil(long conventionId, long copilId) {
        verifierEcriture(conventionId);
        copils.retirer(conventionId, copilId);
    }

    private static CopilPrevu copilPrevu(fr.pilotectg.gouvernance.Reunion r) {
        return new CopilPrevu(r.id(), r.conventionId(), r.date(), r.ordreDuJour().isEmpty() ? null : r.ordreDuJour().get(0).texte());
    }

    private Convention verifierEcriture(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas programmer ses COPIL.");
        }
        return convention;
    }
}
