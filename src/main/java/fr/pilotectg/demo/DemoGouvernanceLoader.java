package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.gouvernance.GouvernanceService;
import fr.pilotectg.gouvernance.PartEtp;
import fr.pilotectg.gouvernance.PointOrdreDuJour;
import fr.pilotectg.gouvernance.ReunionsService;
import fr.pilotectg.gouvernance.SaisieDecision;
import fr.pilotectg.gouvernance.SaisieParticipant;
import fr.pilotectg.gouvernance.SaisieReunion;
import fr.pilotectg.gouvernance.SaisieChargeCooperation;
import fr.pilotectg.gouvernance.SaisieInstance;
import fr.pilotectg.gouvernance.SaisieMembre;
import fr.pilotectg.organisation.NouvelleOrganisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.shared.Textes;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The governance of a demo convention, from {@code demo/gouvernance/<cle>.json}. Organisations are written "CAF",
 * "EPCI", a party commune's name, "COMMUNES" (every commune party) or "cle:x" for one of the file's own
 * organisations (found by name in the referential, else created).
 */
@Component
class DemoGouvernanceLoader {

    record OrganisationDemo(String cle, String nom, String type, String departement) {
    }

    record MembreDemo(String organisation, String personne, String fonction, String role, Boolean copresident,
                      Boolean secretariat) {
    }

    record InstanceDemo(String type, String nom, String frequence, Integer reunionsParAn, List<String> missions,
                        List<String> thematiques, List<MembreDemo> membres) {
    }

    record ChargeDemo(String personne, String employeur, BigDecimal etp, List<PartEtp> repartition, LocalDate dateDebut,
                      LocalDate dateFin, String financementCaf, String fiche) {
    }

    record ParticipantDemo(String organisation, boolean present) {
    }

    record DecisionDemo(String texte, String responsable, LocalDate echeance, String statut) {
    }

    record ReunionDemo(int instance, LocalDate date, String heure, String lieu, List<PointOrdreDuJour> ordreDuJour,
                       List<ParticipantDemo> participants, List<DecisionDemo> decisions, String compteRendu) {
    }

    record GouvernanceDemo(List<OrganisationDemo> organisations, List<InstanceDemo> instances, List<ChargeDemo> charges,
                           List<ReunionDemo> reunions) {
    }

    private final GouvernanceService gouvernance;
    private final ReunionsService reunions;
    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final ObjectMapper json;

    DemoGouvernanceLoader(GouvernanceService gouvernance, ReunionsService reunions, ConventionService conventions,
                          OrganisationService organisations, ObjectMapper json) {
        this.gouvernance = gouvernance;
        this.reunions = reunions;
        this.conventions = conventions;
        this.organisations = organisations;
        this.json = json;
    }

    void charger(Map<String, Convention> parCle) {
        parCle.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/gouvernance/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
    }

    private void charger(long conventionId, GouvernanceDemo demo) {
        VueConvention vue = conventions.vue(conventionId);
        Map<String, Long> propres = new HashMap<>();
        for (OrganisationDemo o : demo.organisations()) {
            propres.put(o.cle(), organisations.parNom(o.nom()).stream().findFirst()
                    .orElseGet(() -> organisations.creer(new NouvelleOrganisation(o.nom(), null, TypeOrganisation.valueOf(o.type()),
                            null, null, o.departement()))).id());
        }
        List<SaisieInstance> instances = new ArrayList<>();
        for (InstanceDemo i : demo.instances()) {
            List<SaisieMembre> membres = new ArrayList<>();
            for (MembreDemo m : i.membres()) {
                for (long id : organisations(vue, propres, m.organisation())) {
                    membres.add(new SaisieMembre(id, null, m.personne(), m.fonction(), m.role(), m.copresident(), m.secretariat()));
                }
            }
            instances.add(new SaisieInstance(i.type(), i.nom(), i.frequence(), i.reunionsParAn(), i.missions(), i.thematiques(), membres));
        }
        List<SaisieChargeCooperation> charges = demo.charges().stream()
                .map(c -> new SaisieChargeCooperation(c.personne(), organisations(vue, propres, c.employeur()).get(0), null, c.etp(),
                        c.repartition(), c.dateDebut(), c.dateFin(), c.financementCaf(), c.fiche()))
                .toList();
        gouvernance.modifier(conventionId, 0, instances, charges);
        for (ReunionDemo r : demo.reunions() == null ? List.<ReunionDemo>of() : demo.reunions()) {
            List<SaisieParticipant> participants = new ArrayList<>();
            r.participants().forEach(p -> organisations(vue, propres, p.organisation())
                    .forEach(id -> participants.add(new SaisieParticipant(id, null, p.present()))));
            List<SaisieDecision> decisions = r.decisions().stream()
                    .map(d -> new SaisieDecision(d.texte(), organisations(vue, propres, d.responsable()).get(0), null, d.echeance(), d.statut()))
                    .toList();
            // Example data, badged as such on every page that shows it.
            reunions.creer(conventionId, new SaisieReunion(null, r.instance(), r.date(), null, r.heure(), r.lieu(), null, false,
                    null, r.ordreDuJour(), participants, decisions, r.compteRendu(), true));
        }
    }

    private static List<Long> organisations(VueConvention vue, Map<String, Long> propres, String nom) {
        if (nom.startsWith("cle:")) {
            return List.of(propres.get(nom.substring(4)));
        }
        if ("CAF".equals(nom)) {
            return List.of(vue.convention().cafId());
        }
        List<Long> ids = vue.parties().stream()
                .filter(p -> switch (nom) {
                    case "EPCI" -> p.organisation().type() == TypeOrganisation.EPCI;
                    case "COMMUNES" -> p.organisation().type() == TypeOrganisation.COMMUNE;
                    default -> p.organisation().type() == TypeOrganisation.COMMUNE
                            && Textes.plier(p.organisation().nom()).equals(Textes.plier(nom));
                })
                .map(p -> p.organisation().id()).toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("Organisation de démonstration introuvable : " + nom);
        }
        return ids;
    }

    private GouvernanceDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, GouvernanceDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
