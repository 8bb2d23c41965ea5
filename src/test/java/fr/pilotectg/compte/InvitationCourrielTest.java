package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** With SMTP configured (a real server, GreenMail, on the test port), the invitation and the forgotten-password link arrive by e-mail. */
@IntegrationTest
class InvitationCourrielTest {

    private static final Pattern LIEN = Pattern.compile("http://\\S+/mot-de-passe/nouveau\\?jeton=[A-Za-z0-9_-]+");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MotsDePasseService motsDePasse;

    @Test
    void the_invitation_arrives_by_email_and_is_not_shown_then_a_forgotten_password_link_too() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        String adresse = ComptesDeTest.adresse("courriel");
        ClientApi.Reponse creation = api.post("admin", "/api/v1/utilisateurs",
                ComptesDeTest.corps(adresse, "Claire Courriel", comptes.organisation(ClientApi.CCBA), "CHARGE_COOPERATION", false));
        assertThat(creation.status()).as(creation.texte()).isEqualTo(201);
        JsonNode invitation = creation.json().path("invitation");
        assertThat(invitation.path("envoyeParCourriel").asBoolean()).isTrue();
        assertThat(invitation.path("lien").isNull()).as("not shown when e-mailed").isTrue();

        MimeMessage[] recus = SMTP.getReceivedMessages();
        assertThat(recus).hasSize(1);
        assertThat(recus[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(adresse);
        String texte = (String) recus[0].getContent();
        assertThat(texte).contains("Claire Courriel", adresse, "72").doesNotContainIgnoringCase("mot de passe :");
        Matcher lien = LIEN.matcher(texte);
        assertThat(lien.find()).as(texte).isTrue();
        String chemin = lien.group().replaceAll("^http://[^/]+", "");
        assertThat(mvc.perform(MockMvcRequestBuilders.get(chemin).accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(adresse);

        mvc.perform(MockMvcRequestBuilders.post("/mot-de-passe/oublie").with(csrf()).param("identifiant", adresse));
        motsDePasse.attendreLesEnvois();
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage oubli = SMTP.getReceivedMessages()[1];
        assertThat(oubli.getSubject()).contains("Mot de passe oublié");
        assertThat(LIEN.matcher((String) oubli.getContent()).find()).isTrue();
    }
}
