package fr.pilotectg.ao;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.diagnostic.DiagnosticService;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The early-childhood extract sent to the CDSF and the signatories' consent to sending it (DOMAIN §4.11). */
@Service
public class ExtraitCdsfService {

    private static final String THEMATIQUE_PETITE_ENFANCE = "PETITE_ENFANCE";

    private final AoService ao;
    private final OffreService offre;
    private final ConventionService conventions;
    private final AoRepository repository;
    private final Journal journal;
    private final DiagnosticService diagnostic;

    ExtraitCdsfService(AoService ao, OffreService offre, ConventionService conventions, AoRepository repository, Journal journal,
                       DiagnosticService diagnostic) {
        this.ao = ao;
        this.diagnostic = diagnostic;
        this.offre = offre;
        this.conventions = conventions;
        this.repository = repository;
        this.journal = journal;
    }

    public ExtraitCdsf extrait(long conventionId) {
        VueAo vue = ao.vue(conventionId);
        return new ExtraitCdsf(vue, diagnostic.indicateurs(conventionId, THEMATIQUE_PETITE_ENFANCE), offre.services(conventionId).stream().filter(s -> s.type().petiteEnfance()).toList(),
                vue.fiches(), LocalDate.now(), consentements(conventionId),
                repository.versionConsentements(conventionId));
    }

    public List<ConsentementPartie> consentements(long conventionId) {
        VueConvention convention = conventions.vue(conventionId);
        Map<Long, AoRepository.ConsentementStocke> enregistres = repository.consentements(conventionId).stream()
                .collect(Collectors.toMap(AoRepository.ConsentementStocke::organisationId, Function.identity()));
        return convention.parties().stream().filter(p -> p.role() == RolePartie.SIGNATAIRE).map(p -> {
            AoRepository.ConsentementStocke c = enregistres.get(p.organisation().id());
            return c == null ? new ConsentementPartie(p.organisation().id(), p.organisation().nom(), null, null, null, null)
                    : new ConsentementPartie(p.organisation().id(), p.organisation().nom(), c.decision(), c.date(), c.enregistrePar(), c.enregistreLe());
        }).toList();
    }

    /**
     * Records (or corrects) a signatory's decision, as the Caf or a writer of the convention received it. {@code version}
     * is the state of the consents the user saw: a decision recorded meanwhile makes this one a conflict.
     */
    @Transactional
    public ConsentementPartie enregistrerConsentement(long conventionId, Long organisationId, DecisionConsentement decision, LocalDate date,
                                                      Integer version) {
        if (!conventions.peutModifier(conventions.convention(conventionId))) {
            throw new AccesRefuse("Vous ne pouvez pas enregistrer les consentements de cette convention.");
        }
        List<ConsentementPartie> avant = consentements(conventionId);
        ConsentementPartie partie = avant.stream().filter(c -> organisationId != null && c.organisationId() == organisationId).findFirst().orElse(null);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (partie == null) {
            erreurs.add(new ErreurValidation.Erreur("organisationId", "Choisissez une partie signataire de la convention."));
        }
        if (decision == null) {
            erreurs.add(new ErreurValidation.Erreur("decision", "Indiquez si le consentement est donné ou refusé."));
        }
        if (date == null) {
            erreurs.add(new ErreurValidation.Erreur("date", "Indiquez la date du consentement ou du refus."));
        } else if (date.isAfter(LocalDate.now())) {
            erreurs.add(new ErreurValidation.Erreur("date", "La date (" + FormatFr.date(date) + ") ne peut pas être dans le futur."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        if (version == null || !repository.avancerVersion(conventionId, "version_consentements", version)) {
            throw new ConflitDeModification("Une décision a été enregistrée entre-temps par quelqu'un d'autre : rechargez la page "
                    + "pour voir les consentements à jour ; rien n'a été enregistré.");
        }
        String auteur = UtilisateurConnecte.courant().nomAffiche();
        repository.enregistrerConsentement(conventionId, organisationId, decision, date, auteur);
        ConsentementPartie apres = consentements(conventionId).stream().filter(c -> c.organisationId() == organisationId).findFirst().orElseThrow();
        journal.enregistrer("cdsf_consentement", organisationId, conventionId, "transmission de l'extrait à la CDSF : " + partie.organisation(),
                List.of(new Changement("Consentement", partie.decision() == null ? null : partie.etat(), apres.etat())));
        return apres;
    }
}
