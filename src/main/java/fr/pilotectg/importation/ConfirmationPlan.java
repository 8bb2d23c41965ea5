package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.ImportDuPlan;
import fr.pilotectg.plan.PlanComplet;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the {@link PlanTrouve} part of a confirmed draft into the new convention through the plan's public import
 * ({@link ImportDuPlan}: plan editors only, into an empty plan, journalled, all or nothing), inside the
 * confirmation's transaction. A draft without a plan writes nothing. {@link #verifier} refuses, before anything is
 * written, a plan the API itself would refuse (a text beyond the limit of its field, an invisible control
 * character), naming the fiche or node and the field, so that the user corrects the draft.
 */
@Component
public class ConfirmationPlan {

    private final ImportDuPlan importDuPlan;
    private final JsonMapper json = JsonMapper.builder().build();

    public ConfirmationPlan(ImportDuPlan importDuPlan) {
        this.importDuPlan = importDuPlan;
    }

    public void confirmer(long conventionId, PlanTrouve partie) {
        if (partie == null || partie.estVide() || partie.modele() == null) {
            return;
        }
        verifier(partie);
        importDuPlan.importer(conventionId, partie.versPlanComplet());
    }

    /** A French 400 listing every text of the plan beyond what the API accepts for its field (the same limits, {@link Limites}). */
    public void verifier(PlanTrouve partie) {
        if (partie == null || partie.estVide() || partie.modele() == null) {
            return;
        }
        PlanComplet.PlanCompletJson plan = partie.versPlanComplet();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        JsonNode arbre = json.valueToTree(plan);
        parcourir(arbre, null, "le plan", "plan", erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static void parcourir(JsonNode n, String champ, String ou, String chemin, List<ErreurValidation.Erreur> erreurs) {
        if (erreurs.size() >= 20) {
            return;
        }
        if (n.isString()) {
            String probleme = Saisie.probleme(n.asString(), Limites.longueurMax(champ));
            if (probleme != null) {
                String lisible = chemin.replaceFirst("^.*?\\]\\.", "").replaceAll("\\[\\d+]", "").replace(".", " › ");
                erreurs.add(new ErreurValidation.Erreur(chemin, "Dans " + ou + ", le champ « " + lisible + " » : " + probleme + " Corrigez-le dans le brouillon (une liste s'écrit un élément par ligne) avant de confirmer."));
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                parcourir(n.get(i), champ, ou, chemin + "[" + i + "]", erreurs);
            }
        } else if (n.isObject()) {
            String lieu = ou;
            String prefixe = chemin;
            if (("fiches".equals(champ) || "noeuds".equals(champ)) && (n.path("reference").isString() || n.path("titre").isString())) {
                String reference = n.path("reference").asString("");
                String nom = reference.isBlank() ? "« " + n.path("titre").asString("") + " »" : reference;
                lieu = (champ.equals("fiches") ? "la fiche " : "le nœud ") + nom;
                prefixe = champ + "[" + (reference.isBlank() ? n.path("titre").asString("") : reference) + "]";
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String cle = e.getKey().equals("champs") ? prefixe : prefixe + "." + e.getKey();
                parcourir(e.getValue(), e.getKey(), lieu, cle, erreurs);
            }
        }
    }
}
