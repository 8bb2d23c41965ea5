package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.Deliberation;
import fr.pilotectg.convention.InformationsConvention;
import fr.pilotectg.convention.NouveauRepresentant;
import fr.pilotectg.convention.NouvelleConvention;
import fr.pilotectg.convention.Reconduction;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.convention.StatutConvention;
import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.NouvelleOrganisation;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Personne;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ChargementInitial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the demo conventions and accounts on first start of the demo mode, when the database has no
 * organisation yet. Everything goes through the public services, so the demo data obeys the same rules
 * (and lands in the same journal) as data typed by users. All or nothing.
 */
@Component
@ConditionalOnProperty(name = "pilote.demo.actif", havingValue = "true")
class DemoDataLoader {

    static final String MOT_DE_PASSE_DEMO = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final OrganisationService organisations;
    private final ConventionService conventions;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final DemoPlanLoader plans;
    private final DemoServicesLoader services;
    private final DemoSuiviLoader suivi;
    private final DemoEvaluationLoader evaluations;
    private final DemoAoLoader ao;
    private final DemoDiagnosticLoader diagnostics;
    private final DemoPilotageLoader pilotage;
    private final DemoTexteLoader textes;
    private final DemoGouvernanceLoader gouvernance;

    DemoDataLoader(OrganisationService organisations, ConventionService conventions, TransactionTemplate transaction,
                   ObjectMapper json, DemoPlanLoader plans, DemoServicesLoader services, DemoSuiviLoader suivi,
                   DemoEvaluationLoader evaluations, DemoAoLoader ao,
                   DemoDiagnosticLoader diagnostics, DemoPilotageLoader pilotage, DemoTexteLoader textes,
                   DemoGouvernanceLoader gouvernance) {
        this.textes = textes;
        this.gouvernance = gouvernance;
        this.suivi = suivi;
        this.evaluations = evaluations;
        this.ao = ao;
        this.diagnostics = diagnostics;
        this.pilotage = pilotage;
        this.plans = plans;
        this.services = services;
        this.organisations = organisations;
        this.conventions = conventions;
        this.transaction = transaction;
        this.json = json;
    }

