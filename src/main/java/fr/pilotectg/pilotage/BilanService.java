package fr.pilotectg.pilotage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.pilotage.Bilan.AxeBilan;
import fr.pilotectg.pilotage.Bilan.AxeTransversalVue;
import fr.pilotectg.pilotage.Bilan.FicheBilan;
import fr.pilotectg.pilotage.Bilan.ResultatVue;
import fr.pilotectg.pilotage.TableauDeBordRepository.FicheAnnee;
import fr.pilotectg.pilotage.TableauDeBordRepository.FichePlan;
import fr.pilotectg.pilotage.TableauDeBordRepository.ResultatAnnuel;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mid-term and final bilans (Art. 9): the years' realisations per axe with the saved « Résultats », indicators
 * against their baseline, the transversal axes; and a synthesis written by the convention's writers.
 */
@Service
public class BilanService {

    private static final Map<String, String> AXES_TRANSVERSAUX = Map.of(
            "ETAT_DES_LIEUX_OFFRE", "État des lieux de l'offre", "PARTENARIAT", "Qualité du partenariat",
            "COMMUNICATION", "Communication", "GOUVERNANCE", "Gouvernance (COTECH/COPIL)", "COORDINATION", "Coordination");

    private final ConventionService conventions;
    private final TableauDeBordRepository lecture;
    private final TableauDeBordService tableaux;
    private final BilanRepository repository;
    private final Journal journal;
    private final Clock horloge;

    BilanService(ConventionService conventions, TableauDeBordRepository lecture, TableauDeBordService tableaux,
                 BilanRepository repository, Journal journal, Clock horloge) {
        this.horloge = horloge;
        this.conventions = conventions;
        this.lecture = lecture;
        this.tableaux = tableaux;
        this.repository = repository;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public Bilan bilan(long conventionId, TypeBilan type) {
        Convention convention = conventions.convention(conventionId);
        SyntheseBilan synthese = repository.synthese(conventionId, type).orElse(SyntheseBilan.VIDE);
        boolean modifiable = conventions.peutModifier(convention);
        var periode = convention.periode();
        if (periode.dateDebut() == null || periode.dateFin() == null) {
            return new Bilan(convention, type, null, null, false, modifiable, List.of(), null, List.of(), Map.of(), synthese);
        }
        int de = periode.dateDebut().getYear();
        int a = type.derniereAnnee(de, periode.dateFin().getYear());
        List<FichePlan> fiches = lecture.fiches(conventionId);
        Map<Long, List<FicheAnnee>> annees = lecture.fichesAnnees(conventionId, LocalDate.now(horloge)).stream()
                .filter(fa -> fa.annee() >= de && fa.annee() <= a).collect(Collectors.groupingBy(FicheAnnee::ficheId));
        Map<Long, List<ResultatAnnuel>> resultats = lecture.resultats(conventionId, de, a).stream()
                .collect(Collectors.groupingBy(ResultatAnnuel::ficheId));
        Map<Integer, String> niveaux = lecture.niveaux(conventionId);
        Integer rangAxe = Regroupements.rangAxe(niveaux);
        Map<String, List<FichePlan>> groupes = rangAxe == null ? (fiches.isEmpty() ? Map.of() : Map.of("Plan d'actions", fiches))
                : Regroupements.parNoeud(fiches, lecture.noeuds(conventionId), rangAxe, "Hors axe");

        List<AxeBilan> axes = new ArrayList<>();
        List<Completion> completions = new ArrayList<>();
        groupes.forEach((libelle, fichesDuGroupe) -> {
            Completion c = Regroupements.completion(libelle, fichesDuGroupe, annees, x -> true, false);
            int nonConcernees = (int) fichesDuGroupe.stream().flatMap(f -> annees.getOrDefault(f.id(), List.of()).stream())
                    .filter(fa -> fa.affichage() == Situation.NON_CONCERNE).count();
            axes.add(new AxeBilan(libelle, c.realisees(), c.enCours(), c.nonRealisees(), c.enCoursDAnnee(), c.aVenir(), nonConcernees,
                    fichesDuGroupe.stream().map(f -> new FicheBilan(f.intitule(), resultats.getOrDefault(f.id(), List.of()).stream()
                            .map(r -> new ResultatVue(r.annee(), r.resultats())).toList())).toList()));
            completions.add(c);
        });
        Map<Integer, List<AxeTransversalVue>> transversaux = lecture.axesTransversaux(conventionId, de, a).stream()
                .collect(Collectors.groupingBy(TableauDeBordRepository.AxeTransversal::annee, LinkedHashMap::new,
                        Collectors.mapping(x -> new AxeTransversalVue(AXES_TRANSVERSAUX.getOrDefault(x.axe(), x.axe()), x.ouvertures(),
                                x.fermetures(), x.faitsMarquants(), x.resultats(), x.perspectives(), x.impacts()), Collectors.toList())));
        Graphique graphique = TableauDeBordService.graphiqueEmpile(
                "Situation des fiches-années concernées par " + (rangAxe == null ? "axe" : niveaux.get(rangAxe).toLowerCase(java.util.Locale.FRENCH))
                        + ", " + de + "–" + a, completions);
        return new Bilan(convention, type, de, a, lecture.exemple(conventionId), modifiable, axes, graphique,
                tableaux.indicateurs(conventionId, fiches, a), transversaux, synthese);
    }

    @Transactional
    public SyntheseBilan enregistrerSynthese(long conventionId, TypeBilan type, int version, SyntheseBilan saisie) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter ce bilan mais pas rédiger sa synthèse.");
        }
        SyntheseBilan propre = new SyntheseBilan(propre(saisie.realisations(), "realisations", "Réalisations"),
                propre(saisie.changementsHabitants(), "changementsHabitants", "Changements pour les habitants du territoire"),
                propre(saisie.partenariatGouvernance(), "partenariatGouvernance", "Fonctionnement du partenariat et de la gouvernance"),
                propre(saisie.recommandations(), "recommandations", "Recommandations pour la CTG suivante"), version, null, null);
        SyntheseBilan avant = repository.synthese(conventionId, type).orElse(SyntheseBilan.VIDE);
        if (!repository.enregistrer(conventionId, type, version, propre, UtilisateurConnecte.courant().identifiant())) {
            throw new ConflitDeModification("La synthèse du " + type.libelle().toLowerCase(java.util.Locale.FRENCH)
                    + " a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : rien n'a été enregistré. "
                    + "Votre saisie est reprise ci-dessous ; comparez-la avec la version actuelle avant d'enregistrer à nouveau.");
        }
        journal.enregistrer("BILAN_SYNTHESE", conventionId, conventionId, "Synthèse du " + type.libelle().toLowerCase(java.util.Locale.FRENCH),
                Changement.entre(avant.sections(), propre.sections()));
        return repository.synthese(conventionId, type).orElseThrow();
    }

    private static String propre(String texte, String champ, String libelle) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        String propre = texte.strip();
        if (propre.length() > SyntheseBilan.LONGUEUR_MAX) {
            throw new ErreurValidation(champ, "La section « " + libelle + " » dépasse " + SyntheseBilan.LONGUEUR_MAX
                    + " caractères (" + propre.length() + ").");
        }
        return propre;
    }
}
