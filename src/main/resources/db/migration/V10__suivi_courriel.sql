-- E-mail address of a user, used to send the follow-up campaign reminders when SMTP is configured.
ALTER TABLE utilisateur ADD COLUMN courriel TEXT;

-- Whether the e-mail of a reminder could be sent: null = no SMTP configured (in-app reminder only),
-- TRUE = sent, FALSE = the SMTP server refused or could not be reached (the in-app reminder stays).
ALTER TABLE campagne_relance ADD COLUMN courriel_envoye BOOLEAN;
