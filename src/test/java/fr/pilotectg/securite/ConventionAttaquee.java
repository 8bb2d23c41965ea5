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
record ConventionAttaquee(long conventionId, long ficheId, long noeudId, long constatId, long serviceId, String sirenEpci,
                          long utilisateurId, JdbcClient jdbc) {

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
        // A sub-action of the attacked fiche, for /api/v1/fiches/{id}/sous-actions/{sousActionId}/… (issue 10 item 2).
        jdbc.sql("INSERT INTO sous_action (fiche_id, ordre, libelle) VALUES (:f, 0, 'Sous-action attaquée')").param("f", ids[0]).update();
        jdbc.sql("UPDATE plan_noeud SET version = 1000 WHERE id = :id").param("id", ids[1]).update();
        jdbc.sql("UPDATE plan SET version = 1000 WHERE convention_id = :c").param("c", conventionId).update();
        ClientApi.Reponse constat = api.post("admin", "/api/v1/conventions/" + conventionId + "/diagnostic/constats",
                Map.of("nature", "ENJEU", "thematique", "Petite enfance", "texte", "Un enjeu à attaquer"));
        assertThat(constat.status()).as(constat.texte()).isEqualTo(201);
        ClientApi.Reponse service = api.post("caf07", "/api/v1/conventions/" + conventionId + "/services",
                Map.of("type", "EAJE_PSU", "nom", "Crèche attaquée", "commune", "Aubenas", "capacite", 12));
        assertThat(service.status()).as(service.texte()).isEqualTo(201);
        // A throw-away account for the routes of the accounts administration: the attacks never touch a demo account.
        ClientApi.Reponse compte = api.post("admin", "/api/v1/utilisateurs", Map.of("identifiant",
                "attaque-" + conventionId + "@exemple.fr", "nomAffiche", "Compte attaqué", "organisationId",
                ClientApi.idPartie(convention, ClientApi.CCBA), "role", "LECTEUR"));
        assertThat(compte.status()).as(compte.texte()).isEqualTo(201);
        long serviceId = service.json().path("id").asLong();
        long utilisateurId = compte.json().path("compte").path("id").asLong();
        jdbc.sql("UPDATE service_soutenu SET version = 1000 WHERE id = :id").param("id", serviceId).update();
        jdbc.sql("UPDATE utilisateur SET version = 1000 WHERE id = :id").param("id", utilisateurId).update();
        return new ConventionAttaquee(conventionId, ids[0], ids[1], constat.json().path("id").asLong(), serviceId, siren,
                utilisateurId, jdbc);
    }

    Map<String, String> valeursDeChemin() {
        return Map.ofEntries(Map.entry("conventionId", String.valueOf(conventionId)), Map.entry("ficheId", String.valueOf(ficheId)),
                Map.entry("noeudId", String.valueOf(noeudId)), Map.entry("annee", "2026"), Map.entry("axe", "GOUVERNANCE"),
                Map.entry("position", "0"), Map.entry("constat", String.valueOf(constatId)), Map.entry("aoCode", sirenEpci),
                Map.entry("type", "intermediaire"), Map.entry("serviceId", String.valueOf(serviceId)),
                Map.entry("utilisateurId", String.valueOf(utilisateurId)),
                Map.entry("sousActionId", String.valueOf(jdbc.sql("SELECT min(id) FROM sous_action WHERE fiche_id = :f")
                        .param("f", ficheId).query(Long.class).single())));
    }

    /** The version a client would have read for the object that the route writes. */
    int version(String motif) {
        if (motif.startsWith("/api/v1/utilisateurs/{utilisateurId}")) {
            return jdbc.sql("SELECT version FROM utilisateur WHERE id = :id").param("id", utilisateurId).query(Integer.class).single();
        }
        if (motif.startsWith("/api/v1/noeuds/{id}")) {
            return jdbc.sql("SELECT version FROM plan_noeud WHERE id = :id").param("id", noeudId).query(Integer.class).single();
        }
        if (motif.startsWith("/api/v1/conventions/{id}/plan")) {
            return jdbc.sql("SELECT version FROM plan WHERE convention_id = :c").param("c", conventionId).query(Integer.class).single();
        }
        if (motif.startsWith("/api/v1/fiches/{id}")) {
            return jdbc.sql("SELECT version FROM fiche WHERE id = :id").param("id", ficheId).query(Integer.class).single();
        }
        if (motif.startsWith("/api/v1/services/{id}")) {
            return jdbc.sql("SELECT version FROM service_soutenu WHERE id = :id").param("id", serviceId).query(Integer.class).single();
        }
        if (motif.matches("/api/v1/conventions/\\{id}(/(statut|parties|representants|communes))?")) {
            return jdbc.sql("SELECT version FROM convention WHERE id = :id").param("id", conventionId).query(Integer.class).single();
        }
        return 0;
    }
}
