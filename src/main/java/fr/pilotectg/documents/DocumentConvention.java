package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.convention.Signature;
import fr.pilotectg.convention.Visa;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.diagnostic.Diagnostic;
import fr.pilotectg.diagnostic.DiagnosticService;
import fr.pilotectg.gouvernance.GouvernanceService;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.ServiceSoutenu;
import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.texte.NatureSection;
import fr.pilotectg.texte.Section;
import fr.pilotectg.texte.TexteConvention;
import fr.pilotectg.texte.TexteService;
import org.springframework.stereotype.Service;

/**
 * The convention as a document, in the national model's order: title, parties and representatives, visas, the text
 * (preamble, articles, clauses), the signature block with one slot per signatory, then the annexes chosen.
 */
@Service
public class DocumentConvention {

    static final String PLAN_NON_RENSEIGNE = "Plan d'actions non renseigné.";

    private final ConventionService conventions;
    private final TexteService textes;
    private final PlanService plans;
    private final DiagnosticService diagnostics;
    private final OffreService offre;
    private final GouvernanceService gouvernances;
    private final ComplementsDesFiches complements;

    DocumentConvention(ConventionService conventions, TexteService textes, PlanService plans, DiagnosticService diagnostics,
                       OffreService offre, GouvernanceService gouvernances, ComplementsDesFiches complements) {
        this.conventions = conventions;
        this.textes = textes;
        this.plans = plans;
        this.diagnostics = diagnostics;
        this.offre = offre;
        this.gouvernances = gouvernances;
        this.complements = complements;
    }

    /** The file name without extension: the convention's title (checks the right to read it). */
    public String titre(long conventionId) {
        return conventions.convention(conventionId).titre();
    }

    /** Reads the convention first: a user who may not read it gets the refusal before anything is assembled. */
    public Document document(long conventionId, Set<AnnexeConvention> annexes, boolean versionDeTravail) {
        VueConvention vue = conventions.vue(conventionId);
        Convention convention = vue.convention();
        List<Document.Bloc> blocs = new ArrayList<>();
        parties(vue, blocs);
        visas(convention, blocs);
        texte(textes.texte(conventionId), blocs);
        signature(vue, blocs);
        Optional<VuePlan> plan = annexes.contains(AnnexeConvention.PLAN) || annexes.contains(AnnexeConvention.PROGRAMME)
                || annexes.contains(AnnexeConvention.EVALUATION) ? plans.vuePlan(conventionId, FiltreFiches.AUCUN) : Optional.empty();
        int numero = 1;
        if (annexes.contains(AnnexeConvention.DIAGNOSTIC)) {
            diagnostic(numero++, diagnostics.diagnostic(conventionId), blocs);
        }
        if (annexes.contains(AnnexeConvention.SERVICES)) {
            services(numero++, offre.services(conventionId), blocs);
        }
        if (annexes.contains(AnnexeConvention.PLAN)) {
            planDActions(numero++, plan, blocs, conventionId);
        }
        if (annexes.contains(AnnexeConvention.PROGRAMME)) {
            blocs.add(new Document.SautDePage());
            blocs.add(new Document.Titre(1, "Annexe " + numero++ + " – Programmation des actions"));
            blocs.add(plan.map(p -> (Document.Bloc) Programme.tableau(p.arbre(), p.annees()))
                    .orElse(Document.Paragraphe.de(PLAN_NON_RENSEIGNE)));
        }
        if (annexes.contains(AnnexeConvention.GOUVERNANCE)) {
            AnnexesDeSuivi.gouvernance(numero++, gouvernances.gouvernance(conventionId), blocs);
        }
        if (annexes.contains(AnnexeConvention.EVALUATION)) {
            AnnexesDeSuivi.modeleDEvaluation(numero++, plan, blocs);
        }
        if (annexes.contains(AnnexeConvention.DELIBERATIONS) && !vue.deliberations().isEmpty()) {
            deliberations(numero, vue, blocs);
        }
        boolean filigrane = versionDeTravail;
        return new Document(convention.titre(), "Convention territoriale globale — " + convention.periode().libelle(), filigrane, blocs);
    }

    private static void parties(VueConvention vue, List<Document.Bloc> blocs) {
        blocs.add(new Document.Titre(1, "Entre les parties"));
        for (VueConvention.VuePartie partie : vue.parties()) {
            String nom = nom(partie);
            String representants = partie.representants().isEmpty() ? "représentant à désigner"
                    : "représentée par " + String.join(", et par ", partie.representants().stream().map(DocumentConvention::representant).toList());
            blocs.add(new Document.Paragraphe(nom + (partie.role() == RolePartie.ASSOCIEE ? " (partie associée)" : "") + ",",
                    representants + ","));
        }
        Convention convention = vue.convention();
        blocs.add(new Document.Paragraphe("Territoire :", convention.territoireNom() == null ? "non renseigné" : convention.territoireNom()));
        blocs.add(new Document.Paragraphe("Période :", convention.periode().libelle()));
    }

    private static String nom(VueConvention.VuePartie partie) {
        return partie.nomImprime() != null ? partie.nomImprime() : partie.organisation() == null ? "(organisation inconnue)" : partie.organisation().nom();
    }

    private static String representant(Mandat mandat) {
        return mandat.personne().nomComplet() + (mandat.fonction() == null || mandat.fonction().isBlank() ? "" : ", " + mandat.fonction());
    }

    private static void visas(Convention convention, List<Document.Bloc> blocs) {
        if (convention.visas().isEmpty()) {
            return;
        }
        blocs.add(new Document.Titre(1, "Visas"));
        blocs.add(new Document.Liste(convention.visas().stream().map(Visa::texte).toList()));
    }

