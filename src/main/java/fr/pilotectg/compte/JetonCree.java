package fr.pilotectg.compte;

/** A token just created, with its value: the only moment the value exists outside the caller's hands. */
public record JetonCree(Jeton jeton, String valeur) {
}
