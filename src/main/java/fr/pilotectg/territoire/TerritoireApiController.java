package fr.pilotectg.territoire;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commune suggestions for form autocompletion. */
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
        return territoires.rechercherCommunes(q, departement, LIMITE).stream().map(CommuneSuggestion::de).toList();
    }

    public record CommuneSuggestion(String codeInsee, String nom, String departement, Integer population) {

        static CommuneSuggestion de(Commune commune) {
            return new CommuneSuggestion(commune.codeInsee(), commune.nom(), commune.codeDepartement(),
                    commune.population());
        }
    }
}
