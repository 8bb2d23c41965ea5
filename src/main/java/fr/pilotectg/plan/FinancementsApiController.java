package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The money of a plan added up (issue 10 item 7); a fiche's own lines are the member financements of the fiche API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plan d'actions")
class FinancementsApiController {

    private final FinancementsService financements;

    FinancementsApiController(FinancementsService financements) {
        this.financements = financements;
    }

    /** Planned and actual amounts in euros. */
    record TotalJson(BigDecimal prevu, BigDecimal realise) {

        static TotalJson de(TotauxFinancements.Total t) {
            return new TotalJson(Montants.euros(t.prevuCentimes()), Montants.euros(t.realiseCentimes()));
        }
    }

    record TotalAnneeJson(int annee, BigDecimal prevu, BigDecimal realise) {
    }

    record TotalFinanceurJson(Financeur financeur, String nom, BigDecimal prevu, BigDecimal realise) {
    }

    record TotalNoeudJson(long id, Long parentId, String niveau, String reference, String titre, BigDecimal prevu, BigDecimal realise) {
    }

    record TotauxJson(long conventionId, TotalJson total, List<TotalAnneeJson> parAnnee, List<TotalFinanceurJson> parFinanceur,
                      List<TotalNoeudJson> noeuds, TotalJson horsAxe, int fichesFinancees) {
    }

    @GetMapping("/conventions/{id}/plan/financements")
    @Operation(summary = "Les financements du plan additionnés : pour la convention, par année, par financeur, "
            + "par élément du plan (toutes ses fiches, à toute profondeur) et hors axe ; montants en euros")
    TotauxJson totaux(@PathVariable long id) {
        TotauxFinancements t = financements.totaux(id);
        return new TotauxJson(id, TotalJson.de(t.total()),
                t.parAnnee().stream().map(a -> new TotalAnneeJson(a.annee(), Montants.euros(a.total().prevuCentimes()),
                        Montants.euros(a.total().realiseCentimes()))).toList(),
                t.parFinanceur().stream().map(f -> new TotalFinanceurJson(f.financeur(), f.nom(), Montants.euros(f.total().prevuCentimes()),
                        Montants.euros(f.total().realiseCentimes()))).toList(),
                t.noeuds().stream().map(n -> new TotalNoeudJson(n.id(), n.parentId(), n.niveau(), n.reference(), n.titre(),
                        Montants.euros(n.total().prevuCentimes()), Montants.euros(n.total().realiseCentimes()))).toList(),
                TotalJson.de(t.horsAxe()), t.fichesFinancees());
    }
}
