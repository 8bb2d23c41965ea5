package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;

/** Extraction per format (documents generated here), the common cleaning, and the refusals of what is not a document. */
class ExtractionTest {

    private final Extraction extraction = new Extraction();

    private static List<String> textes(DocumentExtrait d) {
        return d.lignes().stream().filter(l -> l.genre() != Ligne.NatureDeLigne.VIDE).map(Ligne::texte).toList();
    }

    private static Ligne ligne(DocumentExtrait d, String texte) {
        return d.lignes().stream().filter(l -> l.texte().equals(texte)).findFirst().orElseThrow(() -> new AssertionError(texte + " in " + d.lignes()));
    }

    @Test
    void docx_keeps_headings_lists_tables_in_body_order() {
        DocumentExtrait d = extraction.extraire("ctg.docx", FichiersDeTest.docx(0));
        assertThat(d.format()).isEqualTo(DocumentExtrait.FormatSource.DOCX);
        assertThat(textes(d)).containsExactly("Convention territoriale globale du Bassin de Test", "Article 1 – Objet",
                "La présente convention lie la Caf et la communauté de communes.", "Petite enfance", "Crèches",
                "Action\t2026\t2027", "Fiche 1\tX\t", "Fait à Test, le 1er janvier 2026.");
        assertThat(ligne(d, "Convention territoriale globale du Bassin de Test")).extracting(Ligne::genre, Ligne::niveau)
                .containsExactly(Ligne.NatureDeLigne.TITRE, 1);
        assertThat(ligne(d, "Article 1 – Objet")).extracting(Ligne::genre, Ligne::niveau).containsExactly(Ligne.NatureDeLigne.TITRE, 2);
        assertThat(ligne(d, "Petite enfance")).extracting(Ligne::genre, Ligne::niveau).containsExactly(Ligne.NatureDeLigne.LISTE, 1);
        assertThat(ligne(d, "Crèches")).extracting(Ligne::genre, Ligne::niveau).containsExactly(Ligne.NatureDeLigne.LISTE, 2);
        assertThat(ligne(d, "Action\t2026\t2027").genre()).isEqualTo(Ligne.NatureDeLigne.TABLEAU);
        assertThat(ligne(d, "Fiche 1\tX\t").cellules()).containsExactly("Fiche 1", "X", "");
        for (int i = 0; i < d.lignes().size(); i++) {
            assertThat(d.lignes().get(i).numero()).isEqualTo(i + 1);
        }
    }

    @Test
    void odt_reads_outline_levels_nested_lists_and_table_rows_with_nested_tables_flattened() {
        DocumentExtrait d = extraction.extraire("ctg.odt", FichiersDeTest.odt());
        assertThat(d.format()).isEqualTo(DocumentExtrait.FormatSource.ODT);
        assertThat(textes(d)).containsExactly("Convention territoriale globale", "Article 2", "Entre la Caf et la commune.",
                "Jeunesse", "Accueils de loisirs", "Service\tCommune", "RPE\tAubenas", "imbriquée");
        assertThat(ligne(d, "Article 2")).extracting(Ligne::genre, Ligne::niveau).containsExactly(Ligne.NatureDeLigne.TITRE, 3);
        assertThat(ligne(d, "Accueils de loisirs")).extracting(Ligne::genre, Ligne::niveau).containsExactly(Ligne.NatureDeLigne.LISTE, 2);
        assertThat(ligne(d, "RPE\tAubenas").genre()).isEqualTo(Ligne.NatureDeLigne.TABLEAU);
    }

    @Test
    void pdf_loses_its_repeated_header_and_page_numbers_but_keeps_its_text() {
        DocumentExtrait d = extraction.extraire("ctg.pdf", FichiersDeTest.pdf(4,
                List.of("Convention territoriale globale, page {p}", "Article {p} du texte", "Fin de la page {p}")));
        assertThat(d.format()).isEqualTo(DocumentExtrait.FormatSource.PDF);
        List<String> textes = textes(d);
        assertThat(textes).noneMatch(t -> t.contains("CTG du Bassin de Test")).noneMatch(t -> t.matches("\\d+"));
        assertThat(textes).contains("Convention territoriale globale, page beta", "Article gamma du texte", "Fin de la page epsilon");
        assertThat(textes).hasSize(12);
    }

    @Test
    void a_pdf_without_text_layer_is_sent_to_ocr() {
        assertThatThrownBy(() -> extraction.extraire("scan.pdf", FichiersDeTest.pdf(2, List.of())))
                .isInstanceOf(ErreurValidation.class)
                .hasMessage("Ce PDF ne contient pas de texte : il doit être passé à l'OCR avant import.");
    }

    @Test
    void a_pdf_of_more_than_500_pages_is_refused() {
        assertRefus("long.pdf", FichiersDeTest.pdf(501, List.of()), "501 pages");
    }

    @Test
    void cleaning_repairs_html_fragments_accents_mojibake_and_hyphenation() {
        assertThat(Nettoyage.texte("depuis le 1<sup>er</sup> janvier&nbsp;2025<br>la CCBA<sup>1</sup> <span style=\"x\">exerce</span> &amp; agit"))
                .isEqualTo("depuis le 1er janvier 2025 la CCBA exerce & agit");
        assertThat(Nettoyage.texte("CrÃ©ation dâ€™un lieu dâ€™accueil")).isEqualTo("Création d’un lieu d’accueil");
        assertThat(Nettoyage.texte("Le comite´ de pilotage a e´te´ re´uni")).isEqualTo("Le comité de pilotage a été réuni");
        assertThat(Nettoyage.texte("moins de < 5 ans")).isEqualTo("moins de < 5 ans");
        DocumentExtrait d = extraction.extraire("ctg.txt", "La convention territo-\nriale globale\n12-\n17 ans\n".getBytes(StandardCharsets.UTF_8));
        assertThat(textes(d)).containsExactly("La convention territoriale globale", "12-", "17 ans");
    }

