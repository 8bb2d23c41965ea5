package fr.pilotectg.convention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily end of conventions (issue 14, item 6): a convention in force whose end date has passed becomes "échue" the
 * day after, one whose résiliation takes effect becomes "résiliée". Safe with several instances on one database:
 * the job is locked in PostgreSQL (ShedLock, ADR 0026), and each convention is ended in its own transaction by an
 * optimistic-locked update, so that even two runs at once end it once, with one journal row.
 */
@Component
public class EcheanceDesConventions {

    /** Journalled as the author of what the job does. */
    static final String AUTEUR = "système";

    private static final Logger LOG = LoggerFactory.getLogger(EcheanceDesConventions.class);

    private final ResiliationRepository resiliations;
    private final ConventionRepository conventions;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    EcheanceDesConventions(ResiliationRepository resiliations, ConventionRepository conventions, Journal journal,
                           TransactionTemplate transaction, Clock horloge) {
        this.resiliations = resiliations;
        this.conventions = conventions;
        this.journal = journal;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    /** What a run did. */
    public record Bilan(int echues, int resiliees) {
    }

    /**
     * The scheduled run (every day at 00:05 by default, {@code pilote.echeance.cron}), on one instance at a time. A run
     * that finds the lock taken does nothing: the other instance does the work.
     */
    @Scheduled(cron = "${pilote.echeance.cron:0 5 0 * * *}", zone = "${pilote.echeance.fuseau:Europe/Paris}")
    @SchedulerLock(name = "fin-des-conventions", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    public void executer() {
        Bilan bilan = constater();
        if (bilan.echues() + bilan.resiliees() > 0) {
            LOG.info("Fin des conventions : {} échue(s), {} résiliée(s)", bilan.echues(), bilan.resiliees());
        }
    }

    /** Ends what is due today; idempotent (a convention already ended is not touched again). */
    public Bilan constater() {
        LocalDate aujourdhui = LocalDate.now(horloge);
        int resiliees = 0;
        for (long id : resiliations.resiliationsEffectives(aujourdhui)) {
            if (terminer(id, StatutConvention.RESILIEE, aujourdhui)) {
                resiliees++;
            }
        }
        int echues = 0;
        for (long id : resiliations.echues(aujourdhui)) {
            if (terminer(id, StatutConvention.ECHUE, aujourdhui)) {
                echues++;
            }
        }
        return new Bilan(echues, resiliees);
    }

    private boolean terminer(long id, StatutConvention vers, LocalDate aujourdhui) {
        try {
            return Boolean.TRUE.equals(transaction.execute(etat -> {
                Optional<Convention> lue = conventions.findById(id);
                if (lue.isEmpty() || !lue.get().statut().estEnCours()) {
                    return false;
                }
                Convention avant = lue.get();
                Optional<Resiliation> resiliation = vers == StatutConvention.RESILIEE ? resiliations.pour(id) : Optional.empty();
                String commentaire;
                if (vers == StatutConvention.RESILIEE) {
                    if (resiliation.isEmpty() || !resiliation.get().effective(aujourdhui)) {
                        return false;
                    }
                    commentaire = resiliation.get().libelle();
                } else {
                    if (avant.periode().dateFin() == null || !avant.periode().dateFin().isBefore(aujourdhui)) {
                        return false;
                    }
                    commentaire = "Échue le lendemain de sa date de fin (" + fr.pilotectg.shared.FormatFr.date(avant.periode().dateFin()) + ")";
                }
                conventions.save(avant.terminee(vers, AUTEUR, OffsetDateTime.now(horloge), commentaire));
                journal.enregistrerAuNomDe(AUTEUR, "convention", id, id, vers == StatutConvention.ECHUE ? "échéance" : "effet de la résiliation",
                        List.of(new Changement("Statut", avant.statut().libelle(), vers.libelle())));
                return true;
            }));
        } catch (OptimisticLockingFailureException e) {
            // Another run (or a user) changed it at the same moment: it is ended there, or will be on the next run.
            return false;
        }
    }
}
