package fr.pilotectg.importation;

import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of drafts, generic over the parts' shapes (owned by the analysers and still growing, ADR 0031): stored in
 * JSONB with a plain mapper (what the application wrote is read back whole, whatever its length), while a correction
 * sent by a user is read with the application's strict mapper ({@code web/JsonStrict}: texts within bounds, real
 * dates, no null in lists), a refusal naming the part and the field in French.
 */
@Component
class JsonDesBrouillons {

    private static final TypeReference<List<Ligne>> LIGNES = new TypeReference<>() {
    };

    private final JsonMapper stockage = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final ObjectMapper strict;

    JsonDesBrouillons(ObjectMapper strict) {
        this.strict = strict;
    }

    String ecrire(Object valeur) {
        return stockage.writeValueAsString(valeur);
    }

    Brouillon brouillon(String json) {
        return stockage.readValue(json, Brouillon.class);
    }

    List<Ligne> lignes(String json) {
        return stockage.readValue(json, LIGNES);
    }

    JsonNode arbre(Object valeur) {
        return stockage.valueToTree(valeur);
    }

    JsonNode lireArbre(String texte) {
        return stockage.readTree(texte);
    }

    /** Pretty JSON of a part, for the review page's editor. */
    String joli(Object valeur) {
        return stockage.writerWithDefaultPrettyPrinter().writeValueAsString(valeur);
    }

    /** A part corrected by the user (the JSON of the review page's editor), read strictly; a French 400 on {@code champ}. */
    <T> T partie(String champ, String libelle, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new ErreurValidation(champ, "La partie « " + libelle + " » est vide : remettez son JSON (au moins {\"alertes\": []}).");
        }
        try {
            T valeur = strict.readValue(json, type);
            if (valeur == null) {
                throw new ErreurValidation(champ, "La partie « " + libelle + " » ne peut pas être null.");
            }
            return valeur;
        } catch (JacksonException e) {
            String chemin = e.getPathReference() == null ? "" : e.getPathReference().replaceAll("^[^\\[]*", "");
            String message = e.getOriginalMessage() == null ? "JSON invalide" : e.getOriginalMessage();
            message = message.replaceAll("[\\p{Cntrl}]", " ");
            if (message.length() > 200) {
                message = message.substring(0, 200) + "…";
            }
            throw new ErreurValidation(champ, "La partie « " + libelle + " » n'est pas un JSON valide"
                    + (chemin.isBlank() ? "" : " (à " + chemin + ")") + " : " + message);
        }
    }

    /** Whether a part holds anything besides its alerts: a non-empty text, list or object, a true flag. */
    boolean contientQuelqueChose(PartieTrouvee partie) {
        JsonNode arbre = arbre(partie);
        for (var propriete : arbre.properties()) {
            if (!"alertes".equals(propriete.getKey()) && plein(propriete.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean plein(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isString()) {
            return !n.asString().isBlank();
        }
        if (n.isArray() || n.isObject()) {
            for (JsonNode enfant : n) {
                if (plein(enfant)) {
                    return true;
                }
            }
            return false;
        }
        return n.isBoolean() ? n.asBoolean() : false;
    }
}
