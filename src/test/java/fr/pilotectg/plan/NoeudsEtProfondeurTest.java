package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 10 items 1 and 3: a fiche under a node of any level or at the root, a node holding both nodes and fiches,
 * up to 6 levels; nodes edited (heading kept missing when the source lost it, context sentence, text, objectives).
 */
@IntegrationTest
class NoeudsEtProfondeurTest extends PlanTestSupport {

    @Autowired
    Journal journal;

    /** Feuille de route / Orientation / Objectif / Action: one orientation, one objectif under it. */
    record TroisNiveaux(long convention, long orientation, long objectif) {
    }

    private TroisNiveaux feuilleDeRoute(String prefixe) {
        long convention = plans.convention(prefixe);
        return plans.comme("admin", () -> {
            planService.initialiser(convention, ModeleFiche.FEUILLE_DE_ROUTE, List.of(
                    new Niveau(0, "Orientation", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Objectif", Numerotation.PAR_PARENT, ""),
                    new Niveau(2, "Action", Numerotation.CONTINUE, "A")), List.of(), List.of(), List.of());
            long orientation = planService.ajouterNoeud(convention, null, null, "Orientation une", null, List.of(), null).id();
            long objectif = planService.ajouterNoeud(convention, orientation, null, "Objectif un", null, List.of(), null).id();
            return new TroisNiveaux(convention, orientation, objectif);
        });
    }

    @Test
    void a_fiche_sits_under_a_node_of_any_level_next_to_child_nodes_and_shows_its_full_path() {
        TroisNiveaux t = feuilleDeRoute("Fiches à toute profondeur");
        long sousObjectif = plans.creer(t.convention(), t.objectif(), null, "Action sous l'objectif");
        Document ajout = pages.get("caf07", "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/ajouter").document();
        Page creation = pages.soumettre("caf07", ajout.selectFirst("#titre-fiche").val("Action sous l'orientation").ownerDocument(),
                "form[action$=/plan/fiches]");
        assertThat(creation.redirection()).matches("/fiches/\\d+/modifier");
        long sousOrientation = Long.parseLong(creation.redirection().replaceAll("\\D", ""));
        long racine = plans.creer(t.convention(), null, null, "Action à la racine");

        ArbrePlan arbre = plans.arbre(t.convention());
        ArbrePlan.Branche orientation = arbre.racines().get(0);
        assertThat(orientation.fiches()).extracting(Fiche::titre).containsExactly("Action sous l'orientation");
        assertThat(orientation.enfants()).extracting(b -> b.noeud().titre()).containsExactly("Objectif un");
        assertThat(orientation.enfants().get(0).fiches()).extracting(Fiche::titre).containsExactly("Action sous l'objectif");
        assertThat(arbre.fichesHorsAxe()).extracting(Fiche::id).containsExactly(racine);
        assertThat(plans.fiche(sousOrientation).reference()).isEqualTo("A2");

        JsonNode fiche = api.get("caf07", "/api/v1/fiches/" + sousObjectif).json();
        assertThat(fiche.path("chemin")).extracting(JsonNode::asString).containsExactly("Orientation 1 : Orientation une", "Objectif 1 : Objectif un");
        Document plan = pages.get("caf07", "/conventions/" + t.convention() + "/plan").document();
        Element branche = plan.selectFirst("li.branche[data-noeud=" + t.orientation() + "]");
        assertThat(branche.select("> ol.fiches li.fiche").text()).contains("A2", "Action sous l'orientation");
        assertThat(branche.select("li.branche li.fiche").text()).contains("A1", "Action sous l'objectif");

        // Moving a fiche to an orientation (a level that used to hold only objectifs) is accepted too.
        Page deplacement = pages.poster("caf07", "/fiches/" + sousObjectif + "/deplacer", Map.of(
                "version", String.valueOf(plans.fiche(sousObjectif).version()), "noeudId", String.valueOf(t.orientation()), "position", "1"));
        assertThat(deplacement.messageErreur()).isNull();
        assertThat(plans.fiche(sousObjectif).noeudId()).isEqualTo(t.orientation());
        assertThat(plans.fiche(sousObjectif).reference()).isEqualTo("A1");
    }

    @Test
    void a_plan_has_up_to_six_levels() {
        long six = plans.convention("Six niveaux");
        List<Niveau> niveaux = List.of(new Niveau(0, "Feuille de route", Numerotation.AUCUNE, ""),
                new Niveau(1, "Orientation", Numerotation.CONTINUE, ""), new Niveau(2, "Objectif", Numerotation.PAR_PARENT, ""),
                new Niveau(3, "Sous-objectif", Numerotation.PAR_PARENT, ""), new Niveau(4, "Mesure", Numerotation.PAR_PARENT, ""),
                new Niveau(5, "Action", Numerotation.CONTINUE, "A"));
        plans.comme("admin", () -> planService.initialiser(six, ModeleFiche.FEUILLE_DE_ROUTE, niveaux, List.of(), List.of(), List.of()));
        Long parent = null;
        for (int rang = 0; rang < 5; rang++) {
            Long p = parent;
            parent = plans.comme("admin", () -> planService.ajouterNoeud(six, p, null, "Niveau", null, List.of(), null).id());
        }
        Long dernier = parent;
        ErreurValidation tropProfond = catchThrowableOfType(ErreurValidation.class, () -> plans.comme("admin",
                () -> planService.ajouterNoeud(six, dernier, null, "Trop profond", null, List.of(), null)));
        assertThat(tropProfond.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("parentId");
        assertThat(plans.fiche(plans.creer(six, dernier, null, "Action au fond")).reference()).isEqualTo("A1");

        long sept = plans.convention("Sept niveaux");
        List<Niveau> septNiveaux = new java.util.ArrayList<>(niveaux);
        septNiveaux.add(new Niveau(6, "Sous-action", Numerotation.AUCUNE, ""));
        ErreurValidation refus = catchThrowableOfType(ErreurValidation.class, () -> plans.comme("admin",
                () -> planService.initialiser(sept, ModeleFiche.FEUILLE_DE_ROUTE, septNiveaux, List.of(), List.of(), List.of())));
        assertThat(refus.getMessage()).contains("de 2 à 6 niveaux");
    }

    @Test
    void a_node_is_edited_its_heading_may_be_kept_missing_and_the_journal_records_it() {
        TroisNiveaux t = feuilleDeRoute("Nœud modifiable");
        String chemin = "/conventions/" + t.convention() + "/plan/noeuds/" + t.objectif() + "/modifier";
        Document formulaire = pages.get("caf07", chemin).document();
        assertThat(formulaire.getElementById("titre").val()).isEqualTo("Objectif un");
        assertThat(formulaire.getElementById("reference")).as("numbered level: no reference input").isNull();
        formulaire.getElementById("titre").val("");
        formulaire.getElementById("contexte").val("En s'appuyant sur le réseau des RPE");
        formulaire.getElementById("texte").text("Un texte d'objectif.");
        formulaire.getElementById("objectifs").text("Premier objectif\n\nSecond objectif");

        Page enregistrement = pages.soumettre("caf07", formulaire, "form[action=" + chemin + "]");

        assertThat(enregistrement.redirection()).isEqualTo("/conventions/" + t.convention() + "/plan");
        Noeud noeud = plans.noeud(t.convention(), t.objectif());
        assertThat(noeud.intituleManquant()).isTrue();
        assertThat(noeud.titre()).isEqualTo("(intitulé manquant)");
        assertThat(noeud.contexte()).isEqualTo("En s'appuyant sur le réseau des RPE");
        assertThat(noeud.texte()).isEqualTo("Un texte d'objectif.");
        assertThat(noeud.objectifs()).containsExactly("Premier objectif", "Second objectif");
        assertThat(noeud.reference()).isEqualTo("1");
        Document plan = pages.get("caf07", "/conventions/" + t.convention() + "/plan").document();
        Element branche = plan.selectFirst("li.branche[data-noeud=" + t.objectif() + "]");
        assertThat(branche.select(".intitule-manquant").text()).isEqualTo("(intitulé manquant)");
        assertThat(branche.select(".contexte-noeud").text()).isEqualTo("En s'appuyant sur le réseau des RPE");
        assertThat(journal.pourObjet("noeud", t.objectif()).get(0).action()).isEqualTo("modification");
        assertThat(journal.pourObjet("noeud", t.objectif()).get(0).changements()).extracting(c -> c.champ())
                .contains("Intitulé", "Texte", "Objectifs", "Phrase de contexte");

        // Given a heading again, it is shown as typed.
        Document encore = pages.get("caf07", chemin).document();
        assertThat(encore.getElementById("titre").val()).isEmpty();
        encore.getElementById("titre").val("Objectif retrouvé");
        pages.soumettre("caf07", encore, "form[action=" + chemin + "]");
        assertThat(plans.noeud(t.convention(), t.objectif()).titre()).isEqualTo("Objectif retrouvé");
        assertThat(plans.noeud(t.convention(), t.objectif()).intituleManquant()).isFalse();
    }

    @Test
    void a_stale_node_edit_is_refused_and_writes_nothing() {
        TroisNiveaux t = feuilleDeRoute("Nœud périmé");
        String chemin = "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/modifier";
        Document premier = pages.get("caf07", chemin).document();
        Document second = pages.get("ccba", chemin).document();
        premier.getElementById("titre").val("Selon la Caf");
        assertThat(pages.soumettre("caf07", premier, "form[action=" + chemin + "]").redirection()).endsWith("/plan");

        second.getElementById("titre").val("Selon la CCBA");
        Page conflit = pages.soumettre("ccba", second, "form[action=" + chemin + "]");

        assertThat(conflit.status()).isEqualTo(200);
        assertThat(conflit.document().select(".alert-danger").text()).contains("modifié par quelqu'un d'autre");
        assertThat(plans.noeud(t.convention(), t.orientation()).titre()).isEqualTo("Selon la Caf");
        assertThat(journal.pourObjet("noeud", t.orientation())).extracting(e -> e.utilisateur()).doesNotContain("ccba");
    }

    @Test
    void node_edit_and_add_pages_are_denied_to_readers_and_to_other_conventions() {
        TroisNiveaux t = feuilleDeRoute("Nœud interdit");
        long aubenas = api.aubenas();
        long axeAubenas = plans.arbre(aubenas).racines().get(0).noeud().id();
        String modifier = "/conventions/" + aubenas + "/plan/noeuds/" + axeAubenas + "/modifier";

        assertThat(pages.get("lecteur", modifier).status()).isEqualTo(403);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan/noeuds/" + axeAubenas + "/ajouter").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", modifier, Map.of("version", "0", "titre", "Par le lecteur")).status()).isEqualTo(403);
        assertThat(pages.get("caf42", modifier).status()).isIn(403, 404);
        // A node of another convention through this convention's URL: not found, nothing written.
        String ailleurs = "/conventions/" + t.convention() + "/plan/noeuds/" + axeAubenas + "/modifier";
        assertThat(pages.get("caf07", ailleurs).status()).isEqualTo(404);
        assertThat(pages.poster("caf07", ailleurs, Map.of("version", "0", "titre", "Détourné")).status()).isEqualTo(404);
        assertThat(plans.arbre(aubenas).racines().get(0).noeud().titre()).isEqualTo("Petite enfance");
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan").document().select(".actions-noeud")).isEmpty();
    }

