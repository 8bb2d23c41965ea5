package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Caf portfolio: scope by role, figures equal to direct SQL, sorting, pagination, refusals. */
class PortefeuilleTest extends PilotageTestSupport {

    @Test
    void an_agent_sees_the_conventions_of_its_caf_with_the_dashboard_figures() {
        ScenarioDeSuivi s = ScenarioDeSuivi.creer(suivi, "portefeuille");
        // planned COPILs are meetings of the convention's COPIL body (ADR 0039)
        jdbc.sql("INSERT INTO convention_gouvernance (convention_id, version) VALUES (:c, 1)").param("c", s.convention()).update();
        jdbc.sql("INSERT INTO gouvernance_instance (convention_id, position, type, nom) VALUES (:c, 0, 'COPIL', 'COPIL')")
                .param("c", s.convention()).update();
        for (LocalDate date : List.of(LocalDate.now().minusDays(3), LocalDate.of(2099, 3, 1), LocalDate.of(2099, 6, 1))) {
            jdbc.sql("""
                            INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date)
                            SELECT convention_id, cle, nom, :date FROM gouvernance_instance WHERE convention_id = :c""")
                    .param("c", s.convention()).param("date", date).update();
        }
        long vide = suivi.convention("portefeuille-vide");

        Document page = portefeuille("caf07", "");
        long ardeche = api.cafArdeche();
        assertThat(page.getElementById("nombre-conventions").text()).isEqualTo(String.valueOf(
                jdbc.sql("SELECT count(*) FROM convention WHERE caf_id = :caf").param("caf", ardeche).query(Integer.class).single()));
        List<String> titres = toutesLesPages("caf07").stream().map(l -> l.get(0)).toList();
        assertThat(titres).anyMatch(t -> t.startsWith(ClientApi.AUBENAS)).noneMatch(t -> t.startsWith(ClientApi.PILAT));

        String[] realise = sql.jusqua(s.convention(), s.annee()).split("/");
        assertThat(ligne("caf07", s.convention())).containsExactly(titre(s.convention()) + " données d'exemple", "Caf de l'Ardèche",
                "En préparation", "1er janvier " + (s.annee() - 3) + " – 31 décembre " + (s.annee() + 1), String.valueOf(sql.fiches(s.convention())),
                Math.round(100.0 * Integer.parseInt(realise[0]) / Integer.parseInt(realise[1])) + " %",
                String.valueOf(sql.retards(s.convention(), s.annee())),
                sql.campagneOuverte(s.convention()).replace("/", " / "), "1er mars 2099");
        assertThat(ligne("caf07", vide)).containsExactly(titre(vide), "Caf de l'Ardèche", "En préparation",
                "1er janvier 2026 – 31 décembre 2030", "0", "—", "0", "aucune ouverte", "aucun COPIL programmé");
        assertThat(page.getElementById("badge-exemple")).isNotNull();
        assertThat(page.getElementById("filtre-caf")).isNull();
    }

    @Test
    void columns_sort_both_ways() {
        ScenarioDeSuivi.creer(suivi, "tri");
        Document parFiches = portefeuille("caf07", "?tri=fiches&ordre=desc");
        List<Integer> fiches = parFiches.select(".ligne-portefeuille td:nth-of-type(4)").eachText().stream().map(Integer::valueOf).toList();
        assertThat(fiches).isSortedAccordingTo((a, b) -> b - a);
        assertThat(parFiches.selectFirst("th[aria-sort=descending]").text()).startsWith("Fiches");
        Document parTitre = portefeuille("caf07", "?tri=titre");
        List<String> titres = parTitre.select(".ligne-portefeuille th a").eachText();
        assertThat(titres).isSortedAccordingTo(java.util.Comparator.comparing(fr.pilotectg.shared.Textes::plier));
        assertThat(portefeuille("caf07", "?tri=inconnu").select(".ligne-portefeuille th a").eachText()).isEqualTo(titres);
    }

