package fr.pilotectg.compte;

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
 * E-mails of the accounts (invitation, forgotten password) when SMTP is configured ({@code spring.mail.host}). The
 * log names the recipient, never the link.
 */
@Component
class CourrielsDeCompte {

    private static final Logger LOG = LoggerFactory.getLogger(CourrielsDeCompte.class);

    private final ObjectProvider<JavaMailSender> expediteur;
    private final String adresseExpediteur;

    CourrielsDeCompte(ObjectProvider<JavaMailSender> expediteur,
                      @Value("${pilote.courriel.expediteur:pilote-ctg@exemple.org}") String adresseExpediteur) {
        this.expediteur = expediteur;
        this.adresseExpediteur = adresseExpediteur;
    }

    /** Empty when SMTP is not configured; otherwise whether the server accepted the message. */
    Optional<Boolean> envoyer(String destinataire, String sujet, String texte) {
        JavaMailSender mail = expediteur.getIfAvailable();
        if (mail == null || destinataire == null || !destinataire.contains("@")) {
            return Optional.empty();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(adresseExpediteur);
        message.setTo(destinataire);
        message.setSubject(sujet);
        message.setText(texte);
        try {
            mail.send(message);
            return Optional.of(true);
        } catch (MailException e) {
            LOG.warn("Courriel de compte non envoyé à {} : {}", destinataire, e.getClass().getSimpleName());
            return Optional.of(false);
        }
    }
}