    @Test
    void deleting_a_node_lists_what_goes_and_undo_brings_exactly_that_back() {
        TroisNiveaux t = feuilleDeRoute("Supprimer un nœud");
        long objectifDeux = plans.comme("admin", () -> planService.ajouterNoeud(t.convention(), t.orientation(), null, "Objectif deux",
                null, List.of(), null).id());
        long a1 = plans.creer(t.convention(), t.objectif(), null, "Action un");
        long a2 = plans.creer(t.convention(), t.orientation(), null, "Action deux");
        long dejaSupprimee = plans.creer(t.convention(), t.objectif(), null, "Action supprimée avant");
        plans.comme("admin", () -> planService.supprimerFiche(dejaSupprimee, plans.fiche(dejaSupprimee).version()));
        long autreOrientation = plans.comme("admin", () -> planService.ajouterNoeud(t.convention(), null, null, "Orientation deux",
                null, List.of(), null).id());

        String chemin = "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/supprimer";
        Document confirmation = pages.get("caf07", chemin).document();
        assertThat(confirmation.select("ul.descendants li").eachText()).containsExactly("Objectif 1 : Objectif un", "Objectif 2 : Objectif deux");
        assertThat(confirmation.select("ul.fiches-supprimees li").eachText()).containsExactlyInAnyOrder("A1 — Action un", "A2 — Action deux");
        assertThat(plans.arbre(t.convention()).racines()).as("a confirmation page writes nothing").hasSize(2);

        Page suppression = pages.soumettre("caf07", confirmation, "form[action=" + chemin + "]");

        assertThat(suppression.redirection()).isEqualTo("/conventions/" + t.convention() + "/plan");
        ArbrePlan apres = plans.arbre(t.convention());
        assertThat(apres.racines()).extracting(b -> b.noeud().titre()).containsExactly("Orientation deux");
        assertThat(apres.nombreFiches()).isZero();
        assertThat(plans.noeud(t.convention(), autreOrientation).ordre()).as("siblings close ranks").isEqualTo(1);
        assertThat(api.get("caf07", "/api/v1/fiches/" + a1).status()).isEqualTo(404);
        assertThat(journal.pourObjet("noeud", t.orientation()).get(0).changements()).extracting(c -> c.avant())
                .contains("1 — Orientation une", "1 — Objectif un", "2 — Objectif deux", "A1 — Action un", "A2 — Action deux");
        // The deleted references stay reserved: a new orientation does not take number 1 again.
        long nouvelle = plans.comme("admin", () -> planService.ajouterNoeud(t.convention(), null, null, "Orientation trois",
                null, List.of(), null).id());
        assertThat(plans.noeud(t.convention(), nouvelle).reference()).isEqualTo("3");
        // A fiche deleted with its node does not come back alone under a node that is gone.
        assertThat(pages.poster("caf07", "/fiches/" + a1 + "/restaurer", Map.of()).status()).isEqualTo(400);

        Page annulation = pages.poster("caf07", "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/restaurer", Map.of());

        assertThat(annulation.messageSucces()).contains("Orientation une", "restauré");
        ArbrePlan restaure = plans.arbre(t.convention());
        assertThat(restaure.racines()).extracting(b -> b.noeud().reference() + " " + b.noeud().titre())
                .containsExactly("1 Orientation une", "2 Orientation deux", "3 Orientation trois");
        assertThat(restaure.racines().get(0).enfants()).extracting(b -> b.noeud().id()).containsExactly(t.objectif(), objectifDeux);
        assertThat(restaure.fichesDansLOrdre()).extracting(Fiche::id).containsExactlyInAnyOrder(a1, a2)
                .as("the fiche deleted before stays deleted").doesNotContain(dejaSupprimee);
        assertThat(pages.poster("caf07", "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/restaurer", Map.of())
                .status()).as("nothing left to restore").isEqualTo(404);
    }

