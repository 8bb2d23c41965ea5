package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One dated update of a sub-action's follow-up (table suivi_sous_action, V91); the latest (datePoint, id) is current. */
public record MiseAJourSousAction(long id, long ficheId, long sousActionId, LocalDate datePoint, String statut, Integer avancement,
                                  String commentaire, String auteur, OffsetDateTime creeLe) {
}
