package fr.pilotectg.texte;

import java.util.List;

/**
 * One objectif conjoint as sent to the API: its title, optional text, printed group name, and the parties it binds;
 * {@code id}: the objectif updated (kept, so links from the plan stay), absent for a new one.
 */
public record SaisieObjectif(String intitule, String texte, String libelleGroupe, List<Long> parties, Long id) {
}
