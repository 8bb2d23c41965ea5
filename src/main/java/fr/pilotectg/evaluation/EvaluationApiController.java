package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the annual evaluation and of the indicators' follow-up; same rights and error format as the pages. */
@RestController
@RequestMapping("/api/v1/conventions/{id}")
@Tag(name = "Évaluation annuelle")
class EvaluationApiController {

    private final EvaluationService evaluation;
    private final IndicateursService indicateurs;

    EvaluationApiController(EvaluationService evaluation, IndicateursService indicateurs) {
        this.evaluation = evaluation;
        this.indicateurs = indicateurs;
    }

    record LigneJson(long ficheId, String reference, String titre, StatutEvaluation statut, String libelleStatut,
                     LocalDate datePrevue, String resultats, String perspectives, String impacts, OrigineLigne origine,
                     String mention, boolean exemple, int version, Situation situation, String libelleSituation,
                     boolean enRetard, List<EvaluationSousActionJson> sousActions, Integer tauxSousActions) {

        static LigneJson de(LigneEvaluation l) {
            return new LigneJson(l.ficheId(), l.reference(), l.titre(), l.statut(), l.statut().libelle(), l.datePrevue(),
                    l.resultats(), l.perspectives(), l.impacts(), l.origine(), l.mention(), l.exemple(), l.version(),
                    l.affichage(), l.affichage().libelle(), l.situation().enRetard(),
                    l.sousActions().stream().map(EvaluationSousActionJson::de).toList(), l.tauxSousActions());
        }
    }

    /** The grid line of a sub-action (ADR 0038). */
    record EvaluationSousActionJson(long sousActionId, String libelle, BigDecimal poids, StatutEvaluation statut, String libelleStatut,
                          String resultats, OrigineLigne origine, String mention, int version) {

        static EvaluationSousActionJson de(LigneSousActionEvaluation l) {
            return new EvaluationSousActionJson(l.sousActionId(), l.libelle(), l.poids(), l.statut(), l.statut().libelle(), l.resultats(),
                    l.origine(), l.mention(), l.version());
        }
    }

    record AxeJson(AxeTransversal axe, String libelle, String ouvertures, String fermetures, String faitsMarquants,
                   String resultats, String perspectives, String impacts, boolean exemple, int version) {

        static AxeJson de(AxeEvaluation a) {
            return new AxeJson(a.axe(), a.axe().libelle(), a.ouvertures(), a.fermetures(), a.faitsMarquants(), a.resultats(),
                    a.perspectives(), a.impacts(), a.exemple(), a.version());
        }
    }

    record CopilJson(LocalDate date, String decision, String valideePar, OffsetDateTime valideeLe) {
    }

    record GrilleJson(long conventionId, int annee, boolean valide, CopilJson copil, List<LigneJson> lignes,
                      List<AxeJson> axesTransversaux, String commentaires, boolean exemple, int version) {

        static GrilleJson de(GrilleAnnuelle g) {
            return new GrilleJson(g.convention().id(), g.annee(), g.valide(),
                    g.validation().map(v -> new CopilJson(v.dateCopil(), v.decision(), v.valideePar(), v.valideeLe())).orElse(null),
                    g.lignes().stream().map(LigneJson::de).toList(), g.axes().stream().map(AxeJson::de).toList(),
                    g.commentaires(), g.exemple(), g.version());
        }
    }

    record CommentairesJson(String commentaires, Integer version) {
    }

    record ValidationJson(String dateCopil, String decision) {
    }

    record DeverrouillageJson(String motif) {
    }

    record ValeurJson(int annee, BigDecimal valeur, String marqueur, boolean exemple) {
    }

    record TendanceJson(Tendance.Sens sens, String texte) {
    }

    record IndicateurJson(long ficheId, String referenceFiche, int position, String libelle, String type, String unite,
                          BigDecimal baseValeur, Integer baseAnnee, BigDecimal cibleValeur, Integer cibleAnnee,
                          List<ValeurJson> valeurs, TendanceJson tendance, boolean exemple, int version) {

        static IndicateurJson de(IndicateurSuivi i) {
            return new IndicateurJson(i.ficheId(), i.referenceFiche(), i.position(), i.libelle(), i.type(), i.unite(),
                    i.baseValeur(), i.baseAnnee(), i.cibleValeur(), i.cibleAnnee(),
                    i.valeurs().entrySet().stream().map(e -> new ValeurJson(e.getKey(), e.getValue().nombre(),
                            e.getValue().marqueur(), e.getValue().exemple())).toList(),
                    i.tendance().map(t -> new TendanceJson(t.sens(), t.texte())).orElse(null), i.exemple(), i.version());
        }
    }

