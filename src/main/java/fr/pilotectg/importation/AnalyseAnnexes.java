package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/** Finds the {@link AnnexesTrouvees} part of a draft in an extracted document (deterministic, no network). */
@Component
public class AnalyseAnnexes {

    public AnnexesTrouvees analyser(DocumentExtrait document) {
        return AnnexesTrouvees.vide();
    }
}
