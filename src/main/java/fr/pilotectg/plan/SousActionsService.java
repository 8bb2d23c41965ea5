package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sub-actions of fiches (issue 10 item 2, ADR 0023): checked and written with their fiche by {@link EcritureFiche}
 * (same rights, same version, same transaction, journal). A sub-action keeps its id across edits, so that its follow-up
 * stays attached to it; one left out of a replacement is marked removed, not erased.
 *
 * <p>A sub-action's porteur may be linked to an organisation of the referential; like a fiche's organisations, only the
 * convention's managers link one (a porteur editing its fiche keeps the links it finds, and may remove them). A
 * sub-action's porteur does not give access to the convention.
 */
@Service
public class SousActionsService {

    /** Sub-actions of one fiche at most. */
    static final int MAX = 200;

    private final SousActionsRepository repository;
    private final PlanService plans;
    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final Journal journal;

    SousActionsService(SousActionsRepository repository, PlanService plans, ConventionService conventions,
                       OrganisationService organisations, Journal journal) {
        this.repository = repository;
        this.plans = plans;
        this.conventions = conventions;
        this.organisations = organisations;
        this.journal = journal;
    }

    /** The live sub-actions of a fiche the user may read, in order. */
    public List<SousAction> deLaFiche(long ficheId) {
        plans.fiche(ficheId);
        return repository.deLaFiche(ficheId);
    }

    /** The sub-actions of every fiche of a convention the user may read, by fiche id. */
    public Map<Long, List<SousAction>> deLaConvention(long conventionId) {
        conventions.convention(conventionId);
        return repository.deLaConvention(conventionId);
    }

    /** How many sub-actions each fiche of a convention the user may read has (the plan page, one query). */
    public Map<Long, Integer> nombres(long conventionId) {
        conventions.convention(conventionId);
        return repository.nombres(conventionId);
    }

    Map<Long, Integer> nombresLus(long conventionId) {
        return repository.nombres(conventionId);
    }

    /** Sub-actions of a fiche already read by the caller (with its rights). */
    List<SousAction> lues(long ficheId) {
        return repository.deLaFiche(ficheId);
    }

    Map<Long, List<SousAction>> luesDeLaConvention(long conventionId) {
        return repository.deLaConvention(conventionId);
    }

    /** Replaces the sub-actions of a fiche alone (its page): the fiche's rights and version, all or nothing. */
    @Transactional
    public void remplacerSeules(long ficheId, int version, List<SousAction> saisies) {
        VueFiche vue = plans.fiche(ficheId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas modifier ses sous-actions.");
        }
        verifier(ficheId, conventions.convention(vue.fiche().conventionId()), saisies);
        if (!repository.prendreVersion(ficheId, version)) {
            throw new fr.pilotectg.shared.ConflitDeModification("Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez "
                    + "ouverte : ses sous-actions n'ont pas été enregistrées. Rechargez la page, puis refaites vos changements.");
        }
        remplacer(vue.fiche(), saisies);
    }

    /**
     * Checks the sub-actions given for a fiche just written (in the caller's transaction) and replaces its own by them:
     * French 400 naming {@code sousActions[i].champ}, or 403 for a porteur linking an organisation; the caller's
     * transaction then writes nothing.
     */
    @Transactional
    void remplacer(Fiche fiche, List<SousAction> saisies) {
        Convention convention = conventions.convention(fiche.conventionId());
        List<SousAction> avant = repository.deLaFiche(fiche.id());
        List<SousAction> propres = verifier(fiche.id(), convention, saisies);
        if (!conventions.peutModifier(convention)) {
            Map<Long, Long> liensAvant = new HashMap<>();
            avant.stream().filter(s -> s.porteurOrganisationId() != null).forEach(s -> liensAvant.put(s.id(), s.porteurOrganisationId()));
            for (SousAction s : propres) {
                if (s.porteurOrganisationId() != null && (s.id() == null || !s.porteurOrganisationId().equals(liensAvant.get(s.id())))) {
                    throw new AccesRefuse("Un porteur modifie les sous-actions de sa fiche, mais ne lie pas leur porteur à une "
                            + "organisation : ce lien revient aux gestionnaires de la convention. Écrivez plutôt le nom du porteur. "
                            + "Rien n'a été enregistré.");
                }
            }
        }
        repository.remplacer(fiche.id(), propres);
        List<String> descriptionsAvant = avant.stream().map(SousAction::description).toList();
        List<String> descriptionsApres = repository.deLaFiche(fiche.id()).stream().map(SousAction::description).toList();
        if (!descriptionsAvant.equals(descriptionsApres)) {
            journal.enregistrer("fiche", fiche.id(), fiche.conventionId(), "sous-actions",
                    Changement.entre(Map.of("Sous-actions", descriptionsAvant), Map.of("Sous-actions", descriptionsApres)));
        }
    }

