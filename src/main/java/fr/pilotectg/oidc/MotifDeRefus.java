package fr.pilotectg.oidc;

import java.util.Arrays;

/** Why a single sign-on was refused: the code carried to the refusal page and what the page says. */
enum MotifDeRefus {
    COURRIEL_ABSENT("courriel-absent", "Adresse électronique non transmise",
            "Le fournisseur d'identité n'a pas transmis votre adresse électronique : Pilote CTG ne peut pas retrouver "
                    + "votre compte sans elle."),
    COURRIEL_NON_VERIFIE("courriel-non-verifie", "Adresse électronique non vérifiée",
            "Le fournisseur d'identité indique que votre adresse électronique n'a pas été vérifiée. Pilote CTG ne "
                    + "rattache une connexion unique à un compte que par une adresse vérifiée : faites-la vérifier "
                    + "auprès de votre fournisseur d'identité, puis réessayez."),
    COMPTE_INCONNU("compte-inconnu", "Aucun compte pour cette adresse",
            "Votre identité est reconnue, mais aucun compte Pilote CTG n'a votre adresse électronique pour "
                    + "identifiant. Demandez à l'administrateur de Pilote CTG (ou à l'agent Caf qui vous a invité) de "
                    + "créer votre compte avec cette adresse."),
    COMPTE_DESACTIVE("compte-desactive", "Compte désactivé",
            "Le compte Pilote CTG qui a votre adresse électronique pour identifiant est désactivé. Adressez-vous à "
                    + "l'administrateur de Pilote CTG si vous devez y accéder de nouveau."),
    ECHEC("echec", "Connexion unique impossible",
            "La connexion par le fournisseur d'identité n'a pas abouti (refus du fournisseur, délai dépassé ou réponse "
                    + "invalide). Réessayez ; si cela recommence, utilisez un autre moyen de connexion ou prévenez "
                    + "l'administrateur de Pilote CTG.");

    private final String code;
    private final String titre;
    private final String explication;

    MotifDeRefus(String code, String titre, String explication) {
        this.code = code;
        this.titre = titre;
        this.explication = explication;
    }

    public String code() {
        return code;
    }

    public String titre() {
        return titre;
    }

    public String explication() {
        return explication;
    }

    static MotifDeRefus deCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst().orElse(ECHEC);
    }
}
