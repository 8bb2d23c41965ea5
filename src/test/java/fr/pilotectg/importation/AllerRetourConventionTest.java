package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.documents.Document;
import fr.pilotectg.documents.DocumentConvention;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.texte.TexteService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The product's own export of the demo Aubenas convention, read back: the document model the DOCX is rendered from
 * (headings, paragraphs, lists, signature block) is written as Markdown and analysed; the draft must give back the
 * same parties, representatives, visas, period, signature and sections, and its confirmation the same convention.
 * (The DOCX file itself goes through the DOCX extraction of the importer's base, built apart.)
 */
@IntegrationTest
class AllerRetourConventionTest {

    @Autowired
    DocumentConvention documents;
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
    UserDetailsService utilisateurs;
    @Autowired
    JdbcClient jdbc;

    private <T> T comme(Supplier<T> action) {
        return Comme.utilisateur(utilisateurs, "caf07", action);
    }

    static String markdown(Document document) {
        List<String> lignes = new ArrayList<>();
        lignes.add("# " + document.titre());
        for (Document.Bloc b : document.blocs()) {
            if (b instanceof Document.Titre t) {
                lignes.add("#".repeat(t.niveau()) + " " + t.texte());
            } else if (b instanceof Document.Paragraphe p) {
                lignes.add((p.libelle() == null || p.libelle().isBlank() ? "" : p.libelle() + " ") + p.texte());
            } else if (b instanceof Document.Liste l) {
                l.elements().forEach(e -> lignes.add("- " + e));
            } else {
                lignes.addAll(b.textes());
            }
            lignes.add("");
        }
        return String.join("\n", lignes);
    }

    @Test
    void laConventionExporteeSeRelitEnLaMemeConvention() {
        long id = jdbc.sql("select min(id) from convention where titre = 'CTG du Bassin d''Aubenas 2026-2030'").query(Long.class).single();
        Document document = comme(() -> documents.document(id, Set.of(), false));
        ConventionTrouvee c = comme(() -> analyse.analyser(extraction.extraire("aubenas-export.md",
                markdown(document).getBytes(StandardCharsets.UTF_8))));
        Convention source = comme(() -> conventions.convention(id));

        assertThat(c.parties()).hasSize(source.parties().size());
        assertThat(c.parties()).extracting(p -> p.resolution().organisationId())
                .containsExactlyElementsOf(source.parties().stream().map(fr.pilotectg.convention.Partie::organisationId).toList());
        List<String> representants = source.representants().stream()
                .map(r -> organisations.mandat(r.mandatId())).map(m -> m.personne().prenom() + " " + m.personne().nom() + " / " + m.fonction()).toList();
        assertThat(c.parties().stream().flatMap(p -> p.representants().stream()).map(r -> r.prenom() + " " + r.nom() + " / " + r.fonction()))
                .containsExactlyElementsOf(representants);
        assertThat(c.visas()).extracting(ConventionTrouvee.Visa::texte)
                .containsExactlyElementsOf(source.visas().stream().map(v -> v.texte().replaceAll("\\s*[;.,]\\s*$", "")).toList());
        assertThat(c.periode().dateDebut()).isEqualTo(source.periode().dateDebut());
        assertThat(c.periode().dateFin()).isEqualTo(source.periode().dateFin());
        assertThat(c.signature().lieu()).isEqualTo(source.signature().lieu());
        assertThat(c.signature().date()).isEqualTo(source.signature().date());
        assertThat(c.signature().nombreOriginaux()).isEqualTo(source.signature().nombreOriginaux());
        var sections = comme(() -> texte.texte(id)).sections();
        assertThat(c.sections()).extracting(s -> s.nature() + " " + s.titre())
                .containsExactlyElementsOf(sections.stream().map(s -> s.nature().name() + " " + s.titre()).toList());

        long copie = comme(() -> confirmation.creer(c));
        Convention relue = comme(() -> conventions.convention(copie));
        assertThat(relue.parties()).extracting(fr.pilotectg.convention.Partie::organisationId)
                .containsExactlyInAnyOrderElementsOf(source.parties().stream().map(fr.pilotectg.convention.Partie::organisationId).toList());
        assertThat(relue.visas()).isEqualTo(source.visas());
        assertThat(relue.periode().dateDebut()).isEqualTo(source.periode().dateDebut());
        assertThat(relue.representants()).hasSameSizeAs(source.representants());
        assertThat(comme(() -> texte.texte(copie)).sections()).extracting(s -> s.titre())
                .containsExactlyElementsOf(sections.stream().map(s -> s.titre()).toList());
    }
}
