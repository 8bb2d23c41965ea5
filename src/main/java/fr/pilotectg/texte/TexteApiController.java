package fr.pilotectg.texte;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of a convention's text; same rights as the pages. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/sections")
@Tag(name = "Texte de la convention")
class TexteApiController {

    private final TexteService textes;

    TexteApiController(TexteService textes) {
        this.textes = textes;
    }

    record SectionJson(NatureSection nature, Integer numero, String titre, String texte) {
    }

    record TexteJson(long conventionId, int version, boolean modele, List<SectionJson> sections, boolean modifiable) {
    }

    record TexteModificationJson(Integer version, List<SaisieSection> sections) {
    }

    @GetMapping
    @Operation(summary = "Sections du texte dans l'ordre du document (le modèle national, version 0, tant que rien n'est écrit)")
    TexteJson sections(@PathVariable long id) {
        return json(textes.texte(id));
    }

    @PutMapping
    @Operation(summary = "Remplacer les sections (HTML limité aux paragraphes, listes, gras et italique : le reste est retiré ; "
            + "la version lue est obligatoire : 409 si elle a changé)")
    TexteJson modifier(@PathVariable long id, @RequestBody TexteModificationJson demande) {
        return json(textes.modifier(id, demande.version(), demande.sections()));
    }

    private static TexteJson json(TexteConvention texte) {
        return new TexteJson(texte.conventionId(), texte.version(), texte.modele(), texte.sections().stream()
                .map(s -> new SectionJson(s.nature(), s.numero(), s.titre(), s.html())).toList(), texte.modifiable());
    }
}
