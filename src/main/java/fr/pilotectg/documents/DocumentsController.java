package fr.pilotectg.documents;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The download links of the pages (errors shown as pages); same documents as the API. */
@Controller
class DocumentsController {

    private final Documents documents;

    DocumentsController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/conventions/{id}/documents/convention.{format}")
    ResponseEntity<byte[]> convention(@PathVariable long id, @PathVariable String format,
                                      @RequestParam(required = false) String annexes,
                                      @RequestParam(required = false) Boolean versionDeTravail) {
        return documents.convention(id, format, annexes, versionDeTravail);
    }

    @GetMapping("/conventions/{id}/versions/{numero}/document.{format}")
    ResponseEntity<byte[]> version(@PathVariable long id, @PathVariable int numero, @PathVariable String format) {
        return documents.version(id, numero, format);
    }

    @GetMapping("/fiches/{ficheId}/document.{format}")
    ResponseEntity<byte[]> fiche(@PathVariable long ficheId, @PathVariable String format) {
        return documents.fiche(ficheId, format);
    }

    @GetMapping("/conventions/{id}/documents/fiches.{format}")
    ResponseEntity<byte[]> fiches(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String noeud) {
        return documents.fiches(id, format, noeud);
    }

    @GetMapping("/conventions/{id}/documents/programme.{format}")
    ResponseEntity<byte[]> programme(@PathVariable long id, @PathVariable String format) {
        return documents.programme(id, format);
    }

    @GetMapping("/conventions/{id}/documents/evaluation-{annee}.{format}")
    ResponseEntity<byte[]> evaluation(@PathVariable long id, @PathVariable int annee, @PathVariable String format) {
        return documents.evaluation(id, annee, format);
    }

    @GetMapping("/conventions/{id}/documents/bilan-{type}.{format}")
    ResponseEntity<byte[]> bilan(@PathVariable long id, @PathVariable String type, @PathVariable String format) {
        return documents.bilan(id, type, format);
    }

    @GetMapping("/conventions/{id}/documents/extrait-cdsf.{format}")
    ResponseEntity<byte[]> extraitCdsf(@PathVariable long id, @PathVariable String format) {
        return documents.extraitCdsf(id, format);
    }

    @GetMapping("/conventions/{id}/documents/copil.{format}")
    ResponseEntity<byte[]> copil(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String depuis) {
        return documents.copil(id, format, depuis);
    }
}
