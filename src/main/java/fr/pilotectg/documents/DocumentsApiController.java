package fr.pilotectg.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Documents of a convention under the API; same rights as the convention's pages. */
@RestController
@Tag(name = "Documents")
class DocumentsApiController {

    private final Documents documents;

    DocumentsApiController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/api/v1/conventions/{id}/documents/convention.{format}")
    @Operation(summary = "La convention et ses annexes en Word (docx) ou PDF/UA (pdf) ; annexes=diagnostic,services,plan,programme,gouvernance,evaluation,deliberations "
            + "(toutes par défaut) ; versionDeTravail=true imprime « Version de travail » (par défaut tant que la convention n'est pas signée)")
    ResponseEntity<byte[]> convention(@PathVariable long id, @PathVariable String format,
                                      @RequestParam(required = false) String annexes,
                                      @RequestParam(required = false) Boolean versionDeTravail) {
        return documents.convention(id, format, annexes, versionDeTravail);
    }

    @GetMapping("/api/v1/conventions/{id}/versions/{numero}/document.{format}")
    @Operation(summary = "Une version de la convention (signature ou avenant) en docx ou pdf : parties, période, texte, "
            + "signatures et plan tels que cette version les fixe, non tels qu'ils sont aujourd'hui ; 404 pour une version inexistante")
    ResponseEntity<byte[]> version(@PathVariable long id, @PathVariable int numero, @PathVariable String format) {
        return documents.version(id, numero, format);
    }

    @GetMapping("/api/v1/fiches/{ficheId}/document.{format}")
    @Operation(summary = "Une fiche action, tous les champs de son modèle, en docx ou pdf")
    ResponseEntity<byte[]> fiche(@PathVariable long ficheId, @PathVariable String format) {
        return documents.fiche(ficheId, format);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/fiches.{format}")
    @Operation(summary = "Toutes les fiches du plan dans son ordre, une par page, en docx ou pdf ; noeud=ID : seulement les fiches de cet élément du plan et de ses descendants")
    ResponseEntity<byte[]> fiches(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String noeud) {
        return documents.fiches(id, format, noeud);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/programme.{format}")
    @Operation(summary = "Le tableau de programmation (actions × années), en paysage, en docx ou pdf")
    ResponseEntity<byte[]> programme(@PathVariable long id, @PathVariable String format) {
        return documents.programme(id, format);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/evaluation-{annee}.{format}")
    @Operation(summary = "La grille d’évaluation annuelle d’une année de la période (paysage), en docx ou pdf ; 400 hors période")
    ResponseEntity<byte[]> evaluation(@PathVariable long id, @PathVariable int annee, @PathVariable String format) {
        return documents.evaluation(id, annee, format);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/bilan-{type}.{format}")
    @Operation(summary = "Le bilan intermédiaire ou final avec sa synthèse, en docx ou pdf")
    ResponseEntity<byte[]> bilan(@PathVariable long id, @PathVariable String type, @PathVariable String format) {
        return documents.bilan(id, type, format);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/extrait-cdsf.{format}")
    @Operation(summary = "L’extrait petite enfance pour le CDSF avec les consentements des signataires, en docx ou pdf")
    ResponseEntity<byte[]> extraitCdsf(@PathVariable long id, @PathVariable String format) {
        return documents.extraitCdsf(id, format);
    }

    @GetMapping("/api/v1/conventions/{id}/documents/copil.{format}")
    @Operation(summary = "Le dossier du COPIL : mises à jour depuis une date (depuis=AAAA-MM-JJ), actions en retard, indicateurs et cibles, synthèse de la grille, prochaines étapes")
    ResponseEntity<byte[]> copil(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String depuis) {
        return documents.copil(id, format, depuis);
    }
}
