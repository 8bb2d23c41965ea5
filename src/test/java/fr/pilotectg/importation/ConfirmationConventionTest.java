package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.importation.ConventionTrouvee.Partie;
import fr.pilotectg.importation.ConventionTrouvee.Resolution;
import fr.pilotectg.importation.ConventionTrouvee.Statut;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.texte.ObjectifsService;
import fr.pilotectg.texte.TexteService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Names resolved against the real referential, and the creation of the convention of a draft (all or nothing). */
@IntegrationTest
class ConfirmationConventionTest {

    private static final Path SEEDS = Path.of("../shared/seeds");

    @Autowired
    AnalyseConvention analyse;
    @Autowired
    ConfirmationConvention confirmation;
    @Autowired
    Extraction extraction;
    @Autowired
    ConventionService conventions;
    @Autowired
    OrganisationService organisations;
    @Autowired
    TexteService texte;
    @Autowired
    ObjectifsService objectifs;
    @Autowired
    UserDetailsService utilisateurs;
    @Autowired
    JdbcClient jdbc;

    private <T> T comme(String identifiant, Supplier<T> action) {
        return Comme.utilisateur(utilisateurs, identifiant, action);
    }

    private ConventionTrouvee graine(String fichier) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "Dossier ../shared/seeds absent : la confirmation d'une convention de référence n'est pas testée.");
        return analyse.analyser(extraction.extraire(fichier, Files.readAllBytes(SEEDS.resolve(fichier))));
    }

    private long nombreDeConventions() {
        return jdbc.sql("select count(*) from convention").query(Long.class).single();
    }

    @Test
    void lesPartiesDAubenasSontResoluesEtLaConfirmationCreeLaConventionDuBrouillon() throws Exception {
        ConventionTrouvee brouillon = graine("ctg-bassin-aubenas-2026-2030.md");
        assertThat(brouillon.parties()).extracting(p -> p.resolution().statut()).containsOnly(Statut.RESOLU);
        assertThat(brouillon.alertes()).extracting(Alerte::type).doesNotContain("NOM_NON_RESOLU");

        long id = comme("caf07", () -> confirmation.creer(brouillon));

        Convention c = comme("caf07", () -> conventions.convention(id));
        assertThat(c.titre()).isEqualTo("CTG du Bassin d'Aubenas 2026-2030");
        assertThat(c.cafId()).isEqualTo(brouillon.caf().resolution().organisationId());
        assertThat(c.territoireNom()).isEqualTo(brouillon.epci().resolution().nomReferentiel());
        assertThat(c.periode().dateDebut()).hasToString("2026-01-01");
        assertThat(c.periode().dateFin()).hasToString("2030-12-31");
        assertThat(c.periode().reconduction()).hasToString("EXPRESSE");
        assertThat(c.signature().lieu()).isEqualTo("Aubenas");
        assertThat(c.signature().date()).hasToString("2025-12-02");
        assertThat(c.signature().nombreOriginaux()).isEqualTo(7);
        assertThat(c.visas()).hasSize(8);
        assertThat(c.parties()).hasSize(5);
        assertThat(c.parties()).extracting(fr.pilotectg.convention.Partie::nomImprime).contains("Commune de Vals les Bains");
        assertThat(c.representants()).hasSize(6);
        assertThat(c.deliberations()).hasSize(5);
        assertThat(c.deliberations()).filteredOn(d -> d.date() != null).singleElement()
                .satisfies(d -> assertThat(d.date()).hasToString("2025-12-11"));
        var sections = comme("caf07", () -> texte.texte(id)).sections();
        assertThat(sections).hasSize(brouillon.sections().size()).hasSize(15);
        var objectifsCrees = comme("caf07", () -> objectifs.objectifs(id)).objectifs();
        assertThat(objectifsCrees).hasSize(8);
        Long journal = jdbc.sql("select count(*) from journal where convention_id = ?").param(id).query(Long.class).single();
        assertThat(journal).isGreaterThan(10);
    }

    @Test
    void uneMemePersonneAPlusieursMandatsResteUneSeulePersonne() throws Exception {
        ConventionTrouvee brouillon = graine("ctg-monts-du-pilat-2026-2030.txt");
        assertThat(brouillon.parties()).hasSize(18);
        assertThat(brouillon.alertes()).extracting(Alerte::message).isEmpty();
        long id = comme("caf42", () -> confirmation.creer(brouillon));
        Convention c = comme("caf42", () -> conventions.convention(id));
        assertThat(c.parties()).hasSize(18);
        List<Long> heyraud = c.representants().stream().map(r -> organisations.mandat(r.mandatId()).personne())
                .filter(p -> p.nom().equals("HEYRAUD")).map(p -> p.id()).toList();
        assertThat(heyraud).hasSize(2);
        assertThat(heyraud.get(0)).isEqualTo(heyraud.get(1));
        assertThat(c.deliberations()).hasSize(18);
        assertThat(c.signature().nombreOriginauxTexte()).contains("autant");
    }

    @Test
    void unNomInconnuOuAmbiguEstSignaleAvecSesCandidatsJamaisDevine() {
        String document = "CONVENTION TERRITORIALE GLOBALE 2026-2030\n\nEntre :\n\n"
                + "La Caisse d'Allocations familiales représentée par son Directeur, M. Jean TEST ;\n\n"
                + "La commune de Colombier représentée par son maire, Mme Anne ESSAI ;\n\n"
                + "La commune de Saint-Nullepart-sur-Rien représentée par son maire, M. Paul ESSAI ;\n\n"
                + "Vu le Code général des collectivités territoriales ;\n";
        ConventionTrouvee c = analyse.analyser(extraction.extraire("essai.txt", document.getBytes(StandardCharsets.UTF_8)));
        Partie colombier = c.parties().stream().filter(p -> p.nom().equals("Colombier")).findFirst().orElseThrow();
        assertThat(colombier.resolution().statut()).isEqualTo(Statut.AMBIGU);
        assertThat(colombier.resolution().candidats()).hasSizeGreaterThan(1);
        assertThat(colombier.resolution().codeInsee()).isNull();
        Partie inconnue = c.parties().stream().filter(p -> p.nom().startsWith("Saint-Nullepart")).findFirst().orElseThrow();
        assertThat(inconnue.resolution().statut()).isEqualTo(Statut.INCONNU);
        assertThat(c.alertes()).filteredOn(a -> a.type().equals("NOM_NON_RESOLU")).extracting(Alerte::message)
                .anySatisfy(m -> assertThat(m).contains("Colombier", "désigne plusieurs", "candidats"))
                .anySatisfy(m -> assertThat(m).contains("Saint-Nullepart-sur-Rien", "ne correspond à aucune"));
    }

    @Test
    void unePartieNonResolueEstRefuseeEnFrancaisEtRienNEstEcrit() throws Exception {
        ConventionTrouvee brouillon = graine("ctg-bassin-aubenas-2026-2030.md");
        List<Partie> parties = new ArrayList<>(brouillon.parties());
        Partie lavilledieu = parties.get(4);
        parties.set(4, lavilledieu.avecResolution(new Resolution(Statut.AMBIGU, null, null, null, null, null,
                List.of(new ConventionTrouvee.Candidat(null, "07132", "Lavilledieu", "07")))));
        ConventionTrouvee modifie = new ConventionTrouvee(brouillon.titre(), brouillon.caf(), brouillon.epci(), brouillon.periode(),
                brouillon.reconduction(), parties, brouillon.personnes(), brouillon.visas(), brouillon.deliberations(),
                brouillon.signature(), brouillon.sections(), brouillon.enjeux(), brouillon.objectifsConjoints(), brouillon.totaux(),
                brouillon.alertes());
        long avant = nombreDeConventions();
        assertThatThrownBy(() -> comme("caf07", () -> confirmation.creer(modifie)))
                .isInstanceOf(ErreurValidation.class)
                .hasMessageContaining("La partie « Commune de Lavilledieu » n'est pas résolue au référentiel")
                .hasMessageContaining("candidates : Lavilledieu");
        assertThat(nombreDeConventions()).isEqualTo(avant);
    }

    @Test
    void uneErreurEnCoursDeCreationAnnuleTout() throws Exception {
        ConventionTrouvee brouillon = graine("ctg-bassin-aubenas-2026-2030.md");
        List<ConventionTrouvee.Section> sections = new ArrayList<>(brouillon.sections());
        sections.set(1, new ConventionTrouvee.Section("CHAPITRE", "1", "Objet", "Texte", Source.ligne(1), 1));
        ConventionTrouvee modifie = new ConventionTrouvee(brouillon.titre(), brouillon.caf(), brouillon.epci(), brouillon.periode(),
                brouillon.reconduction(), brouillon.parties(), brouillon.personnes(), brouillon.visas(), brouillon.deliberations(),
                brouillon.signature(), sections, brouillon.enjeux(), brouillon.objectifsConjoints(), brouillon.totaux(), brouillon.alertes());
        long avant = nombreDeConventions();
        long personnes = jdbc.sql("select count(*) from personne").query(Long.class).single();
        assertThatThrownBy(() -> comme("caf07", () -> confirmation.creer(modifie)))
                .isInstanceOf(ErreurValidation.class).hasMessageContaining("CHAPITRE");
        assertThat(nombreDeConventions()).isEqualTo(avant);
        assertThat(jdbc.sql("select count(*) from personne").query(Long.class).single()).isEqualTo(personnes);
    }

    @Test
    void unAgentDUneAutreCafNePeutPasConfirmer() throws Exception {
        ConventionTrouvee brouillon = graine("ctg-bassin-aubenas-2026-2030.md");
        long avant = nombreDeConventions();
        assertThatThrownBy(() -> comme("caf42", () -> confirmation.creer(brouillon)))
                .hasMessageContaining("propre Caf");
        assertThat(nombreDeConventions()).isEqualTo(avant);
    }
}
