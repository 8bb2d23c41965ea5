package fr.pilotectg.ao;

import java.util.List;

/** A fiche of the plan that concerns early childhood, as the AO rules and the CDSF extract cite it. */
public record FichePetiteEnfance(long id, String reference, String titre, List<String> competences, List<String> porteurs) {

    public FichePetiteEnfance {
        competences = List.copyOf(competences);
        porteurs = List.copyOf(porteurs);
    }

    String citation() {
        return "fiche " + (reference == null ? "" : reference + " ") + "« " + titre + " »";
    }
}
