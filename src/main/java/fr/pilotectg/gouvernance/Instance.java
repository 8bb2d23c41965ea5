package fr.pilotectg.gouvernance;

import java.util.List;
import java.util.UUID;

/**
 * A governance body of a convention: its kind and name, its frequency as printed ("une fois par an") and as an
 * expected number of meetings a year, its missions in order, the thématiques it covers and its members. Its key
 * stays the same from one version of the governance to the next (null until stored), so that meetings keep it.
 */
public record Instance(TypeInstance type, String nom, String frequence, Integer reunionsParAn, List<String> missions,
                       List<String> thematiques, List<Membre> membres, UUID cle) {

    public Instance {
        missions = List.copyOf(missions);
        thematiques = List.copyOf(thematiques);
        membres = List.copyOf(membres);
    }

    public Instance(TypeInstance type, String nom, String frequence, Integer reunionsParAn, List<String> missions,
                    List<String> thematiques, List<Membre> membres) {
        this(type, nom, frequence, reunionsParAn, missions, thematiques, membres, null);
    }

    Instance avecCle(UUID autre) {
        return new Instance(type, nom, frequence, reunionsParAn, missions, thematiques, membres, autre);
    }

    public List<Membre> copresidents() {
        return membres.stream().filter(Membre::copresident).toList();
    }

    public List<Membre> secretariat() {
        return membres.stream().filter(Membre::secretariat).toList();
    }

    public long votants() {
        return membres.stream().filter(m -> !m.consultatif()).count();
    }

    public long consultatifs() {
        return membres.stream().filter(Membre::consultatif).count();
    }
}
