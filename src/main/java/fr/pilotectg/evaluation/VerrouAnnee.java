package fr.pilotectg.evaluation;

import fr.pilotectg.evaluation.EvaluationRepository.AnneeEnregistree;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Component;

/** The lock of a year validated by the COPIL, checked by every write to that year (grid, axes, comments, indicator values). */
@Component
class VerrouAnnee {

    private final EvaluationRepository repository;

    VerrouAnnee(EvaluationRepository repository) {
        this.repository = repository;
    }

    /** 409 naming the COPIL when the year is validated; otherwise the year, locked until the end of the transaction. */
    AnneeEnregistree exigerOuverte(long conventionId, int annee) {
        AnneeEnregistree enregistree = repository.verrouillerAnnee(conventionId, annee);
        if (enregistree.validation() != null) {
            throw new ConflitDeModification("L'année " + annee + " a été validée par le COPIL du "
                    + FormatFr.date(enregistree.validation().dateCopil()) + " : elle n'est plus modifiable et rien n'a été "
                    + "enregistré. Un administrateur peut la déverrouiller.");
        }
        return enregistree;
    }
}
