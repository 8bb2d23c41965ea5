package fr.pilotectg.organisation;

import fr.pilotectg.shared.ErreurValidation;

/** A SIREN number: nine digits whose Luhn checksum is right (spaces allowed when typed, dropped when kept). */
final class Siren {

    private Siren() {
    }

    /** The SIREN without spaces, or null when blank; refused (naming the field) unless 9 digits with a valid key. */
    static String verifier(String champ, String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String siren = saisie.replace(" ", "").replace("\u00a0", "").strip();
        if (!siren.matches("\\d{9}")) {
            throw new ErreurValidation(champ, "Le SIREN doit compter exactement 9 chiffres (reçu : « "
                    + fr.pilotectg.shared.Saisie.tronquer(saisie.strip()) + " »).");
        }
        if (!luhn(siren)) {
            throw new ErreurValidation(champ, "Le SIREN « " + siren + " » n'est pas valide : sa clé de contrôle (Luhn) "
                    + "est fausse. Vérifiez qu'aucun chiffre n'a été inversé ou mal recopié.");
        }
        return siren;
    }

    static boolean luhn(String chiffres) {
        int somme = 0;
        for (int i = 0; i < chiffres.length(); i++) {
            int chiffre = chiffres.charAt(chiffres.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                chiffre *= 2;
                if (chiffre > 9) {
                    chiffre -= 9;
                }
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }
}
