package fr.pilotectg.importation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily purge of import drafts and bulk imports 30 days after their upload (issue 17 item 2), on one instance
 * at a time (ShedLock, ADR 0026), journalled as "système" when it removes anything.
 */
@Component
class PurgeDesImports {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeDesImports.class);

    private final JdbcClient jdbc;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    PurgeDesImports(JdbcClient jdbc, Journal journal, TransactionTemplate transaction, Clock horloge) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    @Scheduled(cron = "${pilote.imports.purge.cron:0 35 0 * * *}", zone = "${pilote.echeance.fuseau:Europe/Paris}")
    @SchedulerLock(name = "purge-des-imports", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    public void executer() {
        int purges = purger();
        if (purges > 0) {
            LOG.info("Purge des imports : {} brouillon(s) et lot(s) expiré(s) supprimé(s)", purges);
        }
    }

    /** Removes what has expired; returns how many drafts and bulk imports were removed. */
    int purger() {
        Integer total = transaction.execute(etat -> {
            OffsetDateTime maintenant = OffsetDateTime.now(horloge);
            int lots = jdbc.sql("DELETE FROM import_lot WHERE expire_le < :m").param("m", maintenant).update();
            int brouillons = jdbc.sql("DELETE FROM import_brouillon WHERE expire_le < :m").param("m", maintenant).update();
            if (lots + brouillons > 0) {
                journal.enregistrerAuNomDe("système", "import", null, null, "purge des imports expirés",
                        List.of(new Changement("Brouillons supprimés", null, String.valueOf(brouillons)),
                                new Changement("Lots supprimés", null, String.valueOf(lots))));
            }
            return lots + brouillons;
        });
        return total == null ? 0 : total;
    }
}
