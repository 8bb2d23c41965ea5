package fr.pilotectg.securite;

import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throw-away convention for attacks: created through the API as caf07 on the CCBA, given a small plan and a
 * diagnostic enjeu, so that every path variable of the write endpoints names something real of it.
 */
record ConventionAttaquee(long conventionId, long ficheId, long noeudId, long constatId, String sirenEpci, JdbcClient jdbc) {

    static ConventionAttaquee creer(ClientApi api, JdbcClient jdbc, PlanService plans, UserDetailsService utilisateurs) {
        JsonNode convention = api.creerConventionDeTest("caf07", "attaque");
        long conventionId = convention.path("id").asLong();
        String siren = jdbc.sql("""
                        SELECT o.siren FROM convention_partie p JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.convention_id = :c AND o.type = 'EPCI'""")
                .param("c", conventionId).query(String.class).single();
        long[] ids = Comme.utilisateur(utilisateurs, "caf07", () -> {
            plans.initialiser(conventionId, ModeleFiche.NATIONAL, List.of(new Niveau(0, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            long axe = plans.ajouterNoeud(conventionId, null, null, "Axe attaqué", null, List.of(), null).id();
            plans.creerFiche(conventionId, axe, new ContenuFiche(null, "Seconde fiche", ChampsFiche.VIDES, List.of(2027), null, List.of()));
            return new long[] {plans.creerFiche(conventionId, axe, new ContenuFiche(null, "Fiche attaquée", ChampsFiche.VIDES,
                    List.of(2026), null, List.of())).id(), axe};
        });
        // Versions no demo item has: a forged path ("+1" reads as 1) with the version read here names nothing to write.
        jdbc.sql("UPDATE fiche SET version = 1000 WHERE id = :id").param("id", ids[0]).update();
        jdbc.sql("UPDATE plan_noeud SET version = 1000 WHERE id = :id").param("id", ids[1]).update();
        ClientApi.Reponse constat = api.post("admin", "/api/v1/conventions/" + conventionId + "/diagnostic/constats",
                Map.of("nature", "ENJEU", "thematique", "Petite enfance", "texte", "Un enjeu à attaquer"));
        assertThat(constat.status()).as(constat.texte()).isEqualTo(201);
        return new ConventionAttaquee(conventionId, ids[0], ids[1], constat.json().path("id").asLong(), siren, jdbc);
    }

    Map<String, String> valeursDeChemin() {
        return Map.of("conventionId", String.valueOf(conventionId), "ficheId", String.valueOf(ficheId), "noeudId", String.valueOf(noeudId),
                "annee", "2026", "axe", "GOUVERNANCE", "position", "0", "constat", String.valueOf(constatId),
                "aoCode", sirenEpci, "type", "intermediaire");
    }

    /** The version a client would have read for the object that the route writes. */
    int version(String motif) {
        if (motif.startsWith("/api/v1/noeuds/{id}")) {
            return jdbc.sql("SELECT version FROM plan_noeud WHERE id = :id").param("id", noeudId).query(Integer.class).single();
        }
        if (motif.startsWith("/api/v1/fiches/{id}")) {
            return jdbc.sql("SELECT version FROM fiche WHERE id = :id").param("id", ficheId).query(Integer.class).single();
        }
        if (motif.matches("/api/v1/conventions/\\{id}(/(statut|parties|representants|communes))?")) {
            return jdbc.sql("SELECT version FROM convention WHERE id = :id").param("id", conventionId).query(Integer.class).single();
        }
        return 0;
    }
}
