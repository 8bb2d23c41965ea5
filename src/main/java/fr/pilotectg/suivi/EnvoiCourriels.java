package fr.pilotectg.suivi;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends e-mails when SMTP is configured ({@code spring.mail.host}); without it the application runs and
 * reminders stay in the application only.
 */
@Component
class EnvoiCourriels {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiCourriels.class);

    private final ObjectProvider<JavaMailSender> expediteur;
    private final String adresseExpediteur;

    EnvoiCourriels(ObjectProvider<JavaMailSender> expediteur,
                   @Value("${pilote.courriel.expediteur:pilote-ctg@exemple.org}") String adresseExpediteur) {
        this.expediteur = expediteur;
        this.adresseExpediteur = adresseExpediteur;
    }

    boolean configure() {
        return expediteur.getIfAvailable() != null;
    }

    /** Empty when SMTP is not configured; otherwise whether the server accepted the message. */
    Optional<Boolean> envoyer(List<String> destinataires, String sujet, String texte) {
        JavaMailSender mail = expediteur.getIfAvailable();
        if (mail == null || destinataires.isEmpty()) {
            return Optional.empty();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(adresseExpediteur);
        message.setTo(destinataires.toArray(String[]::new));
        message.setSubject(sujet);
        message.setText(texte);
        try {
            mail.send(message);
            return Optional.of(true);
        } catch (MailException e) {
            LOG.warn("Courriel non envoyé à {} : {}", destinataires, e.getMessage());
            return Optional.of(false);
        }
    }
}
