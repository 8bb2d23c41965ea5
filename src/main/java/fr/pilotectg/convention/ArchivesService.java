package fr.pilotectg.convention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator archives a convention (hidden from the lists, kept whole, restorable) or deletes one still in
 * preparation after typing its title. Everything is journalled; the journal of a deleted convention stays.
 */
@Service
public class ArchivesService {

    static final String REFUS = "Seul un administrateur archive, restaure ou supprime une convention.";

    private final ConventionService conventions;
    private final ArchivesRepository archives;
    private final Journal journal;
    private final Clock horloge;

    ArchivesService(ConventionService conventions, ArchivesRepository archives, Journal journal, Clock horloge) {
        this.conventions = conventions;
        this.archives = archives;
        this.journal = journal;
        this.horloge = horloge;
    }

    public boolean archivee(long id) {
        return archives.archivee(id);
    }

    public List<ArchivesRepository.Archivee> archivees() {
        verifierAdministrateur();
        return archives.archivees();
    }

    @Transactional
    public Convention archiver(long id) {
        verifierAdministrateur();
        Convention convention = conventions.convention(id);
        if (archives.archivee(id)) {
            throw new ConflitDeModification("Cette convention est déjà archivée.");
        }
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        archives.archiver(id, maintenant);
        journal.enregistrer("convention", id, id, "archivage", List.of(new Changement("Archivée le", null, FormatFr.dateHeure(maintenant))));
        return convention;
    }

    @Transactional
    public Convention restaurer(long id) {
        verifierAdministrateur();
        Convention convention = conventions.convention(id);
        if (!archives.archivee(id)) {
            throw new ConflitDeModification("Cette convention n'est pas archivée.");
        }
        archives.restaurer(id);
        journal.enregistrer("convention", id, id, "restauration", List.of(new Changement("Archivée", "oui", "non")));
        return convention;
    }

    /** Deletes a convention in preparation, once its exact title is typed; nothing is written otherwise. */
    @Transactional
    public Convention supprimer(long id, String titreSaisi) {
        verifierAdministrateur();
        Convention convention = conventions.convention(id);
        if (convention.statut() != StatutConvention.PREPARATION) {
            throw new ErreurValidation("titre", "Seule une convention en préparation se supprime ; celle-ci est « "
                    + convention.statut().libelle() + " » : archivez-la plutôt.");
        }
        if (titreSaisi == null || !titreSaisi.strip().equals(convention.titre().strip())) {
            throw new ErreurValidation("titre", "Recopiez exactement le titre de la convention pour confirmer sa suppression.");
        }
        journal.enregistrer("convention", id, id, "suppression", List.of(new Changement("Convention", convention.titre(), null)));
        archives.supprimer(id);
        return convention;
    }

    private static void verifierAdministrateur() {
        if (!UtilisateurConnecte.courant().estAdmin()) {
            throw new AccesRefuse(REFUS);
        }
    }
}
