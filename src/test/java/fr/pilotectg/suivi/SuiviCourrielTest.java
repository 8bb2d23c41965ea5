package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder reaches the porteur's users by e-mail through a real SMTP server (GreenMail, on the test port). */
class SuiviCourrielTest extends SuiviTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Test
    void reminding_non_answering_organisations_emails_their_users() throws Exception {
        PlanDeSuivi plan = planDeSuivi("campagne-courriel");
        long campagne = comme("caf07", () -> campagnes.ouvrir(plan.conventionId(), new NouvelleCampagne("Courriel T1", 2026, 1,
                LocalDate.now().plusDays(20), List.of(plan.alpha(), plan.bravo())))).id();

        var relance = pages.poster("caf07", "/campagnes/" + campagne + "/relancer", Map.of());

        assertThat(relance.messageSucces()).contains("Courriel envoyé à " + PALABRE);
        MimeMessage[] recus = SMTP.getReceivedMessages();
        assertThat(recus).hasSize(1);
        assertThat(recus[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("palabre@exemple.org");
        assertThat(recus[0].getSubject()).contains("Relance").contains("Courriel T1");
        assertThat(((String) recus[0].getContent())).contains("Alpha").doesNotContain("Bravo");
        assertThat(pages.get("caf07", "/campagnes/" + campagne).document().select("#relances-envoyees tbody").text())
                .contains("courriel envoyé");
    }
}
