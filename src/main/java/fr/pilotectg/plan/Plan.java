package fr.pilotectg.plan;

import java.util.List;

/** The frame of a convention's action plan: its template, its named levels, declared counts, calendar. */
public record Plan(long conventionId, ModeleFiche modele, List<Niveau> niveaux, List<CompteDeclare> comptesDeclares,
                   List<PhaseCalendrier> calendrier, List<String> notes, int version) {

    /** A step of a yearly calendar; the year may be unknown when the document does not print it. */
    public record PhaseCalendrier(Integer annee, String phase, List<String> objectifs) {
    }

    public Plan {
        niveaux = List.copyOf(niveaux);
        comptesDeclares = comptesDeclares == null ? List.of() : List.copyOf(comptesDeclares);
        calendrier = calendrier == null ? List.of() : List.copyOf(calendrier);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The level of the fiches: always the last one. */
    public Niveau niveauFiche() {
        return niveaux.get(niveaux.size() - 1);
    }

    public Niveau niveau(int rang) {
        return niveaux.get(rang);
    }

    /** Levels above the fiches (nodes). */
    public List<Niveau> niveauxDeNoeuds() {
        return niveaux.subList(0, niveaux.size() - 1);
    }
}