    /** Checks and cleans the sub-actions given for a fiche ({@code ficheId} null: a fiche being created). */
    List<SousAction> verifier(Long ficheId, Convention convention, List<SousAction> saisies) {
        if (saisies.size() > MAX) {
            throw new ErreurValidation("sousActions", "Au plus " + MAX + " sous-actions par fiche (" + saisies.size() + " reçues).");
        }
        Set<Long> ids = saisies.stream().filter(Objects::nonNull).map(SousAction::id).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Long> fiches = repository.fichesDe(ids);
        Set<Long> organisationsDemandees = saisies.stream().filter(Objects::nonNull).map(SousAction::porteurOrganisationId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Organisation> connues = organisationsDemandees.isEmpty() ? Map.of()
                : organisations.organisations(List.copyOf(organisationsDemandees)).stream()
                .collect(Collectors.toMap(Organisation::id, o -> o));
        Integer premiere = convention.periode().dateDebut() == null ? null : convention.periode().dateDebut().getYear();
        Integer derniere = convention.periode().dateFin() == null ? null : convention.periode().dateFin().getYear();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<SousAction> propres = new ArrayList<>();
        Set<Long> vus = new HashSet<>();
        for (int i = 0; i < saisies.size(); i++) {
            String p = "sousActions[" + i + "].";
            String n = "Sous-action " + (i + 1) + " : ";
            SousAction s = saisies.get(i);
            if (s == null) {
                erreurs.add(new ErreurValidation.Erreur("sousActions[" + i + "]", n + "un objet {libelle, porteur, debut, fin, annees, poids} est attendu."));
                continue;
            }
            if (s.id() != null) {
                Long sienne = fiches.get(s.id());
                if (sienne == null) {
                    erreurs.add(new ErreurValidation.Erreur(p + "id", n + "la sous-action n° " + s.id() + " n'existe pas. "
                            + "Pour en ajouter une, n'envoyez pas d'id."));
                } else if (!sienne.equals(ficheId)) {
                    erreurs.add(new ErreurValidation.Erreur(p + "id", n + "la sous-action n° " + s.id() + " appartient à une autre fiche."));
                } else if (!vus.add(s.id())) {
                    erreurs.add(new ErreurValidation.Erreur(p + "id", n + "la sous-action n° " + s.id() + " est donnée deux fois."));
                }
            }
            String libelle = texte(s.libelle());
            if (libelle == null) {
                erreurs.add(new ErreurValidation.Erreur(p + "libelle", n + "le libellé est obligatoire."));
            } else if (libelle.length() > Limites.TITRE) {
                erreurs.add(new ErreurValidation.Erreur(p + "libelle", n + "libellé trop long (au plus " + Limites.TITRE + " caractères)."));
            }
            String porteur = texte(s.porteur());
            if (porteur != null && porteur.length() > Limites.TITRE) {
                erreurs.add(new ErreurValidation.Erreur(p + "porteur", n + "nom du porteur trop long (au plus " + Limites.TITRE + " caractères)."));
            }
            if (s.porteurOrganisationId() != null) {
                Organisation o = connues.get(s.porteurOrganisationId());
                if (o == null) {
                    erreurs.add(new ErreurValidation.Erreur(p + "porteurOrganisationId", n + "l'organisation n° " + s.porteurOrganisationId()
                            + " n'existe pas : choisissez-la dans la liste."));
                } else if (porteur == null) {
                    porteur = o.nom();
                }
            }
            List<ErreurValidation.Erreur> dates = new ArrayList<>();
            DatesFiche.verifier(s.debut(), s.fin(), convention.periode(), dates);
            dates.forEach(e -> erreurs.add(new ErreurValidation.Erreur(p + e.champ(), n + e.message().replace("une fiche", "une sous-action"))));
            List<Integer> annees = DatesFiche.annees(s.debut(), s.fin(), s.annees(), premiere, derniere);
            for (Integer annee : annees) {
                if (annee == null || (premiere != null && derniere != null ? annee < premiere || annee > derniere
                        : annee < Limites.ANNEE_MIN || annee > Limites.ANNEE_MAX)) {
                    erreurs.add(new ErreurValidation.Erreur(p + "annees", n + "l'année " + annee + " n'est pas une année "
                            + (premiere != null && derniere != null ? "de la convention (" + premiere + " – " + derniere + ")." : "possible.")));
                    break;
                }
            }
            BigDecimal poids = s.poids() == null ? BigDecimal.ONE : s.poids();
            if (poids.signum() < 0 || poids.compareTo(BigDecimal.valueOf(1000)) > 0 || poids.scale() > 4) {
                erreurs.add(new ErreurValidation.Erreur(p + "poids", n + "le poids est un nombre entre 0 et 1000 (1 par défaut)."));
            }
            propres.add(new SousAction(s.id(), libelle, s.porteurOrganisationId(), porteur, s.debut(), s.fin(), annees, poids));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return propres;
    }

    private static final java.util.regex.Pattern NUMERO = java.util.regex.Pattern.compile("^\\s*(?:\\d{1,3}\\s*[.)°:-]|[-•*–])\\s*");

    /**
     * The sub-actions of a fiche of the short template created without them: one per line of its "actions clés", the
     * printed numbering ("1.", "2)", "-") left out, in order. The printed list itself is kept as written.
     */
    static List<SousAction> depuisActionsCles(List<String> actionsCles) {
        if (actionsCles == null) {
            return List.of();
        }
        return actionsCles.stream().filter(Objects::nonNull).map(l -> NUMERO.matcher(l).replaceFirst("").strip())
                .filter(l -> !l.isEmpty()).limit(MAX)
                .map(l -> new SousAction(null, l.length() > Limites.TITRE ? l.substring(0, Limites.TITRE) : l, null, null, null, null, List.of(), null))
                .toList();
    }

    /** Months of a sub-action read from JSON ("AAAA-MM"), the error naming {@code sousActions[i].debut}. */
    static YearMonth mois(String champ, String saisie) {
        return DatesFiche.lire(champ, saisie);
    }

    private static String texte(String texte) {
        return texte == null || texte.isBlank() ? null : texte.strip();
    }
}
