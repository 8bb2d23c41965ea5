package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.diagnostic.CategorieAlsh;
import fr.pilotectg.diagnostic.ChiffreImprime;
import fr.pilotectg.diagnostic.Constat;
import fr.pilotectg.diagnostic.DiagnosticService;
import fr.pilotectg.diagnostic.Indicateur;
import fr.pilotectg.diagnostic.LienPlan;
import fr.pilotectg.diagnostic.LigneAlsh;
import fr.pilotectg.diagnostic.LigneEaje;
import fr.pilotectg.diagnostic.LigneFinancement;
import fr.pilotectg.diagnostic.NatureConstat;
import fr.pilotectg.diagnostic.NouveauTerritoire;
import fr.pilotectg.diagnostic.NouvelleValeur;
import fr.pilotectg.diagnostic.SourceDiagnostic;
import fr.pilotectg.diagnostic.TableauImprime;
import fr.pilotectg.diagnostic.TypeTerritoire;
import fr.pilotectg.diagnostic.Valeur;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the shared diagnostic of the demo conventions from {@code demo/diagnostic/<convention>.json} through the
 * public diagnostic service, so the demo obeys the same checks as typed or imported data.
 */
@Component
class DemoDiagnosticLoader {

    record DiagnosticDemo(List<TerritoireDemo> territoires, List<SourceDiagnostic> sources, List<Indicateur> indicateurs,
                          List<ValeurDemo> valeurs, TableauDemo<LigneEaje> eaje, TableauDemo<LigneAlsh> alsh,
                          FinancementsDemo financements, AfomDemo afom, List<EnjeuxDemo> enjeux) {
    }

    /** communesDeLEpciSauf: the convention's EPCI without these communes ("EPCI sans ville-centre"). */
    record TerritoireDemo(String cle, TypeTerritoire type, String nom, String code, List<String> communes,
                          List<String> communesDeLEpciSauf) {
    }

    record ValeurDemo(String indicateur, String territoire, String periode, String source, Valeur valeur, String note) {
    }

    record TableauDemo<L>(Integer annee, String source, List<L> lignes, Map<String, Valeur> totauxImprimes, String emplacement) {
    }

    record FinancementsDemo(List<LigneFinancement> lignes, List<TotalDemo> totaux, List<EvolutionDemo> evolutions) {
    }

    record TotalDemo(String libelle, int annee, Valeur montant, List<String> composantes) {
    }

    record EvolutionDemo(String libelle, Valeur evolution) {
    }

    record AfomDemo(List<String> atouts, List<String> faiblesses, List<String> opportunites, List<String> menaces) {
    }

    /** axe: the title (or its beginning) of the plan node the enjeux of this thématique are answered by. */
    record EnjeuxDemo(String thematique, String source, String axe, List<String> enjeux) {
    }

    private final DiagnosticService diagnostic;
    private final TerritoireService territoires;
    private final PlanService plans;
    private final ObjectMapper json;

