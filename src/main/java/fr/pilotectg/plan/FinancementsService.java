package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money of fiches (issue 10 item 7, DOMAIN §4.13): lines per year and funder, written with the fiche (same rights,
 * same version, same transaction, journal), and added up per node and for the convention.
 */
@Service
public class FinancementsService {

    /** Lines of one fiche at most. */
    static final int LIGNES_MAX = 200;

    private static final String CONFLIT = "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "ses financements n'ont pas été enregistrés. Rechargez la page, puis refaites vos changements.";

    private final FinancementsRepository repository;
    private final PlanService plans;
    private final ConventionService conventions;
    private final Journal journal;

    FinancementsService(FinancementsRepository repository, PlanService plans, ConventionService conventions, Journal journal) {
        this.repository = repository;
        this.plans = plans;
        this.conventions = conventions;
        this.journal = journal;
    }

    /** The money lines of a fiche the user may read. */
    public List<Financement> deLaFiche(long ficheId) {
        plans.fiche(ficheId);
        return repository.deLaFiche(ficheId);
    }

    /** The money lines of every fiche of a convention the user may read, by fiche id. */
    public Map<Long, List<Financement>> deLaConvention(long conventionId) {
        conventions.convention(conventionId);
        return repository.deLaConvention(conventionId);
    }

    /** Lines of fiches already read (by the caller, with its rights). */
    List<Financement> lues(long ficheId) {
        return repository.deLaFiche(ficheId);
    }

    /** Lines of every fiche of a convention already read (by the caller, with its rights), by fiche. */
    Map<Long, List<Financement>> luesDeLaConvention(long conventionId) {
        return repository.deLaConvention(conventionId);
    }

