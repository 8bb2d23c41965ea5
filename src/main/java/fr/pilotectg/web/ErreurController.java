package fr.pilotectg.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches the servlet container's error page (an unknown address, a refused method or media type,
 * a file too large, an unexpected exception, a denial by Spring Security…) answers in French: the page
 * {@code erreur.html} for the pages, the JSON of {@link ErreursApi} under {@code /api/}. No exception text and no
 * stack trace is shown.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErreurController implements ErrorController {

    /** Errors of the addresses under this prefix are answered in JSON. */
    static final String API = "/api/";

    private final JacksonJsonView json;

    ErreurController(JsonMapper jsonMapper) {
        json = new JacksonJsonView(jsonMapper);
        json.setModelKey("erreur");
        json.setExtractValueFromSingleKeyModel(true);
    }

    @RequestMapping
    ModelAndView erreur(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ErreurHttp erreur = ErreurHttp.de(status);
        ModelAndView reponse = estApi(request)
                ? new ModelAndView(json, "erreur", new ErreursApi.ErreurJson(status, erreur.message(), List.of()))
                : new ModelAndView("erreur", Map.of("titreErreur", erreur.titre(), "message", erreur.message()));
        reponse.setStatus(HttpStatusCode.valueOf(status));
        return reponse;
    }

    private static boolean estApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String chemin && chemin.startsWith(request.getContextPath() + API);
    }
}