    DemoDiagnosticLoader(DiagnosticService diagnostic, TerritoireService territoires, PlanService plans, ObjectMapper json) {
        this.diagnostic = diagnostic;
        this.territoires = territoires;
        this.plans = plans;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/diagnostic/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention, lire(fichier));
            }
        });
    }

    private void charger(Convention convention, DiagnosticDemo demo) {
        long id = convention.id();
        for (TerritoireDemo t : demo.territoires()) {
            diagnostic.definirTerritoire(id, territoire(convention, t));
        }
        demo.sources().forEach(s -> diagnostic.ajouterSource(id, s));
        demo.indicateurs().forEach(i -> diagnostic.definirIndicateur(id, i));
        diagnostic.enregistrerValeurs(id, demo.valeurs().stream()
                .map(v -> new NouvelleValeur(v.indicateur(), v.territoire(), v.periode(), v.source(), v.valeur(), v.note())).toList());
        demo.eaje().lignes().forEach(l -> diagnostic.ajouterEaje(id, new LigneEaje(null, l.nom(), l.commune(), null, l.type(),
                l.gestionnaire(), l.places(), l.enfantsInscrits(), l.tauxOccupationFinancier(), l.enfantsParPlace(), l.partUsagers(),
                demo.eaje().annee(), demo.eaje().source(), l.note())));
        imprimes(id, TableauImprime.EAJE, demo.eaje());
        demo.alsh().lignes().forEach(l -> diagnostic.ajouterAlsh(id, new LigneAlsh(null, l.nom(), l.categorie(), l.enfantsAccueillis(),
                l.enfantsAeeh(), l.heuresRealisees(), l.heuresFacturees(), l.actesOuvrantDroit(), l.prixRevientHeurePresence(),
                l.prixRevientHeureFacturee(), demo.alsh().annee(), demo.alsh().source())));
        imprimes(id, TableauImprime.ALSH, demo.alsh());
        demo.financements().lignes().forEach(l -> diagnostic.ajouterFinancement(id, l));
        demo.financements().totaux().forEach(t -> diagnostic.enregistrerChiffreImprime(id,
                new ChiffreImprime(null, TableauImprime.FINANCEMENT, t.libelle(), t.annee(), t.montant(), t.composantes(), null)));
        demo.financements().evolutions().forEach(e -> diagnostic.enregistrerChiffreImprime(id,
                new ChiffreImprime(null, TableauImprime.EVOLUTION, e.libelle(), null, e.evolution(), List.of(), null)));
        afom(id, NatureConstat.ATOUT, demo.afom().atouts());
        afom(id, NatureConstat.FAIBLESSE, demo.afom().faiblesses());
        afom(id, NatureConstat.OPPORTUNITE, demo.afom().opportunites());
        afom(id, NatureConstat.MENACE, demo.afom().menaces());
        ArbrePlan plan = plans.planSiExiste(id).isPresent() ? plans.arbre(id, FiltreFiches.AUCUN) : null;
        for (EnjeuxDemo groupe : demo.enjeux()) {
            Long axe = groupe.axe() == null || plan == null ? null : plan.branches()
                    .filter(b -> Textes.plier(b.noeud().titre()).startsWith(Textes.plier(groupe.axe())))
                    .map(b -> b.noeud().id()).findFirst().orElseThrow(() -> new IllegalStateException("Axe introuvable : " + groupe.axe()));
            for (String texte : groupe.enjeux()) {
                Constat enjeu = diagnostic.ajouterConstat(id, NatureConstat.ENJEU, groupe.thematique(), texte, groupe.source());
                if (axe != null) {
                    diagnostic.lierEnjeu(id, enjeu.id(), LienPlan.AXE, axe);
                }
            }
        }
    }

    private NouveauTerritoire territoire(Convention convention, TerritoireDemo t) {
        String code = t.type() == TypeTerritoire.EPCI && t.code() == null ? convention.territoireSiren() : t.code();
        List<String> communes = new ArrayList<>(t.communes() == null ? List.of() : t.communes());
        if (t.communesDeLEpciSauf() != null) {
            territoires.communesDeEpci(convention.territoireSiren()).stream()
                    .filter(c -> t.communesDeLEpciSauf().stream().noneMatch(sauf -> Textes.plier(sauf).equals(Textes.plier(c.nom()))))
                    .map(Commune::codeInsee).forEach(communes::add);
        }
        return new NouveauTerritoire(t.cle(), t.type(), t.nom(), code, communes);
    }

    private void imprimes(long id, TableauImprime tableau, TableauDemo<?> demo) {
        demo.totauxImprimes().forEach((cle, valeur) -> diagnostic.enregistrerChiffreImprime(id,
                new ChiffreImprime(null, tableau, cle, null, valeur, List.of(), demo.emplacement())));
    }

    private void afom(long id, NatureConstat nature, List<String> textes) {
        textes.forEach(t -> diagnostic.ajouterConstat(id, nature, null, t, "Analyse AFOM du diagnostic partagé"));
    }

    private DiagnosticDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, DiagnosticDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
