package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The convention analysis on the three seeds, scored against their expected results; and on noisy or empty documents. */
class AnalyseConventionTest {

    private static final Path SEEDS = Path.of("../shared/seeds");
    private static final Map<String, String> FICHIERS = Map.of(
            "aubenas", "ctg-bassin-aubenas-2026-2030.md",
            "pilat", "ctg-monts-du-pilat-2026-2030.txt",
            "baronnies", "ctg-baronnies-feuille-de-route-2024.txt");

    private final AnalyseConvention analyse = new AnalyseConvention();
    private final NotationConvention notation = new NotationConvention(JsonMapper.builder().build());

    private ConventionTrouvee analyser(String nom, String texte) {
        return analyse.analyser(new Extraction().extraire(nom, texte.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Score> noter(String document) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "Dossier ../shared/seeds absent : les notes des trois conventions de référence ne sont pas calculées.");
        String fichier = FICHIERS.get(document);
        ConventionTrouvee c = analyser(fichier, Files.readString(SEEDS.resolve(fichier)));
        List<Score> scores = notation.noter(document, new Brouillon(c, PlanTrouve.vide(), AnnexesTrouvees.vide()));
        for (Score s : scores) {
            System.out.printf("NOTE %-10s %-20s trouvés %3d attendus %3d justes %3d  %5.1f %%%n", s.document(), s.type(), s.trouves(),
                    s.attendus(), s.justes(), 100 * s.valeur());
        }
        assertThat(scores).extracting(Score::type).containsExactlyElementsOf(NotationConvention.TYPES);
        return scores;
    }

    @Test
    void aubenasAtteintAuMoins95PourCentPourChaqueGenre() throws Exception {
        assertThat(noter("aubenas")).allSatisfy(s -> assertThat(s.valeur()).as(s.type()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void pilatAtteintAuMoins95PourCentPourChaqueGenre() throws Exception {
        assertThat(noter("pilat")).allSatisfy(s -> assertThat(s.valeur()).as(s.type()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void baronniesAtteintAuMoins95PourCentPourChaqueGenre() throws Exception {
        assertThat(noter("baronnies")).allSatisfy(s -> assertThat(s.valeur()).as(s.type()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void laNotationBaisseQuandUnePartieManque() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "Dossier ../shared/seeds absent.");
        ConventionTrouvee c = analyser("a.md", Files.readString(SEEDS.resolve(FICHIERS.get("aubenas"))));
        ConventionTrouvee amputee = new ConventionTrouvee(c.titre(), c.caf(), c.epci(), c.periode(), c.reconduction(),
                c.parties().subList(0, 3), c.personnes(), c.visas().subList(1, c.visas().size()), c.deliberations(), c.signature(),
                c.sections(), c.enjeux(), c.objectifsConjoints(), c.totaux(), c.alertes());
        List<Score> scores = notation.noter("aubenas", new Brouillon(amputee, PlanTrouve.vide(), AnnexesTrouvees.vide()));
        assertThat(scores.stream().filter(s -> s.type().equals("parties")).findFirst().orElseThrow().valeur()).isEqualTo(3.0 / 5);
        assertThat(scores.stream().filter(s -> s.type().equals("visas")).findFirst().orElseThrow().valeur()).isEqualTo(7.0 / 8);
    }

    @Test
    void unDocumentVideDonneUnBrouillonVideSansErreur() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyser("vide.txt", "\n\n"))
                .isInstanceOf(fr.pilotectg.shared.ErreurValidation.class).hasMessageContaining("vide");
        assertThat(analyse.analyser(new DocumentExtrait("x", DocumentExtrait.FormatSource.TEXTE, List.of())).parties()).isEmpty();
        ConventionTrouvee sansConvention = analyser("recette.txt", "Recette de la tarte\n\nArticle premier\nFarine, beurre.\n12\n");
        assertThat(sansConvention.parties()).isEmpty();
        assertThat(sansConvention.alertes()).extracting(Alerte::type).contains("ILLISIBLE");
    }

    @Test
    void leBruitDeConversionNEmpechePasLaLecture() {
        String entete = "CTG du Val — document de travail\n";
        String texte = entete + "CONVENTION TERRITORIALE GLOBALE 2027-2031\n\nEntre :\n\n"
                + "- > <b>La Caisse d'Allocations familiales de la DrÃ´me</b> reprÃ©sentÃ©e par son Directeur, **Monsieur Paul DURAND** ;\n\n"
                + "et\n\n"
                + "La Communauté de communes du Val de Drôme (CCVD), représentée par sa Présidente, Mme Anne-Marie MARTIN-ROUX ;\n"
                + "la commune de SAINT-JEAN\n"
                + "représentée par Madame Anne-Marie MARTIN-ROUX, Maire\n\n"
                + "3\n" + entete + entete + entete + entete + entete + entete
                + "Vu le Code général des collectivités territoriales ;\n"
                + "Vu la délibération du conseil communautaire de la CCVD en date du 12/03/2027 ;\n"
                + "Vu la délibération du conseil municipal de la commune de Saint-Jean en date du xx 2027 ;\n\n"
                + "<p>PREAMBULE</p>\n\nTexte.\n\n"
                + "ARTICLE 1 – OBJET\tDE LA CONVENTION\n\nLe texte.\n\n"
                + "Article 2 : Durée\n\nLa convention est conclue pour une durée de quatre ans. Elle est renouvelée par tacite reconduction.\n\n"
                + "Fait à Nyons, le 1er février 2027\n\nEn trois exemplaires originaux.\n";
        ConventionTrouvee c = analyser("bruit.txt", texte);
        assertThat(c.parties()).extracting(ConventionTrouvee.Partie::genre)
                .containsExactly(ConventionTrouvee.GenreDePartie.CAF, ConventionTrouvee.GenreDePartie.EPCI, ConventionTrouvee.GenreDePartie.COMMUNE);
        assertThat(c.parties().get(0).nom()).isEqualTo("Drôme");
        assertThat(c.parties().get(1).sigle()).isEqualTo("CCVD");
        assertThat(c.parties().get(0).representants()).singleElement()
                .satisfies(r -> assertThat(r.fonction()).isEqualTo("Directeur"));
        assertThat(c.personnes()).filteredOn(p -> p.nom().equals("MARTIN-ROUX")).singleElement()
                .satisfies(p -> assertThat(p.mandats()).hasSize(2));
        assertThat(c.visas()).extracting(ConventionTrouvee.Visa::texte).containsExactly("Vu le Code général des collectivités territoriales");
        assertThat(c.deliberations()).hasSize(2);
        assertThat(c.deliberations().get(0).partie()).isEqualTo(c.parties().get(1).nomImprime());
        assertThat(c.deliberations().get(0).date()).hasToString("2027-03-12");
        assertThat(c.deliberations().get(1).dateTexte()).isEqualTo("xx 2027");
        assertThat(c.sections()).extracting(ConventionTrouvee.Section::titre).containsExactly("Préambule", "Objet de la convention", "Durée");
        assertThat(c.periode().dureeAnnees()).isEqualTo(4);
        assertThat(c.reconduction().valeur()).isEqualTo("TACITE");
        assertThat(c.signature().lieu()).isEqualTo("Nyons");
        assertThat(c.signature().date()).hasToString("2027-02-01");
        assertThat(c.signature().nombreOriginaux()).isEqualTo(3);
    }

    @Test
    void unNomDeCommuneQuiCommenceParLaOuLeGardeSesLettresEtUnSecondRepresentantSaFonction() {
        ConventionTrouvee c = analyser("noms.md", String.join("\n", "# Convention territoriale globale du Bassin 2026-2030",
                "Entre", "La Caisse d'allocations familiales de l'Ardèche, représentée par M. Paul DURAND, Président, "
                        + "et par Mme Julie LEBLANC, Directrice,",
                "Lavilledieu, représentée par M. Gérard SAUCLES, Maire,", "Lemps, représentée par Mme Anne MARTIN, Maire,",
                "## Article 1 – Objet", "Le texte."));
        assertThat(c.parties()).extracting(ConventionTrouvee.Partie::nomImprime)
                .containsExactly("Caisse d'allocations familiales de l'Ardèche", "Lavilledieu", "Lemps");
        // a second representative "…, et par Mme X, Directrice" keeps the function printed after the name
        assertThat(c.parties().get(0).representants()).extracting(r -> r.nom() + " / " + r.fonction())
                .containsExactly("DURAND / Président", "LEBLANC / Directrice");
    }
}
