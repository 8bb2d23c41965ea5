package fr.pilotectg.texte;

import java.util.List;

/** One objectif conjoint as sent to the API: its title, optional text, printed group name, and the parties it binds. */
public record SaisieObjectif(String intitule, String texte, String libelleGroupe, List<Long> parties) {
}
