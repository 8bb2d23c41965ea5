package fr.pilotectg.compte;

/** An account just created, or invited again, with its invitation link (shown once unless it was e-mailed). */
public record CompteCree(Compte compte, MotsDePasseService.Invitation invitation) {
}