    /** Creates a fiche with its money lines ({@code null}: none), all or nothing. */
    @Transactional
    public Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, List<Financement> lignes) {
        if (lignes != null) {
            if (!plans.peutModifierLePlan(conventionId)) {
                throw new AccesRefuse("Vous pouvez consulter ce plan mais pas le modifier.");
            }
            verifier(lignes, PlanService.anneesPeriode(conventions.convention(conventionId)));
        }
        Fiche fiche = plans.creerFiche(conventionId, noeudId, contenu);
        if (lignes != null && !lignes.isEmpty()) {
            ecrire(fiche, lignes);
        }
        return fiche;
    }

    /** Edits a fiche and, when {@code lignes} is not null, replaces its money lines, all or nothing, in one version. */
    @Transactional
    public Fiche modifier(long ficheId, int version, ContenuFiche contenu, List<Financement> lignes) {
        if (lignes != null) {
            VueFiche vue = plans.fiche(ficheId);
            if (!vue.modifiable()) {
                throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
            }
            verifier(lignes, vue.anneesPeriode());
        }
        Fiche fiche = plans.modifierFiche(ficheId, version, contenu);
        if (lignes != null) {
            ecrire(fiche, lignes);
        }
        return fiche;
    }

    /** Replaces the money lines of a fiche alone (its page): the fiche's rights and version. */
    @Transactional
    public void remplacer(long ficheId, int version, List<Financement> lignes) {
        VueFiche vue = plans.fiche(ficheId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas modifier ses financements.");
        }
        verifier(lignes, vue.anneesPeriode());
        if (!repository.prendreVersion(ficheId, version)) {
            throw new ConflitDeModification(CONFLIT);
        }
        ecrire(vue.fiche(), lignes);
    }

    private void ecrire(Fiche fiche, List<Financement> lignes) {
        List<String> avant = repository.deLaFiche(fiche.id()).stream().map(Financement::description).toList();
        repository.remplacer(fiche.id(), lignes);
        List<String> apres = lignes.stream().map(Financement::description).toList();
        if (!avant.equals(apres)) {
            journal.enregistrer("fiche", fiche.id(), fiche.conventionId(), "financements",
                    Changement.entre(Map.of("Financements", avant), Map.of("Financements", apres)));
        }
    }

    /** Each line: a year of the period, a funder, its name when it must have one, no duplicate; field "financements". */
    static void verifier(List<Financement> lignes, List<Integer> anneesPeriode) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (lignes.size() > LIGNES_MAX) {
            throw new ErreurValidation("financements", "Au plus " + LIGNES_MAX + " lignes de financement par fiche.");
        }
        Set<String> vues = new HashSet<>();
        int n = 0;
        for (Financement l : lignes) {
            n++;
            String ligne = "Ligne " + n + " des financements : ";
            if (l == null || l.financeur() == null) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "choisissez le financeur."));
                continue;
            }
            if (!anneesPeriode.isEmpty() ? !anneesPeriode.contains(l.annee()) : l.annee() < Limites.ANNEE_MIN || l.annee() > Limites.ANNEE_MAX) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "l'année " + l.annee() + " n'est pas une année "
                        + (anneesPeriode.isEmpty() ? "possible." : "de la convention (" + anneesPeriode.get(0) + " – "
                        + anneesPeriode.get(anneesPeriode.size() - 1) + ").")));
            }
            if (l.financeur().nomme() && l.nom() == null) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "nommez " + (l.financeur() == Financeur.COLLECTIVITE
                        ? "la collectivité." : "le financeur.")));
            }
            if (!l.financeur().nomme() && l.nom() != null) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "« " + l.financeur().libelle() + " » ne prend pas de nom."));
            }
            if (l.nom() != null && l.nom().length() > Limites.TITRE) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "nom trop long (au plus " + Limites.TITRE + " caractères)."));
            }
            if (l.prevuCentimes() == null && l.realiseCentimes() == null) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "donnez un montant prévu ou réalisé."));
            }
            if (!vues.add(l.cle())) {
                erreurs.add(new ErreurValidation.Erreur("financements", ligne + "ce financeur a déjà une ligne pour " + l.annee() + "."));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    /** The totals of a convention's plan: per node (fiches at any depth under it), per year, per funder, overall. */
    public TotauxFinancements totaux(long conventionId) {
        ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
        Map<Long, List<Financement>> parFiche = repository.deLaConvention(conventionId);
        List<TotauxFinancements.TotalNoeud> noeuds = new ArrayList<>();
        arbre.racines().forEach(b -> ajouter(b, 0, parFiche, noeuds));
        TotauxFinancements.Total horsAxe = totalDe(arbre.fichesHorsAxe(), parFiche);
        TotauxFinancements.Total total = TotauxFinancements.Total.ZERO;
        Map<Integer, TotauxFinancements.Total> parAnnee = new TreeMap<>();
        Map<String, TotauxFinancements.TotalFinanceur> parFinanceur = new LinkedHashMap<>();
        int financees = 0;
        for (Fiche f : arbre.fichesDansLOrdre()) {
            List<Financement> lignes = parFiche.getOrDefault(f.id(), List.of());
            financees += lignes.isEmpty() ? 0 : 1;
            for (Financement l : lignes) {
                total = total.plus(l);
                parAnnee.merge(l.annee(), TotauxFinancements.Total.ZERO.plus(l), TotauxFinancements.Total::plus);
                String cle = l.financeur() + "|" + (l.nom() == null ? "" : l.nom().toLowerCase(java.util.Locale.ROOT));
                parFinanceur.merge(cle, new TotauxFinancements.TotalFinanceur(l.financeur(), l.nom(), TotauxFinancements.Total.ZERO.plus(l)),
                        (a, b) -> new TotauxFinancements.TotalFinanceur(a.financeur(), a.nom(), a.total().plus(b.total())));
            }
        }
        List<TotauxFinancements.TotalFinanceur> financeurs = parFinanceur.values().stream()
                .sorted(java.util.Comparator.comparing((TotauxFinancements.TotalFinanceur t) -> t.financeur().ordinal())
                        .thenComparing(t -> t.nom() == null ? "" : t.nom()))
                .toList();
        return new TotauxFinancements(conventionId, conventions.convention(conventionId).titre(),
                PlanService.anneesPeriode(conventions.convention(conventionId)), total,
                parAnnee.entrySet().stream().map(e -> new TotauxFinancements.TotalAnnee(e.getKey(), e.getValue())).toList(),
                financeurs, noeuds, horsAxe, financees);
    }

    private static TotauxFinancements.Total ajouter(ArbrePlan.Branche b, int profondeur, Map<Long, List<Financement>> parFiche,
                                                    List<TotauxFinancements.TotalNoeud> noeuds) {
        int position = noeuds.size();
        noeuds.add(null);
        TotauxFinancements.Total total = totalDe(b.fiches(), parFiche);
        for (ArbrePlan.Branche enfant : b.enfants()) {
            total = total.plus(ajouter(enfant, profondeur + 1, parFiche, noeuds));
        }
        Noeud n = b.noeud();
        noeuds.set(position, new TotauxFinancements.TotalNoeud(n.id(), n.parentId(), profondeur, b.niveau().nom(), n.reference(),
                n.titre(), total));
        return total;
    }

    private static TotauxFinancements.Total totalDe(List<Fiche> fiches, Map<Long, List<Financement>> parFiche) {
        TotauxFinancements.Total total = TotauxFinancements.Total.ZERO;
        for (Fiche f : fiches) {
            for (Financement l : parFiche.getOrDefault(f.id(), List.of())) {
                total = total.plus(l);
            }
        }
        return total;
    }
}
