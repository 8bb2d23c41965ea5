package fr.pilotectg.evaluation;

/** A transversal axe as typed or sent; ouvertures, fermetures and faitsMarquants only for the state of the services. */
public record SaisieAxe(String ouvertures, String fermetures, String faitsMarquants, String resultats,
                        String perspectives, String impacts, Integer version) {
}
