package fr.pilotectg.ao;

import java.util.List;

/** The competence matrix of a convention and the version a writer must send back. */
public record MatriceAo(int version, List<LigneMatrice> lignes) {

    public MatriceAo {
        lignes = List.copyOf(lignes);
    }
}