    @Test
    void html_lists_and_paragraphs_in_a_text_cell_stay_apart_and_outside_a_table_become_lines() {
        String texte = "Partenaires\tIndicateurs d'évaluation\n"
                + "Tous les acteurs\t<ul style=\"list-style-type: none\"> <li>-Nombre de d&eacute;cisions</li><li>-Nombre de projets</li> </ul>\n"
                + "<p>Premier &laquo;&nbsp;paragraphe&nbsp;&raquo;</p> <ul><li>un point</li><li>un autre<br>point</li></ul>\n"
                + "<p>a</p>\tb<br>c<custom>";
        DocumentExtrait d = extraction.extraire("ctg.md", texte.getBytes(StandardCharsets.UTF_8));
        assertThat(d.lignes()).extracting(Ligne::genre).containsExactly(Ligne.NatureDeLigne.TABLEAU, Ligne.NatureDeLigne.TABLEAU,
                Ligne.NatureDeLigne.PARAGRAPHE, Ligne.NatureDeLigne.LISTE, Ligne.NatureDeLigne.LISTE, Ligne.NatureDeLigne.TABLEAU);
        assertThat(d.ligne(2).cellulesEnParagraphes()).containsExactly("Tous les acteurs", "-Nombre de décisions" + Ligne.SAUT + "-Nombre de projets");
        assertThat(d.ligne(2).cellules()).containsExactly("Tous les acteurs", "-Nombre de décisions -Nombre de projets");
        assertThat(textes(d).subList(2, 5)).containsExactly("Premier « paragraphe »", "un point", "un autre point");
        assertThat(d.ligne(6).cellulesEnParagraphes()).containsExactly("a", "b" + Ligne.SAUT + "c");
        assertThat(Nettoyage.texte("\u0002a<li>b")).isEqualTo("a b");
        assertThat(Nettoyage.texte("<input checked=\"\" type=\"checkbox\"/> Oui <input type=\"checkbox\"/> Non")).isEqualTo("☒ Oui ☐ Non");
    }

    @Test
    void text_pages_lose_runs_of_page_numbers_and_their_repeated_headers_but_not_lone_figures() {
        StringBuilder texte = new StringBuilder();
        for (int p = 1; p <= 4; p++) {
            texte.append("CTG Bassin de Test - version de travail\n");
            texte.append("Convention : texte propre à la page ").append("abcd".charAt(p - 1)).append("\n\n86\n\n");
            texte.append("Suite de la page ").append("abcd".charAt(p - 1)).append("\n").append(p).append("\n");
        }
        DocumentExtrait d = extraction.extraire("ctg.txt", texte.toString().getBytes(StandardCharsets.UTF_8));
        List<String> textes = textes(d);
        assertThat(textes).noneMatch(t -> t.startsWith("CTG Bassin de Test"));
        assertThat(textes).noneMatch(t -> t.matches("[1-4]"));
        assertThat(textes).filteredOn("86"::equals).hasSize(4);
        assertThat(textes).contains("Convention : texte propre à la page c", "Suite de la page d");
    }

    @Test
    void what_is_not_a_document_is_refused_in_french() {
        assertRefus("photo.docx", FichiersDeTest.PNG, "pas un document");
        assertRefus("bombe.docx", FichiersDeTest.bombe(200), "bombe de décompression");
        assertRefus("vide.txt", new byte[0], "vide");
        assertRefus("blanc.md", "\n\n   \n".getBytes(StandardCharsets.UTF_8), "vide");
        byte[] ligne = new byte[10 * 1024 * 1024];
        Arrays.fill(ligne, (byte) 'a');
        assertRefus("ligne.txt", ligne, "caractères");
        byte[] docx = FichiersDeTest.docx(0);
        assertRefus("tronque.docx", Arrays.copyOf(docx, docx.length / 2), "");
        assertRefus("archive.zip", FichiersDeTest.zip(List.<Object[]>of(new Object[]{"a.txt", "x".getBytes()})), "ZIP");
        Random hasard = new Random(17);
        for (int i = 0; i < 30; i++) {
            byte[] octets = new byte[1 + hasard.nextInt(5_000)];
            hasard.nextBytes(octets);
            try {
                extraction.extraire("hasard" + i + ".docx", octets);
            } catch (ErreurValidation attendue) {
                assertThat(attendue.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("fichier");
            }
        }
        for (int coupe = 30; coupe < docx.length; coupe += docx.length / 15) {
            try {
                extraction.extraire("coupe.docx", Arrays.copyOf(docx, coupe));
            } catch (ErreurValidation attendue) {
                assertThat(attendue.getMessage()).isNotBlank();
            }
        }
    }

    private void assertRefus(String nom, byte[] contenu, String extrait) {
        assertThatThrownBy(() -> extraction.extraire(nom, contenu)).isInstanceOf(ErreurValidation.class)
                .hasMessageContaining(extrait)
                .satisfies(e -> assertThat(((ErreurValidation) e).erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("fichier"));
    }
}
