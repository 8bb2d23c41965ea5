package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the shared follow-up; same rights and error format as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Suivi des fiches")
class SuiviApiController {

    private final SuiviService suivi;

    SuiviApiController(SuiviService suivi) {
        this.suivi = suivi;
    }

    record StatutSuiviJson(String code, String libelle) {
    }

    record MiseAJourJson(long id, long ficheId, Long campagneId, LocalDate datePoint, StatutSuiviJson statut, Integer avancement,
                         String miseEnOeuvre, String realisations, String difficultes, String auteur, boolean exemple) {
    }

    /** A fiche's current follow-up; the update fields are null when the fiche has none yet. */
    record SuiviFicheJson(long ficheId, String reference, String titre, StatutSuiviJson statut, Integer avancement,
                          int avancementCalcule, LocalDate datePoint, String auteur, String miseEnOeuvre, String realisations,
                          String difficultes, boolean exemple) {
    }

    @GetMapping("/conventions/{id}/suivi")
    @Operation(summary = "Le tableau de suivi : la dernière mise à jour de chaque fiche du plan, dans l'ordre du plan",
            description = "avancementCalcule : l'avancement compté dans les agrégats (pourcentage saisi, sinon celui du statut, sinon 0).")
    List<SuiviFicheJson> tableau(@PathVariable long id) {
        return suivi.tableau(id).lignes().stream().map(l -> {
            MiseAJour m = l.derniere();
            return m == null
                    ? new SuiviFicheJson(l.fiche().id(), l.fiche().reference(), l.fiche().titre(), null, null, 0, null, null, null, null, null, false)
                    : new SuiviFicheJson(l.fiche().id(), l.fiche().reference(), l.fiche().titre(), statut(l.statut(), m.statut()),
                    m.avancement(), l.avancement(), m.datePoint(), m.auteur(), m.miseEnOeuvre(), m.realisations(), m.difficultes(), m.exemple());
        }).toList();
    }

    @GetMapping("/fiches/{id}/suivi")
    @Operation(summary = "L'historique complet du suivi d'une fiche, la plus récente mise à jour en premier")
    List<MiseAJourJson> historique(@PathVariable long id) {
        VueSuiviFiche vue = suivi.suiviFiche(id);
        Map<String, StatutSuivi> statuts = vue.statuts().stream().collect(Collectors.toMap(StatutSuivi::code, Function.identity()));
        return vue.historique().stream().map(m -> json(m, statuts.get(m.statut()))).toList();
    }

    @PostMapping("/fiches/{id}/suivi")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une mise à jour du suivi (porteurs de la fiche et gestionnaires de la convention)")
    @ApiResponse(responseCode = "400", description = "Statut inconnu, avancement hors de 0–100, date hors de la période ou future")
    @ApiResponse(responseCode = "403", description = "Lecteur, ou porteur d'une autre fiche")
    @ApiResponse(responseCode = "404", description = "Fiche introuvable")
    MiseAJourJson ajouter(@PathVariable long id, @RequestBody NouvelleMiseAJour saisie) {
        MiseAJour m = suivi.ajouter(id, saisie);
        StatutSuivi statut = suivi.suiviFiche(id).statut(m.statut());
        return json(m, statut);
    }

    /** An update of one sub-action. */
    record MiseAJourSousActionJson(long id, long sousActionId, LocalDate datePoint, StatutSuiviJson statut, Integer avancement,
                                   String commentaire, String auteur) {
    }

    /** A sub-action of a fiche with its current follow-up and its history (latest first). */
    record SuiviSousActionJson(long sousActionId, String libelle, java.math.BigDecimal poids, StatutSuiviJson statut, Integer avancement,
                               int avancementCalcule, LocalDate datePoint, List<MiseAJourSousActionJson> historique) {
    }

    @GetMapping("/fiches/{id}/sous-actions/suivi")
    @Operation(summary = "Le suivi de chaque sous-action d'une fiche, dans l'ordre, avec son historique",
            description = "avancementCalcule : l'avancement compté dans celui de la fiche (moyenne pondérée de ses sous-actions).")
    List<SuiviSousActionJson> suiviDesSousActions(@PathVariable long id) {
        VueSuiviFiche vue = suivi.suiviFiche(id);
        return vue.sousActions().stream().map(l -> new SuiviSousActionJson(l.sousAction().id(), l.sousAction().libelle(),
                l.sousAction().poids(), l.derniere() == null ? null : statut(l.statut(), l.derniere().statut()),
                l.derniere() == null ? null : l.derniere().avancement(), l.avancement(), l.derniere() == null ? null : l.derniere().datePoint(),
                l.historique().stream().map(m -> json(m, vue.statut(m.statut()))).toList())).toList();
    }

    @PostMapping("/fiches/{id}/sous-actions/{sousActionId}/suivi")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une mise à jour du suivi d'une sous-action (porteurs de la fiche et gestionnaires de la convention)")
    @ApiResponse(responseCode = "400", description = "Statut inconnu, avancement hors de 0–100, date hors de la période ou future")
    @ApiResponse(responseCode = "403", description = "Lecteur, ou porteur d'une autre fiche")
    @ApiResponse(responseCode = "404", description = "Fiche ou sous-action introuvable")
    MiseAJourSousActionJson ajouterPourSousAction(@PathVariable long id, @PathVariable long sousActionId,
                                                  @RequestBody NouvelleMiseAJourSousAction saisie) {
        MiseAJourSousAction m = suivi.ajouterPourSousAction(id, sousActionId, saisie);
        return json(m, suivi.suiviFiche(id).statut(m.statut()));
    }

    private static MiseAJourSousActionJson json(MiseAJourSousAction m, StatutSuivi statut) {
        return new MiseAJourSousActionJson(m.id(), m.sousActionId(), m.datePoint(), statut(statut, m.statut()), m.avancement(),
                m.commentaire(), m.auteur());
    }

    private static MiseAJourJson json(MiseAJour m, StatutSuivi statut) {
        return new MiseAJourJson(m.id(), m.ficheId(), m.campagneId(), m.datePoint(), statut(statut, m.statut()), m.avancement(),
                m.miseEnOeuvre(), m.realisations(), m.difficultes(), m.auteur(), m.exemple());
    }

    private static StatutSuiviJson statut(StatutSuivi statut, String code) {
        return new StatutSuiviJson(code, statut == null ? code : statut.libelle());
    }
}
