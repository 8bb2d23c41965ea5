package fr.pilotectg.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Reads the HTML pages and submits their forms as a demo user, through the whole security filter chain.
 * Form posts carry a valid CSRF token unless the test asks otherwise.
 */
public final class ClientPages {

    private final MockMvc mvc;

    public ClientPages(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Status, redirect target, flash messages (after a redirect) and body of one page answer. */
    public record Page(int status, String redirection, Map<String, Object> flash, String html) {

        public String messageErreur() {
            return (String) flash.get("messageErreur");
        }

        public String messageSucces() {
            return (String) flash.get("messageSucces");
        }

        public Document document() {
            return Jsoup.parse(html);
        }
    }

    /**
     * The fields a browser would submit for a form of the page, as it is filled in (hidden fields and
     * current values; an unchecked checkbox sends nothing).
     */
    public static Map<String, String> champs(Document page, String selecteurFormulaire) {
        Element formulaire = page.selectFirst(selecteurFormulaire);
        if (!(formulaire instanceof FormElement form)) {
            throw new AssertionError("Pas de formulaire " + selecteurFormulaire + " dans la page");
        }
        Map<String, String> champs = new LinkedHashMap<>();
        form.formData().forEach(kv -> champs.merge(kv.key(), kv.value(), (a, b) -> a + "," + b));
        return champs;
    }

    /**
     * Submits a form of the page exactly as a browser would, as it is filled in: its action, every field with
     * all its values (checked boxes of a group, lines of a textarea), with the CSRF token of the session.
     */
    public Page soumettre(String utilisateur, Document page, String selecteurFormulaire) {
        Element formulaire = page.selectFirst(selecteurFormulaire);
        if (!(formulaire instanceof FormElement form)) {
            throw new AssertionError("Pas de formulaire " + selecteurFormulaire + " dans la page");
        }
        MockHttpServletRequestBuilder requete = MockMvcRequestBuilders.post(form.attr("action")).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.formData().forEach(kv -> requete.param(kv.key(), kv.value()));
        return executer(utilisateur, requete.with(csrf()));
    }

    public Page get(String utilisateur, String chemin) {
        return executer(utilisateur, MockMvcRequestBuilders.get(chemin).accept(MediaType.TEXT_HTML));
    }

    /** Submits a form as the browser would, with the CSRF token of the session. */
    public Page poster(String utilisateur, String chemin, Map<String, String> champs) {
        return executer(utilisateur, formulaire(chemin, champs).with(csrf()));
    }

    /** Submits a form without any CSRF token, as a forged cross-site request would. */
    public Page posterSansCsrf(String utilisateur, String chemin, Map<String, String> champs) {
        return executer(utilisateur, formulaire(chemin, champs));
    }

    private static MockHttpServletRequestBuilder formulaire(String chemin, Map<String, String> champs) {
        MockHttpServletRequestBuilder requete = MockMvcRequestBuilders.post(chemin).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        champs.forEach((nom, valeur) -> requete.param(nom, valeur));
        return requete;
    }

    private Page executer(String utilisateur, MockHttpServletRequestBuilder requete) {
        try {
            MvcResult resultat = mvc.perform(requete.with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn();
            MockHttpServletResponse reponse = resultat.getResponse();
            return new Page(reponse.getStatus(), reponse.getRedirectedUrl(), resultat.getFlashMap() == null ? Map.of() : Map.copyOf(resultat.getFlashMap()),
                    reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
