package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up's settings through the API (issue 15 item 9): the convention's list of statuses and the weight of
 * each fiche in the roll-up; same rights, checks and journal as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Suivi des fiches")
class ParametresSuiviApiController {

    private final SuiviService suivi;

    ParametresSuiviApiController(SuiviService suivi) {
        this.suivi = suivi;
    }

    record StatutDeSuiviJson(@Schema(description = "Libellé affiché (obligatoire, unique dans la convention)", example = "En pause") String libelle,
                      @Schema(description = "Avancement proposé par défaut, de 0 à 100", example = "50") Integer avancementDefaut,
                      @Schema(description = "Préremplissage de l'évaluation annuelle : REALISE, EN_COURS, NON_REALISE ou absent",
                              example = "EN_COURS") String statutEvaluation,
                      @Schema(description = "Version lue (obligatoire pour une modification)") Integer version) {
    }

    record DeplacementJson(@Schema(description = "-1 : monter d'un rang ; 1 : descendre d'un rang", example = "-1") Integer sens) {
    }

    record PoidsJson(@Schema(description = "Poids de la fiche dans les agrégats, de 0 à 1000 (1 par défaut)", example = "2") BigDecimal poids) {
    }

    record PoidsFicheJson(long ficheId, BigDecimal poids) {
    }

    @GetMapping("/conventions/{id}/suivi/statuts")
    @Operation(summary = "Les statuts de suivi de la convention, dans leur ordre")
    List<StatutSuivi> statuts(@PathVariable long id) {
        return suivi.statuts(id);
    }

    @PostMapping("/conventions/{id}/suivi/statuts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un statut de suivi à la fin de la liste (gestionnaires de la convention)")
    @ApiResponse(responseCode = "400", description = "Libellé vide, trop long ou déjà pris ; avancement hors de 0–100 ; statut d'évaluation inconnu")
    StatutSuivi ajouter(@PathVariable long id, @RequestBody StatutDeSuiviJson statut) {
        return suivi.ajouterStatut(id, statut.libelle(), statut.avancementDefaut(), statut.statutEvaluation());
    }

    @PutMapping("/conventions/{id}/suivi/statuts/{code}")
    @Operation(summary = "Modifier un statut de suivi (version obligatoire ; 409 si modifié entre-temps)")
    StatutSuivi modifier(@PathVariable long id, @PathVariable String code, @RequestBody StatutDeSuiviJson statut) {
        if (statut.version() == null) {
            throw new ErreurValidation("version", "La version lue du statut est obligatoire pour le modifier.");
        }
        suivi.modifierStatut(id, code, statut.libelle(), statut.avancementDefaut(), statut.statutEvaluation(), statut.version());
        return statut(id, code);
    }

    @PostMapping("/conventions/{id}/suivi/statuts/{code}/deplacement")
    @Operation(summary = "Monter (-1) ou descendre (1) un statut d'un rang ; renvoie la liste dans son nouvel ordre")
    List<StatutSuivi> deplacer(@PathVariable long id, @PathVariable String code, @RequestBody DeplacementJson deplacement) {
        if (deplacement.sens() == null || Math.abs(deplacement.sens()) != 1) {
            throw new ErreurValidation("sens", "Le sens doit être -1 (monter) ou 1 (descendre).");
        }
        suivi.deplacerStatut(id, code, deplacement.sens());
        return suivi.statuts(id);
    }

    @DeleteMapping("/conventions/{id}/suivi/statuts/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer un statut qu'aucune mise à jour n'utilise (version obligatoire)")
    @ApiResponse(responseCode = "400", description = "Statut utilisé par des mises à jour : à renommer plutôt")
    void supprimer(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer version) {
        if (version == null) {
            throw new ErreurValidation("version", "La version lue du statut est obligatoire pour le supprimer.");
        }
        suivi.supprimerStatut(id, code, version);
    }

    @PutMapping("/fiches/{id}/suivi/poids")
    @Operation(summary = "Le poids d'une fiche dans les agrégats du suivi (gestionnaires de la convention)")
    PoidsFicheJson poids(@PathVariable long id, @RequestBody PoidsJson poids) {
        suivi.definirPoids(id, poids.poids());
        return new PoidsFicheJson(id, poids.poids());
    }

    private StatutSuivi statut(long conventionId, String code) {
        return suivi.statuts(conventionId).stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
