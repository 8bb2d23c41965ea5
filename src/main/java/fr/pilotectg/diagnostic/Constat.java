package fr.pilotectg.diagnostic;

import java.util.List;

/** An enjeu, a besoin or an AFOM item, with the plan axes and fiches that answer it (enjeux only). */
public record Constat(Long id, NatureConstat nature, String thematique, String texte, String source, List<LienPlan> liens) {

    public Constat {
        liens = liens == null ? List.of() : List.copyOf(liens);
    }

    public String thematiqueCode() {
        return Thematiques.code(thematique);
    }
}
