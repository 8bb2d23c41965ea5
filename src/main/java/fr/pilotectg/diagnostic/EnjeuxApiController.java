package fr.pilotectg.diagnostic;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enjeux per thématique of a convention, read on their own: the same list as the diagnostic's (written through
 * {@code POST …/diagnostic/constats}, linked to the plan through {@code …/diagnostic/constats/{constat}/liens}).
 */
@RestController
@Tag(name = "Diagnostic")
class EnjeuxApiController {

    private final DiagnosticService diagnostic;

    EnjeuxApiController(DiagnosticService diagnostic) {
        this.diagnostic = diagnostic;
    }

    @GetMapping("/api/v1/conventions/{id}/enjeux")
    @Operation(summary = "Enjeux par thématique (ceux du diagnostic partagé, repris à l'article 4 du texte), avec les axes "
            + "et fiches du plan qui y répondent")
    List<EnjeuxDUneThematique> enjeux(@PathVariable long id) {
        return diagnostic.enjeux(id);
    }
}
