package fr.pilotectg.plan;

import java.util.List;

/**
 * What a node says: its heading (blank: the heading is missing, shown "(intitulé manquant)"), its text, its
 * objectives, its context sentence ("En s'appuyant sur…"); a reference only where its level's references are free.
 */
public record ContenuNoeud(String reference, String titre, String texte, List<String> objectifs, String contexte) {

    public ContenuNoeud {
        objectifs = objectifs == null ? List.of() : objectifs.stream().filter(o -> o != null && !o.isBlank()).map(String::trim).toList();
    }
}
