package fr.pilotectg.web;

import fr.pilotectg.shared.ErreurValidation;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Why a JSON body was refused, in French, naming the field by its path ("annees[2]", "champs.enjeu"). */
final class CorpsJsonRefuse {

    private CorpsJsonRefuse() {
    }

    static ErreurValidation.Erreur erreur(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)) {
            return new ErreurValidation.Erreur(null, "Corps de requête absent ou illisible : un objet JSON est attendu.");
        }
        String champ = chemin(jackson);
        return new ErreurValidation.Erreur(champ, message(jackson, champ));
    }

    private static String message(JacksonException e, String champ) {
        if (e instanceof JsonStrict.ValeurRefusee refus) {
            return refus.getOriginalMessage();
        }
        if (e.getCause() instanceof IllegalArgumentException refus && refus.getMessage() != null) {
            // A value type that refuses what it is given (a figure that is neither a number nor a marker) says why.
            return refus.getMessage();
        }
        if (e instanceof InvalidNullException) {
            return "une liste ne peut pas contenir null.";
        }
        if (e instanceof InputCoercionException) {
            return "nombre hors des limites acceptées.";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return "valeur « " + format.getValue() + " » inconnue ; valeurs possibles : "
                    + String.join(", ", java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf).toList()) + ".";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "valeur d'un type inattendu (attendu : " + type(mismatch.getTargetType()) + ").";
        }
        if (e instanceof StreamReadException) {
            return champ == null ? "JSON mal formé (virgule, guillemet ou accolade manquant ?)." : "JSON mal formé à cet endroit.";
        }
        return "valeur d'un type inattendu (dates au format AAAA-MM-JJ, nombres sans guillemets, valeurs de liste en majuscules).";
    }

    private static String type(Class<?> cible) {
        if (cible == Integer.class || cible == int.class || cible == Long.class || cible == long.class) {
            return "un nombre entier";
        }
        if (Number.class.isAssignableFrom(cible) || cible.isPrimitive() && cible != boolean.class) {
            return "un nombre";
        }
        if (cible == Boolean.class || cible == boolean.class) {
            return "true ou false";
        }
        if (java.util.Collection.class.isAssignableFrom(cible) || cible.isArray()) {
            return "une liste [ … ]";
        }
        if (cible == String.class) {
            return "un texte entre guillemets";
        }
        return "un objet { … }";
    }

    private static String chemin(JacksonException e) {
        StringBuilder chemin = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!chemin.isEmpty()) {
                    chemin.append('.');
                }
                chemin.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                chemin.append('[').append(reference.getIndex()).append(']');
            }
        }
        return chemin.isEmpty() ? null : chemin.toString();
    }
}
