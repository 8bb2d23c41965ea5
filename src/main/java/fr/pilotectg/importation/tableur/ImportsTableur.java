package fr.pilotectg.importation.tableur;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.suivi.NouvelleMiseAJour;
import fr.pilotectg.suivi.SuiviService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spreadsheet round trip of issue 17 item 4: the plan or follow-up table exported by the product, filled in and
 * sent back. {@link #apercu} writes nothing; {@link #confirmer} analyses again in its transaction (the file itself is
 * not read twice, see {@link FeuillesRecentes}) and applies every change through the plan and follow-up services
 * (their rights and journal), or nothing at all.
 */
@Service
public class ImportsTableur {

    /** The two tables that can be imported back. */
    public enum Tableau {
        PLAN("plan", AnalyseTableurPlan.FEUILLE), SUIVI("suivi", AnalyseTableurSuivi.FEUILLE);

        private final String code;
        private final String feuille;

        Tableau(String code, String feuille) {
            this.code = code;
            this.feuille = feuille;
        }

        public String code() {
            return code;
        }

        public static Tableau lire(String saisie) {
            for (Tableau t : values()) {
                if (t.code.equals(saisie == null ? "" : saisie.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new ErreurValidation("tableau", "Tableau inconnu : choisissez « plan » ou « suivi ».");
        }
    }

    private final ConventionService conventions;
    private final AnalyseTableurPlan plan;
    private final AnalyseTableurSuivi suivi;
    private final PlanService plans;
    private final SuiviService suiviService;
    private final Journal journal;
    private final FeuillesRecentes feuilles;

    ImportsTableur(ConventionService conventions, AnalyseTableurPlan plan, AnalyseTableurSuivi suivi, PlanService plans,
                   SuiviService suiviService, Journal journal, FeuillesRecentes feuilles) {
        this.conventions = conventions;
        this.plan = plan;
        this.suivi = suivi;
        this.plans = plans;
        this.suiviService = suiviService;
        this.journal = journal;
        this.feuilles = feuilles;
    }

    /** What the file would change; nothing is written (the analysis runs in a transaction that is rolled back). */
    @Transactional
    public ApercuTableur apercu(long conventionId, Tableau tableau, byte[] contenu) {
        ApercuTableur apercu = analyser(conventionId, tableau, contenu).apercu();
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return apercu;
    }

    /** Applies the file's changes, all or nothing: any error of the analysis is a 400 (403 for a right) and nothing is written. */
    @Transactional
    public ApercuTableur confirmer(long conventionId, Tableau tableau, byte[] contenu, String nomFichier) {
        AnalyseTableurPlan.Resultat resultat = analyser(conventionId, tableau, contenu);
        ApercuTableur apercu = resultat.apercu();
        List<ApercuTableur.Erreur> refus = apercu.erreurs().stream().filter(ApercuTableur.Erreur::droits).toList();
        if (!refus.isEmpty()) {
            throw new AccesRefuse(refus.get(0).message() + (refus.size() > 1 ? " (et " + (refus.size() - 1) + " autre(s) ligne(s))" : "")
                    + " Rien n'a été enregistré.");
        }
        if (!apercu.erreurs().isEmpty()) {
            throw new ErreurValidation(apercu.erreurs().stream()
                    .map(e -> new ErreurValidation.Erreur("fichier", e.message())).toList());
        }
        Map<Long, NouvelleMiseAJour> misesAJour = new LinkedHashMap<>();
        for (OperationTableur operation : resultat.operations()) {
            if (operation instanceof OperationTableur.ModificationFiche m) {
                plans.modifierFiche(m.ficheId(), m.version(), m.contenu());
            } else if (operation instanceof OperationTableur.CreationFiche c) {
                plans.creerFiche(conventionId, c.noeudId(), c.contenu());
            } else if (operation instanceof OperationTableur.AjoutMiseAJour a) {
                misesAJour.put(a.ficheId(), a.saisie());
            }
        }
        suiviService.ajouterPlusieurs(conventionId, misesAJour);
        if (!apercu.changements().isEmpty()) {
            String nom = nomFichier == null || nomFichier.isBlank() ? "(sans nom)" : Constat.court(nomFichier.strip());
            journal.enregistrer("convention", conventionId, conventionId, "import du tableur « " + nom + " »", List.of(
                    new Changement("Tableau", null, tableau.code()),
                    new Changement("Changements appliqués", null, String.valueOf(apercu.changements().size()))));
        }
        return new ApercuTableur(apercu.tableau(), apercu.feuille(), apercu.lignesLues(), apercu.changements(), List.of(),
                apercu.avertissements(), true);
    }

    private AnalyseTableurPlan.Resultat analyser(long conventionId, Tableau tableau, byte[] contenu) {
        conventions.lireUneFoisJusquaLaFinDeLaTransaction();
        conventions.convention(conventionId);
        FeuilleLue feuille = feuilles.lire(contenu, tableau.feuille);
        return tableau == Tableau.PLAN ? plan.analyser(conventionId, feuille) : suivi.analyser(conventionId, feuille);
    }
}
