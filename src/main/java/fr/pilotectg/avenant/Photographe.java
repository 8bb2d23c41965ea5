package fr.pilotectg.avenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.ServiceSoutenu;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.Financement;
import fr.pilotectg.plan.FinancementsService;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.texte.TexteService;
import org.springframework.stereotype.Component;

/** Builds the snapshot of a convention's contractual parts from the features' public services (reads, rights checked). */
@Component
class Photographe {

    private final ConventionService conventions;
    private final TexteService textes;
    private final PlanService plans;
    private final OffreService offre;
    private final FinancementsService financements;
    private final AvenantDeLAo lignesAo;

    Photographe(ConventionService conventions, TexteService textes, PlanService plans, OffreService offre,
                FinancementsService financements, AvenantDeLAo lignesAo) {
        this.lignesAo = lignesAo;
        this.offre = offre;
        this.financements = financements;
        this.conventions = conventions;
        this.textes = textes;
        this.plans = plans;
    }

    Instantane photographier(long conventionId) {
        VueConvention vue = conventions.vue(conventionId);
        Convention c = vue.convention();
        List<Instantane.PartieFigee> parties = vue.parties().stream().map(p -> new Instantane.PartieFigee(
                p.organisation().id(), p.nomImprime() != null ? p.nomImprime() : p.organisation().nom(), p.role().libelle(),
                p.representants().stream().map(m -> m.personne().nomComplet() + ", " + m.fonction()).toList())).toList();
        List<Instantane.SectionFigee> sections = textes.texte(conventionId).sections().stream()
                .map(s -> new Instantane.SectionFigee(s.nature().name(), s.numero(), s.intitule(), s.titre(), s.html())).toList();
        List<String> niveaux = List.of();
        List<Instantane.NoeudFige> noeuds = new ArrayList<>();
        List<Instantane.FicheFigee> fiches = new ArrayList<>();
        List<Instantane.FinancementFige> prevus = new ArrayList<>();
        if (plans.planSiExiste(conventionId).isPresent()) {
            ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
            niveaux = arbre.plan().niveaux().stream().map(Niveau::nom).toList();
            arbre.branches().forEach(b -> noeuds.add(new Instantane.NoeudFige(b.noeud().id(), b.noeud().parentId(),
                    b.noeud().rang(), b.niveau().nom(), b.noeud().reference(), b.noeud().titre())));
            arbre.fichesDansLOrdre().forEach(f -> fiches.add(figer(f)));
            Map<Long, List<Financement>> parFiche = financements.deLaConvention(conventionId);
            // Only the planned amounts are contractual: a line with an actual amount alone is follow-up.
            arbre.fichesDansLOrdre().forEach(f -> parFiche.getOrDefault(f.id(), List.of()).stream()
                    .filter(l -> l.prevuCentimes() != null)
                    .forEach(l -> prevus.add(new Instantane.FinancementFige(f.id(), l.annee(), l.financeur().name(),
                            l.financeur().libelle(), l.nom(), l.prevuCentimes()))));
        }
        return new Instantane(c.titre(), c.periode().dateDebut(), c.periode().dateFin(), c.periode().dureeAnnees(),
                c.periode().libelle(), c.signature().lieu(), c.signature().date(), parties, sections, niveaux, noeuds, fiches,
                offre.services(conventionId).stream().map(Photographe::figer).toList(), prevus,
                lignesAo.figer(c));
    }

    static Instantane.ServiceFige figer(ServiceSoutenu s) {
        return new Instantane.ServiceFige(s.id(), s.typeImprime() != null ? s.typeImprime() : s.type().libelle(), s.nom(),
                s.gestionnaire(), s.commune(), s.capacite());
    }

    static Instantane.FicheFigee figer(Fiche f) {
        Map<String, String> champs = new LinkedHashMap<>(f.champs().textes());
        f.champs().listes().forEach((cle, valeurs) -> champs.put(cle, String.join("\n", valeurs)));
        f.champs().organisations().forEach((cle, valeurs) -> champs.put(cle, String.join("\n",
                valeurs.stream().map(o -> o.nom()).toList())));
        return new Instantane.FicheFigee(f.id(), f.noeudId(), f.reference(), f.titre(), champs, f.annees());
    }
}
