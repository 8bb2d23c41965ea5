package fr.pilotectg.importation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background worker of bulk imports: every few seconds ({@code pilote.imports.lots.delai}), on every instance,
 * takes the waiting tasks one by one ({@code FOR UPDATE SKIP LOCKED}: no lock of ShedLock is needed).
 */
@Component
class TraitementDesLots {

    private final LotsDImport lots;

    TraitementDesLots(LotsDImport lots) {
        this.lots = lots;
    }

    @Scheduled(fixedDelayString = "${pilote.imports.lots.delai:PT5S}", initialDelayString = "${pilote.imports.lots.delai:PT5S}")
    void executer() {
        lots.traiterEnAttente();
    }
}
