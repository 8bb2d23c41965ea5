package fr.pilotectg.diagnostic;

import fr.pilotectg.convention.PageDeResultats;

/** A page of all the values of one indicator: what the diagnostic page folds when an indicator has many (issue 16). */
public record ValeursDUnIndicateur(long conventionId, String titreConvention, Indicateur indicateur, PageDeResultats<ValeurIndicateur> valeurs) {
}
