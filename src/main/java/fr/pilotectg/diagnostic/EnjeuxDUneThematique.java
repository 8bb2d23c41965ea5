package fr.pilotectg.diagnostic;

import java.util.List;

/**
 * The enjeux of one thématique: the diagnostic's enjeux are the convention's only list of enjeux, shown by the
 * diagnostic page, the text of the convention (Article 4) and linked to the plan's axes and fiches.
 */
public record EnjeuxDUneThematique(String code, String thematique, List<Constat> enjeux) {

    public EnjeuxDUneThematique {
        enjeux = List.copyOf(enjeux);
    }
}
