package fr.pilotectg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's 401, as JSON in French like its other errors ({@link ErreursApi}): refused credentials (HTTP
 * Basic or token) say why in the exception's message, a request without credentials says what to send.
 */
@Component
class RefusAuthentificationApi implements AuthenticationEntryPoint {

    static final String NON_AUTHENTIFIE = "Authentification requise : jeton d'API (en-tête « Authorization: Bearer … ») "
            + "ou identifiant et mot de passe (HTTP Basic).";

    private final ObjectMapper json;

    RefusAuthentificationApi(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String message = e instanceof BadCredentialsException ? e.getMessage() : NON_AUTHENTIFIE;
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        // Bearer rather than Basic: a browser that strays on the API gets no password dialog.
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Pilote CTG\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(
                new ErreursApi.ErreurJson(HttpStatus.UNAUTHORIZED.value(), message, List.of())));
    }
}
