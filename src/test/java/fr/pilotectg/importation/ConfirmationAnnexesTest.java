package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.pilotectg.ao.AoService;
import fr.pilotectg.ao.ProjectionAo;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.NouvelleConvention;
import fr.pilotectg.gouvernance.Gouvernance;
import fr.pilotectg.gouvernance.GouvernanceService;
import fr.pilotectg.gouvernance.Instance;
import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.ServiceSoutenu;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Aubenas annexes, analysed with the referential, confirmed into a convention created here through the
 * convention service: the services, the AO matrix and projection, and the governance are written through the
 * features' services (journalled); an element they refuse stops everything with a message naming it.
 */
@IntegrationTest
class ConfirmationAnnexesTest {

    private static final Path AUBENAS = Path.of("..", "shared", "seeds", "ctg-bassin-aubenas-2026-2030.md");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService utilisateurs;
    @Autowired
    ConventionService conventions;
    @Autowired
    AnalyseAnnexes analyse;
    @Autowired
    ConfirmationAnnexes confirmation;
    @Autowired
    OffreService offre;
    @Autowired
    AoService ao;
    @Autowired
    GouvernanceService gouvernance;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private long nouvelleConvention() {
        long caf = new ClientApi(mvc).cafArdeche();
        return Comme.utilisateur(utilisateurs, "caf07", () -> conventions.creer(new NouvelleConvention(
                "Import annexes " + UUID.randomUUID().toString().substring(0, 8), caf, ClientApi.CCBA,
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), null)).id());
    }

    private AnnexesTrouvees aubenas() throws Exception {
        assumeTrue(Files.isRegularFile(AUBENAS), "graine absente : " + AUBENAS.toAbsolutePath() + " (test ignoré)");
        return analyse.analyser(new Extraction().extraire("aubenas.md", Files.readAllBytes(AUBENAS)));
    }

    @Test
    void the_aubenas_annexes_are_written_through_the_features_services_and_journalled() throws Exception {
        AnnexesTrouvees annexes = aubenas();
        assertThat(annexes.alertes()).allMatch(a -> a.type().equals("NOM_NON_RESOLU") || a.type().equals("TOTAL_DIFFERENT"));
        long id = nouvelleConvention();

        Comme.utilisateur(utilisateurs, "caf07", () -> {
            transactions.executeWithoutResult(t -> confirmation.confirmer(id, annexes));
            return null;
        });

        List<ServiceSoutenu> services = Comme.utilisateur(utilisateurs, "caf07", () -> offre.services(id));
        // rows naming the same service are merged by the offer (e.g. "Classe passerelle" of the CCBA and of Aubenas)
        assertThat(services).hasSizeBetween(30, 36);
        // one name printed for two places stays two services
        assertThat(services).extracting(ServiceSoutenu::nom)
                .contains("MA Babyvinobre (Lachapelle)", "MA Babyvinobre (St Etienne de Fontbellon)");
        assertThat(services).filteredOn(s -> "CLAS Le Palabre".equals(s.nom())).singleElement()
                .satisfies(s -> assertThat(s.collectivitesSoutien()).hasSize(2));
        List<ProjectionAo> projections = Comme.utilisateur(utilisateurs, "caf07", () -> ao.vue(id).projections());
        assertThat(projections).singleElement().satisfies(p -> assertThat(p.lignes()).hasSize(6));
        assertThat(Comme.utilisateur(utilisateurs, "caf07", () -> ao.vue(id).matrice().lignes()))
                .anySatisfy(l -> assertThat(l.cellules()).hasSize(4));
        Gouvernance g = Comme.utilisateur(utilisateurs, "caf07", () -> gouvernance.gouvernance(id));
        assertThat(g.instances()).extracting(Instance::nom).contains("Comité de pilotage de la CTG");
        assertThat(g.instances().get(0).membres()).hasSize(5).anyMatch(m -> m.copresident() && m.secretariat());
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = ? AND objet_type = 'service'").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(services.size());
    }

    @Test
    void an_element_refused_by_a_feature_stops_the_confirmation_with_its_name_and_nothing_is_written() throws Exception {
        AnnexesTrouvees annexes = aubenas();
        List<ServiceTrouve> services = new ArrayList<>(annexes.services());
        ServiceTrouve premier = services.get(0);
        services.add(1, new ServiceTrouve(premier.collectivite(), null, "CRECHE_LUNAIRE", "Crèche lunaire", null, "La Lune",
                null, null, null, null, null, false, new Source(4, 4), 0.5));
        AnnexesTrouvees invalide = new AnnexesTrouvees(services, annexes.matriceAo(), annexes.projections(), annexes.instances(),
                annexes.totaux(), annexes.alertes());
        long id = nouvelleConvention();

        assertThatThrownBy(() -> Comme.utilisateur(utilisateurs, "caf07", () -> {
            transactions.executeWithoutResult(t -> confirmation.confirmer(id, invalide));
            return null;
        })).isInstanceOf(ErreurValidation.class).hasMessageContaining("Service « La Lune » (ligne 4)").hasMessageContaining("CRECHE_LUNAIRE");

        assertThat(Comme.utilisateur(utilisateurs, "caf07", () -> offre.services(id))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = ? AND objet_type = 'service'").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_reader_cannot_confirm_annexes_into_a_convention() throws Exception {
        AnnexesTrouvees annexes = aubenas();
        long id = nouvelleConvention();
        assertThatThrownBy(() -> Comme.utilisateur(utilisateurs, "lecteur", () -> {
            transactions.executeWithoutResult(t -> confirmation.confirmer(id, annexes));
            return null;
        })).isNotInstanceOf(NullPointerException.class);
        assertThat(Comme.utilisateur(utilisateurs, "caf07", () -> offre.services(id))).isEmpty();
    }
}
