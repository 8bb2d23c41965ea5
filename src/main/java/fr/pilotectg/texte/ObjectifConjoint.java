package fr.pilotectg.texte;

import java.util.List;

/**
 * An objectif conjoint and the group of signatories it binds (organisation ids, all parties of the convention),
 * with the group's name as the document prints it ("pour la CCBA et la ville d'Aubenas") and an optional rich text.
 */
public record ObjectifConjoint(String intitule, String html, String libelleGroupe, List<Long> organisations) {

    public ObjectifConjoint {
        organisations = List.copyOf(organisations);
    }
}