    /** Before the application says it is ready ({@link ChargementInitial}). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(ChargementInitial.ORDRE_CHARGEMENT)
    void chargerSiBaseVide() {
        if (organisations.nombreUtilisateurs() > 0) {
            return;
        }
        long debut = System.nanoTime();
        var securite = SecurityContextHolder.getContext();
        try {
            // A context of its own: setting the authentication on the current one would leave the starting
            // thread logged in as "système" once the previous context is put back (it is the same object).
            var systeme = SecurityContextHolder.createEmptyContext();
            systeme.setAuthentication(new UsernamePasswordAuthenticationToken(UtilisateurConnecte.systeme(), null, List.of()));
            SecurityContextHolder.setContext(systeme);
            transaction.executeWithoutResult(status -> charger(lireFixture()));
        } finally {
            SecurityContextHolder.setContext(securite);
        }
        LOG.info("Données de démonstration chargées en {} ms", (System.nanoTime() - debut) / 1_000_000);
    }

    private DemoFixture lireFixture() {
        try (InputStream in = new ClassPathResource("demo/conventions.json").getInputStream()) {
            return json.readValue(in, DemoFixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void charger(DemoFixture fixture) {
        Map<String, Organisation> cafs = new HashMap<>();
        for (DemoFixture.Caf caf : fixture.cafs()) {
            // Every département's Caf is in the referential from the start (V30): the demo uses it.
            cafs.put(caf.cle(), organisations.cafDuDepartement(caf.departement()).orElseGet(() -> organisations.creer(
                    new NouvelleOrganisation(caf.nom(), null, TypeOrganisation.CAF, null, null, caf.departement()))));
        }
        Map<String, Organisation> autres = new HashMap<>();
        for (DemoFixture.OrganisationDemo o : fixture.organisations()) {
            autres.put(o.cle(), organisations.creer(new NouvelleOrganisation(o.nom(), null, TypeOrganisation.valueOf(o.type()),
                    null, null, o.departement())));
        }
        Map<String, Convention> parCle = new HashMap<>();
        for (DemoFixture.ConventionDemo demo : fixture.conventions()) {
            parCle.put(demo.cle(), chargerConvention(demo, cafs));
        }
        plans.charger(parCle);
        services.charger(parCle);
        diagnostics.charger(parCle);
        ao.charger(parCle);
        textes.charger(parCle);
        gouvernance.charger(parCle);
        pilotage.charger(parCle); // after the governance: planned COPILs are meetings of its COPIL (ADR 0039)
        for (DemoFixture.Compte compte : fixture.comptes()) {
            Long organisationId = null;
            if (compte.caf() != null) {
                organisationId = cafs.get(compte.caf()).id();
            } else if (compte.epciDe() != null) {
                organisationId = epciDe(parCle.get(compte.epciDe()));
            } else if (compte.organisation() != null) {
                organisationId = autres.get(compte.organisation()).id();
            }
            long id = organisations.creerUtilisateur(compte.identifiant(), MOT_DE_PASSE_DEMO, compte.nom(),
                    Role.valueOf(compte.role()), organisationId);
            organisations.definirCourriel(id, compte.identifiant() + "@exemple.org");
            if (compte.habilitations() != null) {
                compte.habilitations().forEach(cle -> conventions.habiliter(parCle.get(cle).id(), id));
            }
        }
        suivi.charger(parCle);
        evaluations.charger(parCle);
    }

    private Convention chargerConvention(DemoFixture.ConventionDemo demo, Map<String, Organisation> cafs) {
        Organisation caf = cafs.get(demo.caf());
        Convention convention = conventions.creer(new NouvelleConvention(demo.titre(), caf.id(), demo.epci(),
                demo.dateDebut(), demo.dateFin(), null));
        long id = convention.id();
        convention = conventions.modifierInformations(id, convention.version(), new InformationsConvention(
                demo.titre(), demo.dateDebut(), demo.dateFin(), null, demo.signature().lieu(), demo.signature().date(),
                demo.signature().nombreOriginaux(), demo.visas(), demo.tientLieuSchemaAo(), null,
                "aubenas".equals(demo.cle()) ? Reconduction.EXPRESSE : null, null));
        Map<String, Personne> personnes = new HashMap<>();
        if (demo.personnes() != null) {
            demo.personnes().forEach((cle, p) -> personnes.put(cle, organisations.creerPersonne(p.civilite(), p.prenom(), p.nom())));
        }
        for (DemoFixture.PartieDemo partie : demo.parties()) {
            long organisationId;
            if (partie.caf() != null) {
                organisationId = cafs.get(partie.caf()).id();
            } else if (Boolean.TRUE.equals(partie.epci())) {
                organisationId = epciDe(convention);
            } else {
                String departement = partie.departement() != null ? partie.departement() : convention.codeDepartement();
                convention = conventions.ajouterCommunePartie(id, convention.version(), partie.commune(), departement,
                        RolePartie.valueOf(partie.role()));
                organisationId = convention.parties().get(convention.parties().size() - 1).organisationId();
            }
            for (DemoFixture.RepresentantDemo representant : partie.representants()) {
                convention = ajouterRepresentant(convention, organisationId, representant, personnes);
            }
            if (partie.deliberation() != null) {
                DemoFixture.DeliberationDemo d = partie.deliberation();
                convention = conventions.ajouterDeliberation(id, convention.version(),
                        new Deliberation(organisationId, d.instance(), d.date(), d.dateTexte(), null));
            }
        }
        for (String statut : demo.statuts()) {
            convention = conventions.changerStatut(id, convention.version(), StatutConvention.valueOf(statut), null);
        }
        return convention;
    }

    private Convention ajouterRepresentant(Convention convention, long organisationId,
                                           DemoFixture.RepresentantDemo representant, Map<String, Personne> personnes) {
        if (representant.personne() == null) {
            return conventions.ajouterNouveauRepresentant(convention.id(), convention.version(), organisationId,
                    new NouveauRepresentant(representant.civilite(), representant.prenom(), representant.nom(),
                            representant.fonction()));
        }
        Personne personne = personnes.get(representant.personne());
        Mandat mandat = organisations.creerMandat(personne.id(), organisationId, representant.fonction());
        return conventions.ajouterRepresentant(convention.id(), convention.version(), organisationId, mandat.id());
    }

    private Long epciDe(Convention convention) {
        return organisations.epciParSiren(convention.territoireSiren()).map(Organisation::id).orElseThrow();
    }
}
