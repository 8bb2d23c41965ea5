package fr.pilotectg.diagnostic;

import fr.pilotectg.shared.Textes;

/** Thématiques are named freely by each diagnostic; their code ("Petite enfance" → PETITE_ENFANCE) finds them. */
final class Thematiques {

    private Thematiques() {
    }

    static String code(String libelleOuCode) {
        if (libelleOuCode == null || libelleOuCode.isBlank()) {
            return "";
        }
        return Textes.plier(libelleOuCode).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase();
    }
}