    @GetMapping("/evaluation/{annee}")
    @Operation(summary = "La grille d'évaluation d'une année : une ligne par fiche (enregistrée, pré-remplie depuis le suivi "
            + "ou par défaut) avec sa situation du jour (à venir, en cours d'année, en retard…), les axes transversaux, les commentaires et la validation du COPIL")
    GrilleJson grille(@PathVariable long id, @PathVariable int annee) {
        return GrilleJson.de(evaluation.grille(id, annee));
    }

    @PutMapping("/evaluation/{annee}/lignes/{ficheId}")
    @Operation(summary = "Enregistrer la ligne d'une fiche (version lue, 0 si jamais enregistrée) ; 409 si l'année est validée")
    LigneJson ligne(@PathVariable long id, @PathVariable int annee, @PathVariable long ficheId, @RequestBody SaisieLigne saisie) {
        return LigneJson.de(evaluation.enregistrerLigne(id, annee, ficheId, saisie));
    }

    @PutMapping("/evaluation/{annee}/sous-actions/{sousActionId}")
    @Operation(summary = "Enregistrer la ligne d'une sous-action (statut, résultats, version lue, 0 si jamais enregistrée) ; "
            + "rend la ligne de sa fiche, dont le statut se calcule depuis ses sous-actions (pondéré) tant que la ligne "
            + "de la fiche n'est pas enregistrée ; 409 si l'année est validée")
    LigneJson sousAction(@PathVariable long id, @PathVariable int annee, @PathVariable long sousActionId,
                         @RequestBody SaisieSousAction saisie) {
        return LigneJson.de(evaluation.enregistrerSousAction(id, annee, sousActionId, saisie));
    }

    @PutMapping("/evaluation/{annee}/axes/{axe}")
    @Operation(summary = "Enregistrer un axe transversal (ETAT_DES_LIEUX_OFFRE, PARTENARIAT, COMMUNICATION, GOUVERNANCE, COORDINATION)")
    AxeJson axe(@PathVariable long id, @PathVariable int annee, @PathVariable String axe, @RequestBody SaisieAxe saisie) {
        return AxeJson.de(evaluation.enregistrerAxe(id, annee, AxeTransversal.lire(axe), saisie));
    }

    @PutMapping("/evaluation/{annee}/commentaires")
    @Operation(summary = "Enregistrer les commentaires libres de l'année (version de l'année lue)")
    GrilleJson commentaires(@PathVariable long id, @PathVariable int annee, @RequestBody CommentairesJson corps) {
        evaluation.enregistrerCommentaires(id, annee, corps.commentaires(), corps.version());
        return GrilleJson.de(evaluation.grille(id, annee));
    }

    @PostMapping("/evaluation/{annee}/validation")
    @Operation(summary = "Valider l'année par le COPIL (date AAAA-MM-JJ et décision) : l'année devient non modifiable")
    GrilleJson valider(@PathVariable long id, @PathVariable int annee, @RequestBody ValidationJson corps) {
        evaluation.valider(id, annee, corps.dateCopil(), corps.decision());
        return GrilleJson.de(evaluation.grille(id, annee));
    }

    @PostMapping("/evaluation/{annee}/deverrouillage")
    @Operation(summary = "Déverrouiller une année validée (administrateur, motif obligatoire, conservé au journal)")
    GrilleJson deverrouiller(@PathVariable long id, @PathVariable int annee, @RequestBody DeverrouillageJson corps) {
        evaluation.deverrouiller(id, annee, corps.motif());
        return GrilleJson.de(evaluation.grille(id, annee));
    }

    @GetMapping("/indicateurs")
    @Operation(summary = "Les indicateurs des fiches, dans l'ordre du plan, avec référence, cible, valeurs annuelles et tendance")
    List<IndicateurJson> indicateurs(@PathVariable long id) {
        return indicateurs.indicateurs(id).indicateurs().stream().map(IndicateurJson::de).toList();
    }

    @PutMapping("/indicateurs/{ficheId}/{position}")
    @Operation(summary = "Enregistrer le suivi d'un indicateur (position à partir de 1) ; valeurs par année : nombre "
            + "(virgule acceptée) ou marqueur « <5 », « NS », « ND »")
    IndicateurJson indicateur(@PathVariable long id, @PathVariable long ficheId, @PathVariable int position,
                              @RequestBody SaisieIndicateur saisie) {
        return IndicateurJson.de(indicateurs.enregistrer(id, ficheId, position, saisie));
    }
}
