package fr.pilotectg.organisation;

/** An account found by its login (an e-mail address), with whether it is active. */
public record CompteParCourriel(UtilisateurConnecte utilisateur, boolean actif) {
}
