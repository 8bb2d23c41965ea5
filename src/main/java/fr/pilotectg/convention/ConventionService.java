package fr.pilotectg.convention;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.pilotectg.organisation.AnnuaireOrganisations;
import fr.pilotectg.organisation.AnnuairePersonnes;
import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.SaisiePersonne;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.Epci;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Use cases of the convention aggregate; every write checks rights and version, and is journalled. */
@Service
public class ConventionService {

    /**
     * The aggregates already read, by id, while bound: to a transaction ({@link #lireUneFoisJusquaLaFinDeLaTransaction})
     * or to a GET request ({@link ConventionsLuesUneFoisParRequete}).
     */
    static final Object LUES_DANS_LA_TRANSACTION = ConventionService.class.getName() + ".lues";
    /** The views ({@link #vue}) already built, by id, during a GET request ({@link ConventionsLuesUneFoisParRequete}). */
    static final Object VUES_DE_LA_REQUETE = ConventionService.class.getName() + ".vues";

    private final ConventionRepository repository;
    private final ConventionLecture lecture;
    private final ConventionAcces acces;
    private final OrganisationService organisations;
    private final TerritoireService territoires;
    private final Journal journal;
    private final HabilitationRepository habilitations;
    private final AnnuaireOrganisations annuaire;
    private final AnnuairePersonnes personnes;
    private final VerrouContractuel verrou;
    private final ApplicationEventPublisher evenements;
    private final JdbcClient jdbc;

    ConventionService(ConventionRepository repository, ConventionLecture lecture, ConventionAcces acces,
                      OrganisationService organisations, TerritoireService territoires, Journal journal,
                      HabilitationRepository habilitations, AnnuaireOrganisations annuaire, AnnuairePersonnes personnes,
                      VerrouContractuel verrou, ApplicationEventPublisher evenements, JdbcClient jdbc) {
        this.verrou = verrou;
        this.evenements = evenements;
        this.jdbc = jdbc;
        this.annuaire = annuaire;
        this.personnes = personnes;
        this.habilitations = habilitations;
        this.repository = repository;
        this.lecture = lecture;
        this.acces = acces;
        this.organisations = organisations;
        this.territoires = territoires;
        this.journal = journal;
    }

    public PageDeResultats<ConventionResume> rechercher(FiltreConventions filtre, int page, int taille) {
        return lecture.rechercher(UtilisateurConnecte.courant(), filtre, PageDeResultats.borner(page), Math.min(Math.max(1, taille), 100));
    }

    public List<String> departementsVisibles() {
        return lecture.departementsVisibles(UtilisateurConnecte.courant());
    }

    public List<Organisation> cafsVisibles() {
        return organisations.organisations(lecture.cafsVisibles(UtilisateurConnecte.courant())).stream()
                .sorted(Comparator.comparing(Organisation::nom)).toList();
    }

    public Convention convention(long id) {
        @SuppressWarnings("unchecked")
        Map<Long, Convention> lues = (Map<Long, Convention>) TransactionSynchronizationManager.getResource(LUES_DANS_LA_TRANSACTION);
        Convention dejaLue = lues == null ? null : lues.get(id);
        if (dejaLue != null) {
            return dejaLue;
        }
        Convention convention = repository.findById(id).orElseThrow(() -> new Introuvable("Convention " + id + " introuvable."));
        acces.verifierLecture(UtilisateurConnecte.courant(), id);
        if (lues != null) {
            lues.put(id, convention);
        }
        return convention;
    }

