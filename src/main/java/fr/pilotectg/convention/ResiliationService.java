package fr.pilotectg.convention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Résiliation of a convention (issue 14, item 6): recorded by those who may change the convention, checked, journalled
 * in the same transaction. The convention stays in force until the effect date; on that day (or at once if it is
 * past) it becomes "résiliée".
 */
@Service
public class ResiliationService {

    private final ConventionRepository conventions;
    private final ResiliationRepository resiliations;
    private final ConventionAcces acces;
    private final Journal journal;
    private final Clock horloge;

    ResiliationService(ConventionRepository conventions, ResiliationRepository resiliations, ConventionAcces acces,
                       Journal journal, Clock horloge) {
        this.conventions = conventions;
        this.resiliations = resiliations;
        this.acces = acces;
        this.journal = journal;
        this.horloge = horloge;
    }

    /** The convention's résiliation, for those who may read it; empty when it has none. */
    public Optional<Resiliation> resiliation(long conventionId) {
        convention(conventionId);
        return resiliations.pour(conventionId);
    }

    /** For the pages: the résiliation or null (the caller has already read the convention). */
    public Resiliation pour(long conventionId) {
        return resiliation(conventionId).orElse(null);
    }

    /**
     * For the overview: the résiliation of a convention the caller has already read (through {@link ConventionService},
     * which checked the reading right), or null; one statement, the aggregate is not read again.
     */
    public Resiliation pour(Convention convention) {
        return resiliations.pour(convention.id()).orElse(null);
    }

    /** Whether a résiliation is recorded and not yet in effect: the convention is shown in force, with a banner. */
    public boolean enAttenteDEffet(Resiliation resiliation) {
        return resiliation != null && !resiliation.effective(LocalDate.now(horloge));
    }

    /** Whether the current user may record a résiliation of this convention now. */
    public boolean peutResilier(long conventionId) {
        Convention convention = convention(conventionId);
        return convention.statut().estEnCours() && acces.peutModifier(UtilisateurConnecte.courant(), convention)
                && resiliations.pour(conventionId).isEmpty();
    }

    @Transactional
    public Resiliation resilier(long conventionId, int version, Resiliation.Demande demande) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        Convention avant = convention(conventionId);
        acces.verifierModification(utilisateur, avant);
        if (!Objects.equals(avant.version(), version)) {
            throw conflit();
        }
        Optional<Resiliation> existante = resiliations.pour(conventionId);
        if (existante.isPresent()) {
            throw new ConflitDeModification("Cette convention est déjà résiliée : " + existante.get().libelle() + ".");
        }
        if (!avant.statut().estEnCours()) {
            throw new ErreurValidation("statut", "Seule une convention signée et pas encore terminée peut être résiliée ; "
                    + "celle-ci est au statut « " + avant.statut().libelle() + " ».");
        }
        OffsetDateTime maintenant = OffsetDateTime.now(horloge);
        Resiliation resiliation = Resiliation.nouvelle(avant, demande, utilisateur.identifiant(), maintenant);
        if (!resiliations.inserer(resiliation)) {
            throw conflit();
        }
        boolean effective = resiliation.effective(LocalDate.now(horloge));
        Convention apres = effective
                ? avant.terminee(StatutConvention.RESILIEE, utilisateur.identifiant(), maintenant, resiliation.libelle())
                : avant;
        try {
            conventions.save(apres);
        } catch (OptimisticLockingFailureException e) {
            throw conflit();
        }
        List<Changement> changements = new ArrayList<>(changements(resiliation));
        if (effective) {
            changements.add(new Changement("Statut", avant.statut().libelle(), StatutConvention.RESILIEE.libelle()));
        }
        journal.enregistrer("convention", conventionId, conventionId, "résiliation", changements);
        return resiliation;
    }

    static List<Changement> changements(Resiliation r) {
        List<Changement> liste = new ArrayList<>();
        liste.add(new Changement("Mode de résiliation", null, r.mode().libelle()));
        liste.add(new Changement(r.mode() == ModeResiliation.DENONCIATION ? "Date de la dénonciation" : "Date de la résiliation",
                null, FormatFr.date(r.dateResiliation())));
        if (r.dateNotification() != null) {
            liste.add(new Changement("Envoi de la lettre recommandée", null, FormatFr.date(r.dateNotification())));
        }
        if (r.dateReception() != null) {
            liste.add(new Changement("Réception de la lettre recommandée", null, FormatFr.date(r.dateReception())));
        }
        liste.add(new Changement("Date d'effet", null, FormatFr.date(r.dateEffet())));
        if (r.commentaire() != null) {
            liste.add(new Changement("Commentaire", null, r.commentaire()));
        }
        return liste;
    }

    private Convention convention(long id) {
        Convention convention = conventions.findById(id).orElseThrow(() -> new Introuvable("Convention " + id + " introuvable."));
        acces.verifierLecture(UtilisateurConnecte.courant(), id);
        return convention;
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Cette convention a été modifiée par quelqu'un d'autre depuis que vous l'avez "
                + "ouverte : la résiliation n'a pas été enregistrée. Rechargez la page pour voir la version actuelle, "
                + "puis refaites votre saisie.");
    }
}