    @Test
    void an_administrator_sees_every_caf_and_filters_by_caf() {
        Document tout = portefeuille("admin", "");
        assertThat(tout.getElementById("nombre-conventions").text())
                .isEqualTo(String.valueOf(jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single()));
        assertThat(tout.getElementById("filtre-caf")).isNotNull();
        long loire = jdbc.sql("SELECT caf_id FROM convention WHERE titre = :t").param("t", ClientApi.PILAT).query(Long.class).single();
        Document filtre = portefeuille("admin", "?caf=" + loire);
        assertThat(filtre.select(".ligne-portefeuille td:nth-of-type(1)").eachText()).containsOnly("Caf de la Loire");
        assertThat(filtre.select(".ligne-portefeuille th a").eachText()).contains(ClientApi.PILAT);
    }

    @Test
    void more_than_fifty_conventions_are_paginated() {
        long caf = jdbc.sql("INSERT INTO organisation (nom, type, code_departement) VALUES (:nom, 'CAF', '99') RETURNING id")
                .param("nom", "Caf de test " + UUID.randomUUID()).query(Long.class).single();
        for (int i = 1; i <= 51; i++) {
            jdbc.sql("INSERT INTO convention (titre, caf_id, statut) VALUES (:t, :caf, 'PREPARATION')")
                    .param("t", String.format("Pagination %02d", i)).param("caf", caf).update();
        }
        Document premiere = portefeuille("admin", "?caf=" + caf);
        assertThat(premiere.select(".ligne-portefeuille")).hasSize(50);
        assertThat(premiere.getElementById("nombre-conventions").text()).isEqualTo("51");
        Element suivante = premiere.selectFirst("nav[aria-label='Pages du portefeuille'] a");
        assertThat(suivante.text()).isEqualTo("Suivante");
        Document seconde = pages.get("admin", suivante.attr("href")).document();
        assertThat(seconde.select(".ligne-portefeuille th a").eachText()).containsExactly("Pagination 51");
    }

    @Test
    void other_roles_are_refused_and_the_link_is_shown_only_to_cafs_and_administrators() {
        for (String utilisateur : List.of("ccba", "lecteur", "palabre", "pilat")) {
            assertThat(pages.get(utilisateur, "/portefeuille").status()).as(utilisateur).isEqualTo(403);
        }
        Document accueil = pages.get("ccba", "/conventions").document();
        assertThat(accueil.select("nav a[href='/portefeuille']")).isEmpty();
        assertThat(pages.get("caf42", "/conventions").document().select("nav a[href='/portefeuille']")).hasSize(1);
    }

    private Document portefeuille(String utilisateur, String requete) {
        Page page = pages.get(utilisateur, "/portefeuille" + requete);
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        return page.document();
    }

    private String titre(long convention) {
        return jdbc.sql("SELECT titre FROM convention WHERE id = :c").param("c", convention).query(String.class).single();
    }

    /** The row of a convention, on whichever page of the portfolio (sorted by title) it falls. */
    private List<String> ligne(String utilisateur, long convention) {
        String titre = titre(convention);
        return toutesLesPages(utilisateur).stream().filter(l -> l.get(0).startsWith(titre)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de ligne pour la convention " + convention));
    }

    /** Every row of every page, as the cells' texts. */
    private List<List<String>> toutesLesPages(String utilisateur) {
        List<List<String>> lignes = new java.util.ArrayList<>();
        Document page = portefeuille(utilisateur, "");
        while (true) {
            page.select(".ligne-portefeuille").forEach(tr -> lignes.add(tr.select("th, td").eachText().stream()
                    .map(t -> t.replace('\u00a0', ' ')).toList()));
            Element suivante = page.select("nav[aria-label='Pages du portefeuille'] a").stream()
                    .filter(a -> a.text().equals("Suivante")).findFirst().orElse(null);
            if (suivante == null) {
                return lignes;
            }
            page = pages.get(utilisateur, suivante.attr("href")).document();
        }
    }

}