    private static void texte(TexteConvention texte, List<Document.Bloc> blocs) {
        boolean preambule = false;
        for (Section section : texte.sections()) {
            if (section.nature() == NatureSection.PREAMBULE) {
                if (!preambule) {
                    blocs.add(new Document.Titre(1, "Préambule"));
                    preambule = true;
                }
                blocs.add(new Document.Titre(2, section.titre()));
            } else {
                blocs.add(new Document.Titre(1, section.intitule()));
            }
            blocs.addAll(HtmlEnBlocs.blocs(section.html()));
        }
    }

    private static void signature(VueConvention vue, List<Document.Bloc> blocs) {
        Signature signature = vue.convention().signature();
        List<Document.Emplacement> emplacements = new ArrayList<>();
        for (VueConvention.VuePartie partie : vue.parties()) {
            if (partie.role() != RolePartie.SIGNATAIRE) {
                continue;
            }
            if (partie.representants().isEmpty()) {
                emplacements.add(new Document.Emplacement("Pour " + nom(partie), "(représentant à désigner)"));
            }
            partie.representants().forEach(m -> emplacements.add(new Document.Emplacement("Pour " + nom(partie), representant(m))));
        }
        String lieu = signature.lieu() == null ? "……………………" : signature.lieu();
        String date = signature.date() == null ? "……………………" : FormatFr.date(signature.date());
        String originaux = signature.nombreOriginaux() != null ? signature.nombreOriginaux() + " exemplaires originaux"
                : signature.nombreOriginauxTexte() != null ? signature.nombreOriginauxTexte() : "autant d'exemplaires originaux que de signataires";
        blocs.add(new Document.Titre(1, "Signatures"));
        blocs.add(new Document.BlocSignature("Fait à " + lieu + ", le " + date + ", en " + originaux + ".", emplacements));
    }

    private static void diagnostic(int numero, Diagnostic diagnostic, List<Document.Bloc> blocs) {
        blocs.add(new Document.SautDePage());
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Diagnostic partagé"));
        AnnexeDiagnostic.blocs(diagnostic, blocs);
    }

    private static void services(int numero, List<ServiceSoutenu> services, List<Document.Bloc> blocs) {
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Services soutenus"));
        if (services.isEmpty()) {
            blocs.add(Document.Paragraphe.de("Aucun service soutenu renseigné."));
            return;
        }
        blocs.add(new Document.Tableau("Services soutenus sur le territoire", List.of("Type", "Service", "Gestionnaire", "Commune", "Capacité"),
                services.stream().map(s -> List.of(s.typeImprime() != null ? s.typeImprime() : s.type().libelle(), texte(s.nom()),
                        texte(s.gestionnaire()), texte(s.commune()), nombre(s.capacite()))).toList(), false));
    }

    private void planDActions(int numero, Optional<VuePlan> plan, List<Document.Bloc> blocs, long conventionId) {
        blocs.add(new Document.SautDePage());
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Plan d'actions"));
        if (plan.isEmpty() || plan.get().total() == 0) {
            blocs.add(Document.Paragraphe.de(PLAN_NON_RENSEIGNE));
            return;
        }
        ArbrePlan arbre = plan.get().arbre();
        Function<Fiche, ComplementsDesFiches.Complements> complementsDe = complements.deLaConvention(conventionId);
        for (ArbrePlan.Branche racine : arbre.racines()) {
            branche(racine, 2, arbre, blocs, complementsDe);
        }
        if (!arbre.fichesHorsAxe().isEmpty()) {
            blocs.add(new Document.Titre(2, "Actions hors axe"));
            arbre.fichesHorsAxe().forEach(f -> blocs.addAll(FicheEnBlocs.blocs(f, arbre.plan().modele(), 3, List.of(), complementsDe.apply(f))));
        }
    }

    private static void branche(ArbrePlan.Branche branche, int niveau, ArbrePlan arbre, List<Document.Bloc> blocs,
                                Function<Fiche, ComplementsDesFiches.Complements> complementsDe) {
        String reference = branche.noeud().reference();
        blocs.add(new Document.Titre(Math.min(niveau, 3), branche.niveau().nom() + " " + (reference == null ? "" : reference + " – ")
                + branche.noeud().titre()));
        if (branche.noeud().texte() != null && !branche.noeud().texte().isBlank()) {
            blocs.add(Document.Paragraphe.de(branche.noeud().texte()));
        }
        for (Fiche fiche : branche.fiches()) {
            blocs.addAll(FicheEnBlocs.blocs(fiche, arbre.plan().modele(), 3, List.of(), complementsDe.apply(fiche)));
        }
        for (ArbrePlan.Branche enfant : branche.enfants()) {
            branche(enfant, niveau + 1, arbre, blocs, complementsDe);
        }
    }

    private static void deliberations(int numero, VueConvention vue, List<Document.Bloc> blocs) {
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Délibérations"));
        blocs.add(new Document.Tableau("Délibérations des parties", List.of("Partie", "Instance", "Date", "Référence"),
                vue.deliberations().stream().map(d -> List.of(d.organisation() == null ? "" : d.organisation().nom(),
                        texte(d.deliberation().instance()), d.dateAffichee(), texte(d.deliberation().reference()))).toList(), false));
    }

    private static String texte(String texte) {
        return texte == null ? "" : texte;
    }

    private static String nombre(Integer nombre) {
        return nombre == null ? "" : FormatFr.nombre(nombre);
    }
}
