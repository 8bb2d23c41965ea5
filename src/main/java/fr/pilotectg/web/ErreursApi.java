package fr.pilotectg.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Versions;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** API errors as JSON: {@code {"status": 400, "message": "...", "erreurs": [{"champ", "message"}]}}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErreursApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErreurJson(int status, String message, List<ErreurValidation.Erreur> erreurs, List<?> candidats) {

        ErreurJson(int status, String message, List<ErreurValidation.Erreur> erreurs) {
            this(status, message, erreurs, null);
        }
    }

    @ExceptionHandler(ErreurAvecCandidats.class)
    ResponseEntity<ErreurJson> candidats(ErreurAvecCandidats e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new ErreurJson(HttpStatus.BAD_REQUEST.value(), e.getMessage(), e.erreurs(), e.candidats()));
    }

    @ExceptionHandler(ErreurValidation.class)
    ResponseEntity<ErreurJson> validation(ErreurValidation e) {
        return reponse(HttpStatus.BAD_REQUEST, e.getMessage(), e.erreurs());
    }

    @ExceptionHandler(ConflitDeModification.class)
    ResponseEntity<ErreurJson> conflit(ConflitDeModification e) {
        return reponse(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(AccesRefuse.class)
    ResponseEntity<ErreurJson> accesRefuse(AccesRefuse e) {
        return reponse(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(Introuvable.class)
    ResponseEntity<ErreurJson> introuvable(Introuvable e) {
        return reponse(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErreurJson> illisible(HttpMessageNotReadableException e) {
        ErreurValidation.Erreur erreur = CorpsJsonRefuse.erreur(e);
        return reponse(HttpStatus.BAD_REQUEST, erreur.champ() == null ? erreur.message()
                : "Champ « " + erreur.champ() + " » : " + erreur.message(), erreur.champ() == null ? List.of() : List.of(erreur));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErreurJson> typeInattendu(MethodArgumentTypeMismatchException e) {
        return reponse(HttpStatus.BAD_REQUEST, "Valeur invalide pour le paramètre « " + e.getName() + " ».",
                List.of(new ErreurValidation.Erreur(e.getName(), "Valeur invalide : « " + e.getValue() + " ».")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErreurJson> parametreManquant(MissingServletRequestParameterException e) {
        if ("version".equals(e.getParameterName())) {
            return reponse(HttpStatus.BAD_REQUEST, "Paramètre « version » : " + Versions.MANQUANTE,
                    List.of(new ErreurValidation.Erreur("version", Versions.MANQUANTE)));
        }
        return reponse(HttpStatus.BAD_REQUEST, "Le paramètre « " + e.getParameterName() + " » est obligatoire.",
                List.of(new ErreurValidation.Erreur(e.getParameterName(), "Paramètre obligatoire.")));
    }

    private static ResponseEntity<ErreurJson> reponse(HttpStatus status, String message, List<ErreurValidation.Erreur> erreurs) {
        return ResponseEntity.status(status).body(new ErreurJson(status.value(), message, erreurs, null));
    }
}
