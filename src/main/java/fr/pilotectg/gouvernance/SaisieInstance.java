package fr.pilotectg.gouvernance;

import java.util.List;

/** A body as sent: type COPIL, COTECH, COMMISSION, RESEAU, PLENIERE or AUTRE, its name, frequency, missions, thématiques and members. */
public record SaisieInstance(String type, String nom, String frequence, Integer reunionsParAn, List<String> missions,
                             List<String> thematiques, List<SaisieMembre> membres) {
}
