package fr.pilotectg.organisation;

import fr.pilotectg.shared.AccesRefuse;

/**
 * Who may administer organisations and people, decided here only (ADR 0007): an administrator does everything;
 * an agent Caf creates and edits organisations and people (to add partners) but neither merges nor deactivates.
 * A role such as ADMIN_CAF is plugged in by adding it to the switches below.
 */
public final class DroitsOrganisations {

    private DroitsOrganisations() {
    }

    /** Creates and edits organisations, people and mandates. */
    public static boolean peutGerer(UtilisateurConnecte utilisateur) {
        return switch (utilisateur.role()) {
            case ADMIN, AGENT_CAF -> true;
            default -> false;
        };
    }

    /** Merges duplicates and deactivates organisations (changes every reference, hides from pickers). */
    public static boolean peutAdministrer(UtilisateurConnecte utilisateur) {
        return utilisateur.role() == Role.ADMIN;
    }

    /** Reads the organisations and people lists (anyone who may edit them). */
    public static boolean peutConsulter(UtilisateurConnecte utilisateur) {
        return peutGerer(utilisateur);
    }

    static void verifierConsultation(UtilisateurConnecte utilisateur) {
        if (!peutConsulter(utilisateur)) {
            throw new AccesRefuse("L'annuaire des organisations et des personnes est réservé aux agents Caf et aux administrateurs.");
        }
    }

    static void verifierGestion(UtilisateurConnecte utilisateur) {
        if (!peutGerer(utilisateur)) {
            throw new AccesRefuse("Seuls les agents Caf et les administrateurs créent ou modifient les organisations et les personnes.");
        }
    }

    static void verifierAdministration(UtilisateurConnecte utilisateur) {
        if (!peutAdministrer(utilisateur)) {
            throw new AccesRefuse("Seul un administrateur fusionne ou désactive des organisations.");
        }
    }
}
