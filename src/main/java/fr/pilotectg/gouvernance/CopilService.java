package fr.pilotectg.gouvernance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The COPIL as the other features see it (ADR 0039): the planned COPIL meetings the dashboard shows and programmes,
 * and the annual grid's validation recorded as a decision of a COPIL meeting. A convention without a COPIL body gets a
 * "Comité de pilotage" the first time one is needed.
 */
@Service
public class CopilService {

    private final ReunionsRepository reunions;
    private final GouvernanceRepository instances;
    private final GouvernanceService gouvernance;
    private final ConventionService conventions;
    private final Journal journal;
    private final Clock horloge;

    CopilService(ReunionsRepository reunions, GouvernanceRepository instances, GouvernanceService gouvernance,
                 ConventionService conventions, Journal journal, Clock horloge) {
        this.reunions = reunions;
        this.instances = instances;
        this.gouvernance = gouvernance;
        this.conventions = conventions;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** The meetings of the convention's COPIL bodies from today on, the earliest first (read right of the convention). */
    public List<Reunion> copilsProgrammes(long conventionId) {
        return copilsProgrammes(gouvernance.gouvernance(conventionId));
    }

    /** The same, from a governance the caller has already read (its reading right checked): the dashboard's. */
    public List<Reunion> copilsProgrammes(Gouvernance g) {
        Set<UUID> copils = g.instances().stream().filter(i -> i.type() == TypeInstance.COPIL).map(Instance::cle)
                .collect(Collectors.toSet());
        LocalDate aujourdhui = LocalDate.now(horloge);
        return g.reunions().stream()
                .filter(r -> copils.contains(r.instanceCle()) && r.date() != null && !r.date().isBefore(aujourdhui))
                .sorted(java.util.Comparator.comparing(Reunion::date).thenComparing(Reunion::id)).toList();
    }

    /** Programmes a COPIL meeting (managers of the convention); its subject becomes the agenda's first item. */
    @Transactional
    public Reunion programmer(long conventionId, LocalDate date, String objet) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas programmer ses COPIL.");
        }
        Object[] copil = copil(conventionId);
        List<PointOrdreDuJour> points = objet == null ? List.of() : List.of(new PointOrdreDuJour(objet, null, null));
        Reunion reunion = new Reunion(0, conventionId, (UUID) copil[0], (String) copil[1], date, null, null, null, null, false,
                null, points, List.of(), "", false, 1, List.of());
        long id = reunions.inserer(reunion);
        journal.enregistrer("reunion", id, conventionId, "programmation d'un COPIL le " + FormatFr.date(date),
                List.of(new Changement("COPIL", null, FormatFr.date(date) + (objet == null ? "" : " — " + objet))));
        return reunions.reunion(conventionId, id).orElseThrow();
    }

    /** Removes a programmed COPIL meeting (managers); 404 when it is not a COPIL meeting of this convention. */
    @Transactional
    public void retirer(long conventionId, long reunionId) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette convention mais pas programmer ses COPIL.");
        }
        Reunion reunion = copilsProgrammes(conventionId).stream().filter(r -> r.id() == reunionId).findFirst()
                .orElseThrow(() -> new Introuvable("COPIL " + reunionId + " introuvable pour cette convention."));
        reunions.supprimer(reunionId, reunion.version());
        journal.enregistrer("reunion", reunionId, conventionId, "suppression d'un COPIL programmé",
                List.of(new Changement("COPIL", FormatFr.date(reunion.date()) + (reunion.ordreDuJour().isEmpty() ? ""
                        : " — " + reunion.ordreDuJour().get(0).texte()), null)));
    }

    /**
     * Records the validation of an evaluation year as a decision "fait" of the COPIL meeting of that date (created when
     * there is none). The caller (the evaluation) has checked that the user may validate the year.
     */
    @Transactional
    public void enregistrerValidation(long conventionId, int annee, LocalDate date, String decision) {
        conventions.convention(conventionId);
        Object[] copil = copil(conventionId);
        UUID cle = (UUID) copil[0];
        Decision d = new Decision(decision, null, null, null, StatutDecision.FAIT, null, annee);
        long id = reunions.reunionDuJour(conventionId, cle, date).map(r -> {
            reunions.ajouterDecision(r, d);
            return r;
        }).orElseGet(() -> reunions.inserer(new Reunion(0, conventionId, cle, (String) copil[1], date, null, null, null, null,
                false, null, List.of(new PointOrdreDuJour("Validation de l'évaluation annuelle " + annee, null, annee)),
                List.of(), "", false, 1, List.of(d))));
        journal.enregistrer("reunion", id, conventionId, "validation de l'évaluation " + annee + " par le COPIL du "
                + FormatFr.date(date), Changement.entre(Map.of(), Map.of("Décision", decision, "Année validée", String.valueOf(annee))));
    }

    /** The year was unlocked: its validation decision becomes "abandonnée". The caller checked the right to unlock. */
    @Transactional
    public void annulerValidation(long conventionId, int annee) {
        conventions.convention(conventionId);
        if (reunions.annulerValidation(conventionId, annee) > 0) {
            journal.enregistrer("reunion", null, conventionId, "validation de l'évaluation " + annee + " annulée (année déverrouillée)",
                    List.of(new Changement("Statut", StatutDecision.FAIT.libelle(), StatutDecision.ABANDONNEE.libelle())));
        }
    }

    private Object[] copil(long conventionId) {
        return instances.copil(conventionId).orElseGet(() -> instances.creerCopil(conventionId));
    }
}
