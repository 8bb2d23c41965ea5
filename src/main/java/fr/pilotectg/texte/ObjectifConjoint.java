package fr.pilotectg.texte;

import java.util.List;

/**
 * An objectif conjoint and the group of signatories it binds (organisation ids, all parties of the convention),
 * with the group's name as the document prints it ("pour la CCBA et la ville d'Aubenas") and an optional rich text.
 * {@code id}: stable (fiches and plan nodes link to it), null for an objectif not stored yet.
 */
public record ObjectifConjoint(String intitule, String html, String libelleGroupe, List<Long> organisations, Long id) {

    public ObjectifConjoint {
        organisations = List.copyOf(organisations);
    }

    /** An objectif not stored yet (no id). */
    public ObjectifConjoint(String intitule, String html, String libelleGroupe, List<Long> organisations) {
        this(intitule, html, libelleGroupe, organisations, null);
    }
}