    /**
     * Until the current transaction ends, {@link #convention} returns the aggregate it read first (its reading right
     * checked then) instead of reading it again: for a bulk write of one user that does not change the convention
     * itself (the plan import writes hundreds of rows, each of which used to re-read the aggregate, 9 statements).
     */
    public void lireUneFoisJusquaLaFinDeLaTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(LUES_DANS_LA_TRANSACTION)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(LUES_DANS_LA_TRANSACTION, new HashMap<Long, Convention>());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int statut) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LUES_DANS_LA_TRANSACTION);
            }
        });
    }

    /** A convention just written is read again by the next {@link #convention} of the transaction or request. */
    private static void oublier(long id) {
        @SuppressWarnings("unchecked")
        Map<Long, Convention> lues = (Map<Long, Convention>) TransactionSynchronizationManager.getResource(LUES_DANS_LA_TRANSACTION);
        if (lues != null) {
            lues.remove(id);
        }
        @SuppressWarnings("unchecked")
        Map<Long, VueConvention> vues = (Map<Long, VueConvention>) TransactionSynchronizationManager.getResource(VUES_DE_LA_REQUETE);
        if (vues != null) {
            vues.remove(id);
        }
    }

    public VueConvention vue(long id) {
        @SuppressWarnings("unchecked")
        Map<Long, VueConvention> vues = (Map<Long, VueConvention>) TransactionSynchronizationManager.getResource(VUES_DE_LA_REQUETE);
        if (vues == null) {
            return construireVue(id);
        }
        VueConvention dejaVue = vues.get(id);
        if (dejaVue == null) {
            dejaVue = construireVue(id);
            vues.put(id, dejaVue);
        }
        return dejaVue;
    }

    private VueConvention construireVue(long id) {
        Convention convention = convention(id);
        Map<Long, Organisation> organisationsParId = organisationsDe(convention);
        Map<Long, Mandat> mandatsParId = organisations.mandats(convention.representants().stream()
                .map(Representant::mandatId).toList()).stream().collect(Collectors.toMap(Mandat::id, m -> m));
        List<VueConvention.VuePartie> parties = convention.parties().stream()
                .map(p -> new VueConvention.VuePartie(organisationsParId.get(p.organisationId()), p.role(),
                        convention.representantsDe(p.organisationId()).stream()
                                .map(r -> mandatsParId.get(r.mandatId())).filter(Objects::nonNull).toList(), p.nomImprime()))
                .toList();
        List<VueConvention.VueDeliberation> deliberations = new ArrayList<>();
        for (int i = 0; i < convention.deliberations().size(); i++) {
            Deliberation d = convention.deliberations().get(i);
            deliberations.add(new VueConvention.VueDeliberation(i, organisationsParId.get(d.organisationId()), d));
        }
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        boolean modifiable = acces.peutModifier(utilisateur, convention);
        return new VueConvention(convention, organisationsParId.get(convention.cafId()), parties, deliberations,
                Manques.pour(convention, idOrg -> nom(organisationsParId, idOrg)), modifiable,
                modifiable ? convention.statut().suivantsPermis() : Set.of());
    }

    @Transactional
    public Convention creer(NouvelleConvention nouvelle) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        if (utilisateur.role() != Role.ADMIN && utilisateur.role() != Role.AGENT_CAF) {
            throw new AccesRefuse("Seuls un agent de Caf ou un administrateur peuvent créer une convention.");
        }
        Organisation caf = nouvelle.cafId() == null ? null : organisations.organisation(nouvelle.cafId());
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (nouvelle.titre() == null || nouvelle.titre().isBlank()) {
            erreurs.add(new ErreurValidation.Erreur("titre", "Le titre de la convention est obligatoire."));
        }
        if (caf == null || caf.type() != TypeOrganisation.CAF) {
            erreurs.add(new ErreurValidation.Erreur("cafId", "Choisissez la Caf de la convention."));
        } else if (!utilisateur.estAdmin() && !Objects.equals(caf.id(), utilisateur.organisationId())) {
            erreurs.add(new ErreurValidation.Erreur("cafId", "Vous ne pouvez créer une convention que pour votre propre Caf."));
        }
        Epci epci = null;
        if (nouvelle.epci() == null || nouvelle.epci().isBlank()) {
            erreurs.add(new ErreurValidation.Erreur("epci", "Indiquez l'intercommunalité (EPCI) du territoire."));
        } else {
            String departementCaf = caf == null ? null : caf.codeDepartement();
            epci = territoires.epciParNom(nouvelle.epci())
                    .or(() -> departementCaf == null ? Optional.empty() : territoires.epciParNom(nouvelle.epci(), departementCaf))
                    .orElse(null);
            if (epci == null) {
                erreurs.add(new ErreurValidation.Erreur("epci", "Intercommunalité inconnue du référentiel : « "
                        + nouvelle.epci().trim() + " ». Vérifiez l'orthographe : le nom tel qu'au référentiel, par exemple « CC du Bassin d'Aubenas » ou « CA du Sud »."));
            }
        }
        Periode periode = null;
        try {
            periode = new Periode(nouvelle.dateDebut(), nouvelle.dateFin(), nouvelle.dureeAnnees());
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        Organisation organisationEpci = organisations.epciOuCreer(epci.nom(), epci.siren(), epci.codeDepartement());
        Convention convention = Convention.nouvelle(nouvelle.titre(), caf.id(), epci.siren(), epci.nom(),
                        epci.codeDepartement(), periode, utilisateur.identifiant(), OffsetDateTime.now())
                .avecPartie(caf.id(), RolePartie.SIGNATAIRE, caf.nom())
                .avecPartie(organisationEpci.id(), RolePartie.SIGNATAIRE, organisationEpci.nom())
                .avecCommunes(territoires.communesDeEpci(epci.siren()).stream()
                        .map(c -> new CommuneDuTerritoire(c.codeInsee(), c.nom(), c.population()))
                        .collect(Collectors.toSet()));
        Convention creee = repository.save(convention);
        journal.enregistrer("convention", creee.id(), creee.id(), "création",
                Changement.entre(Map.of(), resume(creee)));
        return creee;
    }

    @Transactional
    public Convention modifierInformations(long id, int version, InformationsConvention infos) {
        Convention actuelle = convention(id);
        Periode demandee = new Periode(infos.dateDebut(), infos.dateFin(), infos.dureeAnnees(), infos.periodeLibelle(),
                infos.reconduction());
        if (!Objects.equals(actuelle.titre(), infos.titre() == null ? null : infos.titre().strip())
                || !Objects.equals(actuelle.periode().dateDebut(), demandee.dateDebut()) || !Objects.equals(actuelle.periode().dateFin(), demandee.dateFin())
                || !Objects.equals(actuelle.periode().dureeAnnees(), demandee.dureeAnnees())) {
            verifierHorsAvenant(actuelle);
        }
        return modifier(id, version, "modification des informations", c -> c.avecInformations(
                infos.titre(), new Periode(infos.dateDebut(), infos.dateFin(), infos.dureeAnnees(), infos.periodeLibelle(),
                        infos.reconduction()),
                new Signature(vide(infos.lieuSignature()), infos.dateSignature(), infos.nombreOriginaux(),
                        infos.nombreOriginauxTexte()),
                infos.visas().stream().map(String::trim).filter(v -> !v.isEmpty()).map(Visa::new).toList(),
                infos.tientLieuSchemaAo()));
    }

    @Transactional
    public Convention ajouterPartie(long id, int version, long organisationId, RolePartie role) {
        return ajouterPartie(id, version, organisationId, role, null);
    }

    /** Adds an organisation as a party, keeping the name the document prints for it (ADR 0007). */
    @Transactional
    public Convention ajouterPartie(long id, int version, long organisationId, RolePartie role, String nomImprime) {
        Saisie.verifierTexte("nomImprime", "Nom imprimé", nomImprime, Limites.TITRE);
        Organisation organisation = organisations.organisation(organisationId);
        verifierHorsAvenant(convention(id));
        return modifier(id, version, "ajout d'une partie", c -> c.avecPartie(organisation.id(), role, organisation.nom(), nomImprime));
    }

    /**
     * Adds a party named as the document prints it ("Communauté de communes du Bassin d'Aubenas (CCBA)"): resolved to
     * the one organisation it designates, the printed name kept; otherwise a 400 listing the closest candidates.
     */
    @Transactional
    public Convention ajouterPartieNommee(long id, int version, String nomImprime, RolePartie role) {
        return ajouterPartieNommee(id, version, nomImprime, nomImprime, role);
    }

    /** As {@link #ajouterPartieNommee(long, int, String, RolePartie)}, the text searched and the printed name apart. */
    @Transactional
    public Convention ajouterPartieNommee(long id, int version, String recherche, String nomImprime, RolePartie role) {
        Convention convention = convention(id);
        acces.verifierModification(UtilisateurConnecte.courant(), convention);
        verifierVersion(convention, version);
        Organisation organisation = annuaire.resoudre("nomImprime", recherche);
        return ajouterPartie(id, version, organisation.id(), role, nomImprime == null || nomImprime.isBlank() ? recherche : nomImprime);
    }

    /** Adds a commune as a party, found by name in the referential (never guessed when ambiguous). */
    @Transactional
    public Convention ajouterCommunePartie(long id, int version, String nomCommune, String departement, RolePartie role) {
        Commune commune = resoudre(nomCommune, departement, "communePartie");
        Organisation organisation = organisations.communeOuCreer(commune.nom(), commune.codeInsee(), commune.codeDepartement());
        return ajouterPartie(id, version, organisation.id(), role);
    }

    @Transactional
    public Convention retirerPartie(long id, int version, long organisationId) {
        Organisation organisation = organisations.organisation(organisationId);
        verifierHorsAvenant(convention(id));
        return modifier(id, version, "retrait d'une partie", c -> c.sansPartie(organisationId, organisation.nom()));
    }

    @Transactional
    public Convention ajouterRepresentant(long id, int version, long organisationId, long mandatId) {
        Organisation organisation = organisations.organisation(organisationId);
        Mandat mandat = organisations.mandat(mandatId);
        verifierHorsAvenant(convention(id));
        return modifier(id, version, "ajout d'un représentant", c -> c.avecRepresentant(mandat, organisationId, organisation.nom()));
    }

    /**
     * Makes a person a representative of a party: an existing person ({@code personneId}) gets the mandate in the
     * party's organisation (reused if they already hold it); a new one is created, unless someone close holds a
     * mandate in a related organisation and the user has not confirmed a new person (400 listing them).
     */
    @Transactional
    public Convention ajouterNouveauRepresentant(long id, int version, long organisationId, NouveauRepresentant nouveau) {
        return ajouterNouveauRepresentant(id, version, organisationId, nouveau, null, false);
    }

    @Transactional
    public Convention ajouterNouveauRepresentant(long id, int version, long organisationId, NouveauRepresentant nouveau,
                                                 Long personneId, boolean nouvellePersonneConfirmee) {
        Convention convention = convention(id);
        acces.verifierModification(UtilisateurConnecte.courant(), convention);
        verifierVersion(convention, version);
        if (!convention.estPartie(organisationId)) {
            throw new ErreurValidation("organisationId", "Cette organisation n'est pas partie à la convention.");
        }
        Mandat mandat;
        if (personneId != null) {
            var personne = personnes.personneSansDroits(personneId);
            mandat = personne.mandats().stream()
                    .filter(m -> m.organisationId() == organisationId && m.fin() == null
                            && (nouveau.fonction() == null || nouveau.fonction().isBlank() || m.fonction().equalsIgnoreCase(nouveau.fonction().strip())))
                    .findFirst().map(m -> organisations.mandat(m.id()))
                    .orElseGet(() -> personnes.ajouterMandat(personneId, nouveau.fonction(), organisationId));
        } else {
            var personne = personnes.creerSansDroits(new SaisiePersonne(nouveau.civilite(), nouveau.prenom(), nouveau.nom(),
                    List.of(new SaisiePersonne.SaisieMandat(null, organisationId, nouveau.fonction(), null, null))), nouvellePersonneConfirmee);
            mandat = organisations.mandat(personne.mandats().get(0).id());
        }
        return ajouterRepresentant(id, version, organisationId, mandat.id());
    }

    @Transactional
    public Convention retirerRepresentant(long id, int version, long mandatId) {
        verifierHorsAvenant(convention(id));
        return modifier(id, version, "retrait d'un représentant", c -> c.sansRepresentant(mandatId));
    }

    @Transactional
    public Convention ajouterDeliberation(long id, int version, Deliberation deliberation) {
        return modifier(id, version, "ajout d'une délibération", c -> c.avecDeliberation(deliberation));
    }

    @Transactional
    public Convention retirerDeliberation(long id, int version, int index) {
        return modifier(id, version, "retrait d'une délibération", c -> c.sansDeliberation(index));
    }

    @Transactional
    public Convention ajouterCommune(long id, int version, String nomCommune, String departement) {
        Commune commune = resoudre(nomCommune, departement, "commune");
        return modifier(id, version, "ajout d'une commune au territoire",
                c -> c.avecCommune(new CommuneDuTerritoire(commune.codeInsee(), commune.nom(), commune.population())));
    }

    /**
     * How a former commune name leads to the current commune the territory gets ("« Asperjoc » a fusionné dans
     * « Vallées-d'Antraigues-Asperjoc »…"), shown when it is added; null for a current name or a name that does not resolve.
     */
    public String noteDeCommune(String nom, String departement) {
        if (nom == null || nom.isBlank()) {
            return null;
        }
        return territoires.resoudreCommune(nom.trim(), vide(departement)) instanceof ResolutionCommune.Trouvee t ? t.note() : null;
    }

    @Transactional
    public Convention retirerCommune(long id, int version, String codeInsee) {
        return modifier(id, version, "retrait d'une commune du territoire", c -> c.sansCommune(codeInsee));
    }

    @Transactional
    public Convention changerStatut(long id, int version, StatutConvention statut, String commentaire) {
        String auteur = UtilisateurConnecte.courant().identifiant();
        Convention changee = modifier(id, version, "changement de statut", c -> c.avecStatut(statut, auteur, OffsetDateTime.now(), commentaire));
        if (statut == StatutConvention.SIGNEE) {
            evenements.publishEvent(new ConventionSignee(id));
        }
        return changee;
    }

    /**
     * 409 pointing to the avenant when the contractual parts of this signed convention are locked (ADR 0025): the text,
     * parties and representatives, period and plan structure change only through an avenant.
     */
    public void verifierHorsAvenant(Convention convention) {
        verrou.verifier(convention);
    }

    /** Whether the contractual parts of this convention change only through an avenant. */
    public boolean contractuelVerrouille(Convention convention) {
        return verrou.estVerrouillee(convention);
    }

    /** The convention this one renews, if any (for those who may read this one). */
    public Optional<Long> predecesseur(long id) {
        convention(id);
        return jdbc.sql("SELECT predecesseur_id FROM convention WHERE id = :id AND predecesseur_id IS NOT NULL")
                .param("id", id).query(Long.class).optional();
    }

    /**
     * The chain of renewals around a convention the caller has already read (its reading right checked): the one it
     * renews and those renewing it, among those the current user may read, in one statement (the overview names them;
     * reading each aggregate to show a title cost as much as the rest of the page).
     */
    public ConventionLiee.Chaine chaine(Convention convention) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        record Lien(ConventionLiee convention, boolean suivante) {
        }
        List<Lien> liens = jdbc.sql("""
                        SELECT c.id, c.titre, c.statut, c.predecesseur_id IS NOT DISTINCT FROM :id AS suivante FROM convention c
                        WHERE (c.id = (SELECT p.predecesseur_id FROM convention p WHERE p.id = :id) OR c.predecesseur_id = :id)
                          AND c.id <> :id""" + " AND " + ConventionAcces.conditionDeLecture(utilisateur) + " ORDER BY c.id")
                .param("id", convention.id()).params(ConventionAcces.parametres(utilisateur))
                .query((rs, i) -> new Lien(new ConventionLiee(rs.getLong("id"), rs.getString("titre"),
                        StatutConvention.valueOf(rs.getString("statut"))), rs.getBoolean("suivante")))
                .list();
        Optional<ConventionLiee> precedente = liens.stream().filter(l -> !l.suivante()).map(Lien::convention).findFirst();
        List<ConventionLiee> suivantes = liens.stream().filter(Lien::suivante).map(Lien::convention).toList();
        return new ConventionLiee.Chaine(precedente, suivantes);
    }

    /** The conventions that renew this one. */
    public List<Long> successeurs(long id) {
        convention(id);
        return jdbc.sql("SELECT id FROM convention WHERE predecesseur_id = :id ORDER BY id").param("id", id).query(Long.class).list();
    }

    /** Links a new convention to the one it renews; called inside the renewal (checked and journalled there). */
    @Transactional
    public void definirPredecesseur(long id, long predecesseurId) {
        Convention convention = convention(id);
        acces.verifierModification(UtilisateurConnecte.courant(), convention);
        jdbc.sql("UPDATE convention SET predecesseur_id = :p WHERE id = :id").param("p", predecesseurId).param("id", id).update();
        journal.enregistrer("convention", id, id, "renouvellement de la convention " + predecesseurId,
                List.of(new Changement("CTG précédente", null, convention(predecesseurId).titre())));
    }

    /** Grants a user read access to one convention (a LECTEUR, an elected official, a partner). */
    @Transactional
    public void habiliter(long conventionId, long utilisateurId) {
        if (!UtilisateurConnecte.courant().estAdmin()) {
            throw new AccesRefuse("Seul un administrateur peut habiliter un utilisateur.");
        }
        habilitations.habiliter(conventionId, utilisateurId);
        journal.enregistrer("convention", conventionId, conventionId, "habilitation",
                List.of(new Changement("Habilitation", null, "utilisateur " + utilisateurId)));
    }

    /** Accounts granted read access to the convention (Art. 9), for those who may read it. */
    public Set<Long> lecteursHabilites(long conventionId) {
        convention(conventionId);
        return habilitations.utilisateurs(conventionId);
    }

    /** Organisations involved in the convention other than as parties (porteurs of fiches…), for those who may read it. */
    public Set<Long> organisationsImpliquees(long conventionId) {
        convention(conventionId);
        return habilitations.toutesLesImplications(conventionId);
    }

    /**
     * Grants an account read access to the convention (Art. 9), journalled under its real name. Those who may change the
     * convention grant: an agent of its Caf or an administrator to anyone, a party's chargé(e) de coopération only to
     * accounts of their own organisation. Refused (403) before anything is written.
     *
     * @param organisationDuCompte organisation of the account, as its feature read it
     * @param compte how the journal names the account ("Nom (identifiant)")
     */
    @Transactional
    public void accorderLecture(long conventionId, long utilisateurId, Long organisationDuCompte, String compte) {
        verifierGestionDesAcces(conventionId, organisationDuCompte);
        if (habilitations.habiliterSiAbsent(conventionId, utilisateurId)) {
            journal.enregistrer("convention", conventionId, conventionId, "accès en lecture accordé",
                    List.of(new Changement("Lecteur habilité", null, compte)));
        }
    }

    /** Withdraws a read access granted to an account: the same rights as granting it. */
    @Transactional
    public void retirerLecture(long conventionId, long utilisateurId, Long organisationDuCompte, String compte) {
        verifierGestionDesAcces(conventionId, organisationDuCompte);
        if (!habilitations.retirer(conventionId, utilisateurId)) {
            throw new Introuvable("Cet accès n'a pas été accordé sur cette convention (ou a déjà été retiré).");
        }
        journal.enregistrer("convention", conventionId, conventionId, "accès en lecture retiré",
                List.of(new Changement("Lecteur habilité", compte, null)));
    }

    private void verifierGestionDesAcces(long conventionId, Long organisationDuCompte) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        Convention convention = convention(conventionId);
        if (!acces.peutModifier(utilisateur, convention)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention (agents de sa Caf, chargé(e)s de coopération de ses "
                    + "parties) accordent ou retirent des accès.");
        }
        if (utilisateur.role() == Role.CHARGE_COOPERATION && !Objects.equals(organisationDuCompte, utilisateur.organisationId())) {
            throw new AccesRefuse("Un(e) chargé(e) de coopération n'accorde ou ne retire l'accès qu'aux personnes de sa propre organisation.");
        }
    }

    /**
     * Records which organisations a feature (e.g. "plan": the porteurs of fiches) involves in the
     * convention, so that their PORTEUR users can read it. Called inside that feature's write.
     */
    @Transactional
    public void definirOrganisationsImpliquees(long conventionId, String source, Collection<Long> organisations) {
        Set<Long> avant = habilitations.implications(conventionId, source);
        Set<Long> apres = Set.copyOf(organisations);
        if (avant.equals(apres)) {
            return;
        }
        habilitations.definirImplications(conventionId, source, apres);
        journaliserAcces(conventionId, "accès accordé (" + source + ")", apres.stream().filter(id -> !avant.contains(id)).toList());
        journaliserAcces(conventionId, "accès retiré (" + source + ")", avant.stream().filter(id -> !apres.contains(id)).toList());
    }

    /** Who gains or loses access is journalled under the organisation's real name, never a name typed in a form. */
    private void journaliserAcces(long conventionId, String action, List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return;
        }
        List<Organisation> concernees = this.organisations.organisations(organisationIds);
        journal.enregistrer("convention", conventionId, conventionId, action, concernees.stream()
                .map(o -> new Changement("Organisation", null, o.nom() + " (" + o.type().libelle() + ")")).toList());
    }

    /**
     * Organisations taking part in the conventions of a Caf (parties, or involved as porteurs…), the Caf included:
     * the organisations whose accounts an administrator of that Caf manages (ADR 0008).
     */
    public Set<Long> organisationsDesConventionsDeLaCaf(long cafId) {
        Set<Long> ids = new HashSet<>(lecture.organisationsDesConventionsDeLaCaf(cafId));
        ids.add(cafId);
        return ids;
    }

    /** Organisations taking part in any convention (parties or involved): those an administrator chooses among. */
    public Set<Long> organisationsDesConventions() {
        return Set.copyOf(lecture.organisationsDesConventions());
    }

    /** Whether the current user may change this convention (and so its whole plan). */
    public boolean peutModifier(Convention convention) {
        return acces.peutModifier(UtilisateurConnecte.courant(), convention);
    }

    private Convention modifier(long id, int version, String action, Function<Convention, Convention> changement) {
        Convention avant = convention(id);
        acces.verifierModification(UtilisateurConnecte.courant(), avant);
        verifierVersion(avant, version);
        Convention apres = changement.apply(avant);
        Convention enregistree;
        try {
            enregistree = repository.save(apres);
        } catch (OptimisticLockingFailureException e) {
            throw conflit();
        }
        oublier(id);
        List<Changement> changements = Changement.entre(resume(avant), resume(enregistree));
        journal.enregistrer("convention", id, id, action, changements);
        return enregistree;
    }

    private static void verifierVersion(Convention convention, int version) {
        if (!Objects.equals(convention.version(), version)) {
            throw conflit();
        }
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Cette convention a été modifiée par quelqu'un d'autre depuis que vous l'avez "
                + "ouverte : vos modifications n'ont pas été enregistrées. Rechargez la page pour voir la version actuelle, "
                + "puis refaites vos changements.");
    }

    private Commune resoudre(String nom, String departement, String champ) {
        if (nom == null || nom.isBlank()) {
            throw new ErreurValidation(champ, "Indiquez le nom de la commune.");
        }
        String dep = vide(departement);
        ResolutionCommune resolution = territoires.resoudreCommune(nom.trim(), dep);
        if (resolution instanceof ResolutionCommune.Trouvee trouvee) {
            return trouvee.commune();
        }
        if (resolution instanceof ResolutionCommune.Ambigue ambigue) {
            throw new ErreurValidation(champ, "Plusieurs communes s'appellent « " + nom.trim() + " » : "
                    + ambigue.candidats().stream().map(c -> c.nom() + " (" + c.codeDepartement() + ")")
                    .collect(Collectors.joining(", ")) + ". Précisez le département.");
        }
        List<Commune> proches = communesProches(nom.trim(), dep);
        throw new ErreurAvecCandidats(champ, "Commune inconnue du référentiel : « " + nom.trim() + " »"
                + (dep == null ? "" : " dans le département " + dep) + "."
                + (proches.isEmpty() ? "" : " Communes proches : " + proches.stream()
                .map(c -> c.nom() + " (" + c.codeDepartement() + ", " + c.codeInsee() + ")").collect(Collectors.joining(", ")) + "."),
                proches);
    }

    /** The closest current communes to a name that resolves to none: the whole name, its longest words, then its beginnings. */
    private List<Commune> communesProches(String nom, String departement) {
        java.util.LinkedHashSet<Commune> proches = new java.util.LinkedHashSet<>();
        List<String> essais = new java.util.ArrayList<>(List.of(nom));
        java.util.Arrays.stream(nom.split("[^\\p{L}]+")).filter(m -> m.length() >= 4)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).forEach(essais::add);
        // A typo near the end ("Aubenass"): shorter and shorter beginnings of the name.
        for (int longueur = nom.length() - 1; longueur >= 4; longueur--) {
            essais.add(nom.substring(0, longueur));
        }
        for (String essai : essais) {
            proches.addAll(territoires.rechercherCommunes(essai, departement, 5));
            if (proches.size() >= 5) {
                break;
            }
        }
        return proches.stream().limit(5).toList();
    }

    /** Labelled values of the convention (texts, or lists for collections), compared before and after a write. */
    private Map<String, Object> resume(Convention c) {
        Map<Long, Organisation> orgs = organisationsDe(c);
        Map<Long, Mandat> mandats = organisations.mandats(c.representants().stream().map(Representant::mandatId).toList())
                .stream().collect(Collectors.toMap(Mandat::id, m -> m));
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Titre", c.titre());
        resume.put("Statut", c.statut().libelle());
        resume.put("Période", c.periode().libelle());
        resume.put("Lieu de signature", c.signature().lieu());
        resume.put("Date de signature", FormatFr.date(c.signature().date()));
        resume.put("Période telle qu'écrite", c.periode().libelleImprime());
        resume.put("Reconduction", c.periode().reconduction() == null ? null : c.periode().reconduction().libelle());
        resume.put("Exemplaires originaux", c.signature().nombreOriginauxAffiche());
        resume.put("Tient lieu de schéma AO", c.tientLieuSchemaAo() ? "oui" : "non");
        resume.put("Visas", c.visas().stream().map(Visa::texte).toList());
        resume.put("Parties", c.parties().stream().map(p -> nom(orgs, p.organisationId()) + " (" + p.role().libelle() + ")").toList());
        resume.put("Représentants", c.representants().stream().map(r -> {
            Mandat m = mandats.get(r.mandatId());
            return m == null ? "?" : m.personne().nomComplet() + ", " + m.fonction() + " — " + nom(orgs, r.organisationId());
        }).toList());
        resume.put("Délibérations", c.deliberations().stream().map(d -> nom(orgs, d.organisationId()) + " : " + d.instance()
                + " du " + (d.date() != null ? FormatFr.date(d.date()) : d.dateTexte() == null ? "?" : d.dateTexte())).toList());
        resume.put("Communes", c.communesTriees().stream().map(CommuneDuTerritoire::nom).toList());
        return resume;
    }

    private Map<Long, Organisation> organisationsDe(Convention c) {
        Set<Long> ids = new HashSet<>();
        ids.add(c.cafId());
        c.parties().forEach(p -> ids.add(p.organisationId()));
        c.deliberations().forEach(d -> ids.add(d.organisationId()));
        Map<Long, Organisation> parId = new HashMap<>();
        organisations.organisations(List.copyOf(ids)).forEach(o -> parId.put(o.id(), o));
        return parId;
    }

    private static String nom(Map<Long, Organisation> organisations, long id) {
        Organisation organisation = organisations.get(id);
        return organisation == null ? "organisation " + id : organisation.nom();
    }

    private static String vide(String texte) {
        return texte == null || texte.isBlank() ? null : texte.trim();
    }
}
