package fr.pilotectg.territoire;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commune suggestions for form autocompletion; former communes' names lead to the current commune, with a note. */
@RestController
@RequestMapping("/api/v1/territoires")
class TerritoireApiController {

    static final int LIMITE = 20;

    private final TerritoireService territoires;

    TerritoireApiController(TerritoireService territoires) {
        this.territoires = territoires;
    }

    @GetMapping("/communes")
    List<CommuneSuggestion> communes(@RequestParam(defaultValue = "") String q,
                                     @RequestParam(required = false) String departement) {
        return territoires.rechercherCommunes(q, departement, LIMITE).stream()
                .map(c -> CommuneSuggestion.de(c, territoires.noteDeRecherche(q, c).orElse(null))).toList();
    }

    /** @param note when the text matched a former commune merged into this one: "« A » a fusionné dans « B » …" */
    public record CommuneSuggestion(String codeInsee, String nom, String departement, Integer population, String note) {

        static CommuneSuggestion de(Commune commune, String note) {
            return new CommuneSuggestion(commune.codeInsee(), commune.nom(), commune.codeDepartement(),
                    commune.population(), note);
        }
    }
}