    @Test
    void deleting_a_node_is_denied_to_readers_and_refused_with_a_stale_version() {
        TroisNiveaux t = feuilleDeRoute("Supprimer refusé");
        long aubenas = api.aubenas();
        long axeAubenas = plans.arbre(aubenas).racines().get(0).noeud().id();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan/noeuds/" + axeAubenas + "/supprimer").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/plan/noeuds/" + axeAubenas + "/supprimer", Map.of("version", "0"))
                .status()).isEqualTo(403);
        assertThat(pages.poster("caf07", "/conventions/" + t.convention() + "/plan/noeuds/" + axeAubenas + "/supprimer", Map.of("version", "0"))
                .status()).as("a node of another convention").isEqualTo(404);
        assertThat(plans.arbre(aubenas).racines()).hasSize(5);

        int version = plans.noeud(t.convention(), t.orientation()).version();
        Page perime = pages.poster("caf07", "/conventions/" + t.convention() + "/plan/noeuds/" + t.orientation() + "/supprimer",
                Map.of("version", String.valueOf(version + 1)));
        assertThat(perime.messageErreur()).contains("modifié par quelqu'un d'autre");
        assertThat(plans.arbre(t.convention()).racines()).hasSize(1);
    }

    @Test
    void levels_are_renamed_added_and_removed_when_empty_and_references_are_kept() {
        TroisNiveaux t = feuilleDeRoute("Niveaux modifiables");
        long action = plans.creer(t.convention(), t.objectif(), null, "Action");
        String chemin = "/conventions/" + t.convention() + "/plan/niveaux";
        Document page = pages.get("caf07", chemin).document();
        page.getElementById("nom-1").val("Objectif opérationnel");
        page.select("#numerotation-1 option").forEach(o -> o.attr("selected", o.val().equals("LIBRE")));
        Page renomme = pages.soumettre("caf07", page, "form[action=" + chemin + "/1]");
        assertThat(renomme.messageErreur()).isNull();
        assertThat(plans.arbre(t.convention()).plan().niveaux()).extracting(Niveau::nom).containsExactly("Orientation", "Objectif opérationnel", "Action");
        assertThat(plans.arbre(t.convention()).plan().niveau(1).numerotation()).isEqualTo(Numerotation.LIBRE);
        assertThat(plans.noeud(t.convention(), t.objectif()).reference()).as("references already given are kept").isEqualTo("1");

        Document encore = pages.get("caf07", chemin).document();
        encore.getElementById("nom-nouveau").val("Sous-objectif");
        Page ajoute = pages.soumettre("caf07", encore, "form#ajout-niveau");
        assertThat(ajoute.messageErreur()).isNull();
        assertThat(plans.arbre(t.convention()).plan().niveaux()).extracting(Niveau::nom)
                .containsExactly("Orientation", "Objectif opérationnel", "Sous-objectif", "Action");
        assertThat(plans.fiche(action).reference()).isEqualTo("A1");
        long sousObjectif = plans.comme("admin", () -> planService.ajouterNoeud(t.convention(), t.objectif(), null, "Sous-objectif un",
                null, List.of(), null).id());

        // Occupied: refused, nothing written. A stale form: refused.
        Document troisieme = pages.get("caf07", chemin).document();
        Page occupe = pages.soumettre("caf07", troisieme, "form[action=" + chemin + "/2/supprimer]");
        assertThat(occupe.messageErreur()).contains("Sous-objectif", "vide");
        assertThat(plans.arbre(t.convention()).plan().niveaux()).hasSize(4);
        Page perime = pages.soumettre("caf07", encore, "form[action=" + chemin + "/0]");
        assertThat(perime.messageErreur()).contains("modifiés par quelqu'un d'autre");

        plans.comme("admin", () -> planService.supprimerNoeud(sousObjectif, plans.noeud(t.convention(), sousObjectif).version()));
        assertThat(pages.soumettre("caf07", pages.get("caf07", chemin).document(), "form[action=" + chemin + "/2/supprimer]").messageErreur())
                .as("a deleted node can still be restored: the level is not empty").contains("vide");
        assertThat(plans.arbre(t.convention()).plan().niveaux()).hasSize(4);
        assertThat(journal.pourObjet("plan", t.convention())).extracting(e -> e.action()).contains("ajout d'un niveau", "modification d'un niveau");
    }

    @Test
    void an_empty_level_is_removed_and_levels_are_denied_to_readers() {
        TroisNiveaux t = feuilleDeRoute("Niveau vide retiré");
        plans.comme("admin", () -> planService.ajouterNiveau(t.convention(), plans.arbre(t.convention()).plan().version(),
                "Mesure", Numerotation.PAR_PARENT, ""));
        assertThat(plans.arbre(t.convention()).plan().niveaux()).hasSize(4);
        String chemin = "/conventions/" + t.convention() + "/plan/niveaux";
        Page retrait = pages.soumettre("caf07", pages.get("caf07", chemin).document(), "form[action=" + chemin + "/2/supprimer]");
        assertThat(retrait.messageErreur()).isNull();
        assertThat(plans.arbre(t.convention()).plan().niveaux()).extracting(Niveau::nom).containsExactly("Orientation", "Objectif", "Action");

        long aubenas = api.aubenas();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan/niveaux").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/plan/niveaux/0", Map.of("version", "0", "nom", "Pirate")).status())
                .isEqualTo(403);
        assertThat(pages.get("caf42", "/conventions/" + aubenas + "/plan/niveaux").status()).isIn(403, 404);
        assertThat(plans.arbre(aubenas).plan().niveau(0).nom()).isEqualTo("Thématique");
    }
}
