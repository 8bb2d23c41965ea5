package fr.pilotectg.ao;

import java.util.List;

/** The projection table of one AO over the years of the convention. */
public record ProjectionAo(String aoCode, String aoNom, List<LigneProjection> lignes) {

    public ProjectionAo {
        lignes = List.copyOf(lignes);
    }
}
