package fr.pilotectg.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers alone, before any filter or servlet: a request line with raw non-ASCII characters, an
 * invalid {@code %} escape, headers too large… Tomcat's English "HTTP Status 400" page is replaced by a French page
 * (JSON under {@code /api/}) with the security headers. Every other error goes to {@link ErreurController}; this
 * valve only writes when nothing else did.
 */
final class ErreursConteneur extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !ioPermise(response) || !response.setErrorReported()) {
            return;
        }
        ErreurHttp erreur = ErreurHttp.de(status);
        String uri = request.getRequestURI();
        boolean api = uri != null && uri.startsWith(ErreurController.API);
        EntetesDeSecurite.ecrire(response);
        response.setHeader("Content-Language", "fr");
        response.setContentType(api ? "application/json" : "text/html");
        response.setCharacterEncoding("UTF-8");
        try {
            PrintWriter sortie = response.getReporter();
            if (sortie != null) {
                sortie.write(api ? JSON.writeValueAsString(new ErreursApi.ErreurJson(status, erreur.message(), List.of())) : page(erreur));
                response.finishResponse();
            }
        } catch (IOException e) {
            // The client is gone: there is no one left to answer.
        }
    }

    private static boolean ioPermise(Response response) {
        AtomicBoolean permise = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, permise);
        return permise.get();
    }

    private static String page(ErreurHttp erreur) {
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s — Pilote CTG</title>
                <link rel="stylesheet" href="/webjars/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/pilote.css"></head>
                <body><main class="container-xl py-4"><h1 class="h3">%1$s</h1><p>%2$s</p>
                <p><a href="/">Retour à l'accueil de Pilote CTG</a></p></main></body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(erreur.titre(), "UTF-8"), HtmlUtils.htmlEscape(erreur.message(), "UTF-8"));
    }

    /**
     * Puts this valve in the place of the one Spring Boot gives Tomcat's host, and names its class as the host's error
     * valve: otherwise the host would add Tomcat's own, with its English report, when it starts.
     */
    @Component
    static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ErreursConteneur());
                host.setErrorReportValveClass(ErreursConteneur.class.getName());
            });
        }
    }
}
