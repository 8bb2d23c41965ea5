package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.ConventionSignee;
import fr.pilotectg.convention.VerrouContractuel;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ChargementInitial;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of a convention (ADR 0025): version 1 is taken at signature (or, for a convention signed before it was kept
 * in the tool, when a manager establishes it or drafts the first avenant), then one per avenant signed.
 */
@Service
public class VersionsService {

    private final AvenantsRepository repository;
    private final ConventionService conventions;
    private final Photographe photographe;
    private final VerrouContractuel verrou;
    private final Journal journal;
    private final ChargementInitial chargement;

    VersionsService(AvenantsRepository repository, ConventionService conventions, Photographe photographe,
                    VerrouContractuel verrou, Journal journal, ChargementInitial chargement) {
        this.repository = repository;
        this.conventions = conventions;
        this.photographe = photographe;
        this.verrou = verrou;
        this.journal = journal;
        this.chargement = chargement;
    }

    public List<VersionConvention> versions(long conventionId) {
        conventions.convention(conventionId);
        return repository.versions(conventionId);
    }

    public VersionConvention version(long conventionId, int numero) {
        conventions.convention(conventionId);
        return repository.version(conventionId, numero)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas de version " + numero + "."));
    }

    /** Number of the version in force (0: none established yet). */
    public int versionEnVigueur(long conventionId) {
        conventions.convention(conventionId);
        return verrou.versionContractuelle(conventionId);
    }

    /** The same for a convention the caller has already read (its reading right checked). */
    public int versionEnVigueur(Convention convention) {
        return verrou.versionContractuelle(convention.id());
    }

    public List<Difference> comparer(long conventionId, int de, int a) {
        return Differences.entre(version(conventionId, de).contenu(), version(conventionId, a).contenu());
    }

    /** Whether the current user may establish versions and draft avenants here (the convention's managers). */
    public boolean peutGerer(long conventionId) {
        return conventions.peutModifier(conventions.convention(conventionId));
    }

    /** Establishes version 1 of a convention signed without one (explicit step; from then on, edits need an avenant). */
    @Transactional
    public VersionConvention etablirVersionSignee(long conventionId) {
        Convention convention = gerable(conventionId);
        if (convention.statut().estAvantSignature()) {
            throw new ErreurValidation("statut", "La convention n'est pas encore signée : sa version 1 sera prise à la signature.");
        }
        if (verrou.versionContractuelle(conventionId) > 0) {
            throw new ErreurValidation("version", "La version signée de cette convention est déjà établie.");
        }
        return figer(conventionId, "Signature (version établie le " + LocalDate.now() + ")", null, convention.signature().date());
    }

    /** Version 1 at signature (not during the initial load: demo conventions establish it at first need). */
    @EventListener
    void signee(ConventionSignee evenement) {
        if (chargement.estPret() && verrou.versionContractuelle(evenement.conventionId()) == 0) {
            Convention convention = conventions.convention(evenement.conventionId());
            figer(evenement.conventionId(), "Signature", null, convention.signature().date());
        }
    }

    /** Version 1 if none yet (first avenant of a convention signed before versions were kept). */
    int versionSigneeAuBesoin(long conventionId) {
        int enVigueur = verrou.versionContractuelle(conventionId);
        if (enVigueur > 0) {
            return enVigueur;
        }
        Convention convention = conventions.convention(conventionId);
        return figer(conventionId, "Signature (état au premier avenant)", null, convention.signature().date()).numero();
    }

    VersionConvention figer(long conventionId, String cause, Integer avenant, LocalDate dateEffet) {
        int numero = repository.derniereVersion(conventionId) + 1;
        VersionConvention version = new VersionConvention(conventionId, numero, cause, avenant, dateEffet,
                UtilisateurConnecte.identifiantCourantOuSysteme(), OffsetDateTime.now(), photographe.photographier(conventionId));
        repository.ajouterVersion(version);
        verrou.definirVersionContractuelle(conventionId, numero);
        journal.enregistrer("version", (long) numero, conventionId, "version " + numero + " de la convention",
                List.of(new Changement("Version en vigueur", numero == 1 ? null : String.valueOf(numero - 1), numero + " — " + cause)));
        return version;
    }

    Convention gerable(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention établissent ses versions et rédigent ses avenants.");
        }
        return convention;
    }
}
