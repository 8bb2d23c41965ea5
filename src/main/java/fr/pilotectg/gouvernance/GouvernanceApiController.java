package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of a convention's governance: bodies, chargés de coopération; same rights as the convention. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/gouvernance")
@Tag(name = "Gouvernance")
class GouvernanceApiController {

    private final GouvernanceService gouvernance;

    GouvernanceApiController(GouvernanceService gouvernance) {
        this.gouvernance = gouvernance;
    }

    record MembreInstanceJson(long organisationId, String organisation, String personne, String fonction, String role,
                              boolean copresident, boolean secretariat) {
    }

    record InstanceGouvernanceJson(int id, String type, String typeLibelle, String nom, String frequence,
                                   Integer reunionsParAn, List<String> missions, List<String> thematiques,
                                   List<MembreInstanceJson> membres) {
    }

    record ChargeCooperationJson(String personne, long employeurId, String employeur, BigDecimal etp,
                                 Map<String, BigDecimal> repartition, LocalDate dateDebut, LocalDate dateFin,
                                 String financementCaf, String fiche) {
    }

    record DecisionReunionJson(String texte, Long responsableOrganisationId, String responsable, String responsablePersonne,
                               LocalDate echeance, String statut, Long ficheId, Integer anneeValidee) {
    }

    record ParticipantReunionJson(long organisationId, String organisation, String personne, boolean present) {
    }

    record ReunionGouvernanceJson(long id, Integer instanceId, String instance, LocalDate date, String dateTexte,
                                  boolean datePartielle, String heure, String lieu, String lienVisio, boolean preparation,
                                  String note, List<PointOrdreDuJour> ordreDuJour, List<ParticipantReunionJson> participants,
                                  int invites, long presents, List<DecisionReunionJson> decisions, String compteRendu,
                                  boolean exemple, int version) {
    }

    record GouvernanceJson(long conventionId, int version, boolean modifiable, List<InstanceGouvernanceJson> instances,
                           List<ReunionGouvernanceJson> reunions, List<ChargeCooperationJson> chargesCooperation) {
    }

    record GouvernanceModificationJson(Integer version, List<SaisieInstance> instances,
                                       List<SaisieChargeCooperation> chargesCooperation) {
    }

    record InstanceModificationJson(Integer version, SaisieInstance instance) {
    }

    record ChargesModificationJson(Integer version, List<SaisieChargeCooperation> chargesCooperation) {
    }

    @GetMapping
    @Operation(summary = "Gouvernance de la convention : instances (membres, rôles, missions, fréquence) et chargés de "
            + "coopération (ETP et répartition par thématique)")
    GouvernanceJson lire(@PathVariable long id) {
        return json(gouvernance.gouvernance(id));
    }

    @PutMapping
    @Operation(summary = "Remplacer les instances (et les chargés de coopération s'ils sont envoyés) ; la version lue est "
            + "obligatoire : 409 si elle a changé ; un membre deux fois dans une instance : 400")
    GouvernanceJson modifier(@PathVariable long id, @RequestBody GouvernanceModificationJson demande) {
        return json(gouvernance.modifier(id, demande.version(), demande.instances(), demande.chargesCooperation()));
    }

    @PostMapping("/instances")
    @Operation(summary = "Ajouter une instance (COPIL, COTECH, COMMISSION, RESEAU, PLENIERE, AUTRE) avec ses membres")
    GouvernanceJson ajouterInstance(@PathVariable long id, @RequestBody InstanceModificationJson demande) {
        return json(gouvernance.modifierInstance(id, demande.version(), null, demande.instance()));
    }

    @PutMapping("/instances/{rang}")
    @Operation(summary = "Remplacer l'instance n° rang (à partir de 1), les autres inchangées")
    GouvernanceJson modifierInstance(@PathVariable long id, @PathVariable int rang, @RequestBody InstanceModificationJson demande) {
        return json(gouvernance.modifierInstance(id, demande.version(), rang, demande.instance()));
    }

    @DeleteMapping("/instances/{rang}")
    @Operation(summary = "Supprimer l'instance n° rang (version lue en paramètre)")
    GouvernanceJson supprimerInstance(@PathVariable long id, @PathVariable int rang, @RequestParam(required = false) Integer version) {
        return json(gouvernance.supprimerInstance(id, version, rang));
    }

    @PutMapping("/charges-cooperation")
    @Operation(summary = "Remplacer les chargés de coopération (employeur par identifiant ou par nom ; la répartition par "
            + "thématique totalise l'ETP)")
    GouvernanceJson modifierCharges(@PathVariable long id, @RequestBody ChargesModificationJson demande) {
        return json(gouvernance.modifierCharges(id, demande.version(), demande.chargesCooperation()));
    }

    static ReunionGouvernanceJson reunion(Gouvernance g, Reunion r) {
        return new ReunionGouvernanceJson(r.id(), g.rang(r.instanceCle()), r.instanceNom(), r.date(), r.dateTexte(),
                r.datePartielle(), r.heure() == null ? null : r.heure().toString(), r.lieu(), r.lienVisio(), r.preparation(),
                r.note(), r.ordreDuJour(), r.participants().stream()
                .map(p -> new ParticipantReunionJson(p.organisationId(), g.nom(p.organisationId()), p.personne(), p.present())).toList(),
                r.participants().size(), r.presents(), r.decisions().stream()
                .map(d -> new DecisionReunionJson(d.texte(), d.responsableOrganisationId(),
                        d.responsableOrganisationId() == null ? null : g.nom(d.responsableOrganisationId()), d.responsablePersonne(),
                        d.echeance(), d.statut().name(), d.ficheId(), d.anneeValidee())).toList(),
                r.compteRendu(), r.exemple(), r.version());
    }

    static GouvernanceJson json(Gouvernance g) {
        List<InstanceGouvernanceJson> instances = new ArrayList<>();
        for (int i = 0; i < g.instances().size(); i++) {
            Instance x = g.instances().get(i);
            instances.add(new InstanceGouvernanceJson(i + 1, x.type().name(), x.type().libelle(), x.nom(), x.frequence(),
                    x.reunionsParAn(), x.missions(), x.thematiques(), x.membres().stream()
                    .map(m -> new MembreInstanceJson(m.organisationId(), g.nom(m.organisationId()), m.personne(), m.fonction(),
                            m.role(), m.copresident(), m.secretariat())).toList()));
        }
        return new GouvernanceJson(g.conventionId(), g.version(), g.modifiable(), instances,
                g.reunions().stream().map(r -> reunion(g, r)).toList(), g.charges().stream()
                .map(c -> {
                    Map<String, BigDecimal> repartition = new LinkedHashMap<>();
                    c.repartition().forEach(p -> repartition.put(p.thematique(), p.etp()));
                    return new ChargeCooperationJson(c.personne(), c.employeurId(), g.nom(c.employeurId()), c.etp(), repartition,
                            c.dateDebut(), c.dateFin(), c.financementCaf(), c.fiche());
                }).toList());
    }
}
