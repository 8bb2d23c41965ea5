package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.InformationsConvention;
import fr.pilotectg.convention.StatutConvention;
import fr.pilotectg.convention.VerrouContractuel;
import fr.pilotectg.convention.Visa;
import fr.pilotectg.convention.NouveauRepresentant;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.offre.NouveauService;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.ServiceSoutenu;
import fr.pilotectg.offre.TypeService;
import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.Personne;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.Financement;
import fr.pilotectg.plan.Financeur;
import fr.pilotectg.plan.FinancementsService;
import fr.pilotectg.plan.Montants;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VueFiche;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.texte.SaisieSection;
import fr.pilotectg.texte.Section;
import fr.pilotectg.texte.TexteConvention;
import fr.pilotectg.texte.TexteRiche;
import fr.pilotectg.texte.TexteService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Avenants of a signed convention (ADR 0025): drafted as typed changes (the convention in force is untouched), shown as
 * a diff, applied atomically through the features' public services when signed, which takes a new version.
 */
@Service
public class AvenantsService {

    static final int CHANGEMENTS_MAX = 200;

    private final AvenantsRepository repository;
    private final ConventionService conventions;
    private final VersionsService versions;
    private final Photographe photographe;
    private final VerrouContractuel verrou;
    private final TexteService textes;
    private final PlanService plans;
    private final Journal journal;
    private final OrganisationService organisations;
    private final OffreService offre;
    private final FinancementsService financements;
    private final AvenantDeLAo lignesAo;

    AvenantsService(AvenantsRepository repository, ConventionService conventions, VersionsService versions,
                    Photographe photographe, VerrouContractuel verrou, TexteService textes, PlanService plans, Journal journal,
                    OrganisationService organisations, OffreService offre, FinancementsService financements,
                    AvenantDeLAo lignesAo) {
        this.lignesAo = lignesAo;
        this.financements = financements;
        this.organisations = organisations;
        this.offre = offre;
        this.repository = repository;
        this.conventions = conventions;
        this.versions = versions;
        this.photographe = photographe;
        this.verrou = verrou;
        this.textes = textes;
        this.plans = plans;
        this.journal = journal;
    }

    /** A created draft and the warnings it raised (another draft touching the same things, confirmed). */
    public record Redaction(Avenant avenant, List<String> avertissements) {
    }

    public List<Avenant> avenants(long conventionId) {
        conventions.convention(conventionId);
        return repository.avenants(conventionId);
    }

    public Avenant avenant(long conventionId, int numero) {
        conventions.convention(conventionId);
        return repository.avenant(conventionId, numero)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas d'avenant n°" + numero + "."));
    }

    /** The avenant's changes, read against the version in force (a draft) or as applied (signed: version before → after). */
    public List<Difference> differences(long conventionId, int numero) {
        Avenant avenant = avenant(conventionId, numero);
        if (avenant.versionCreee() != null) {
            return versions.comparer(conventionId, avenant.versionCreee() - 1, avenant.versionCreee());
        }
        Instantane actuel = photographe.photographier(conventionId);
        return Differences.entre(actuel, simuler(actuel, avenant.changements()));
    }

    @Transactional
    public Redaction rediger(long conventionId, SaisieAvenant saisie) {
        Convention convention = versions.gerable(conventionId);
        if (saisie == null) {
            throw new ErreurValidation("changements", "Décrivez l'avenant : son objet et ses changements.");
        }
        exigerSignee(convention);
        Saisie.verifierTexte("objet", "Objet de l'avenant", saisie.objet(), Limites.TITRE);
        if (saisie.objet() == null || saisie.objet().isBlank()) {
            throw new ErreurValidation("objet", "L'objet de l'avenant est obligatoire (par exemple « Prolongation d'un an et fiche nouvelle »).");
        }
        repository.verrouiller(conventionId);
        int enVigueur = verrou.versionContractuelle(conventionId);
        if (saisie.versionBase() != null && enVigueur > 0 && saisie.versionBase() != enVigueur) {
            throw new ConflitDeModification("Cet avenant a été préparé sur la version " + saisie.versionBase()
                    + " de la convention, mais la version " + enVigueur + " est entrée en vigueur depuis : rechargez la page "
                    + "et refaites vos changements sur la version en vigueur. Rien n'a été enregistré.");
        }
        Instantane actuel = photographe.photographier(conventionId);
        List<ChangementAvenant> changements = valider(convention, actuel, saisie.changements());
        if (Differences.entre(actuel, simuler(actuel, changements)).isEmpty()) {
            throw new ErreurValidation("changements", "Cet avenant ne change rien à la convention en vigueur : rien n'a été enregistré.");
        }
        List<String> avertissements = chevauchements(conventionId, changements, actuel);
        if (!avertissements.isEmpty() && !Boolean.TRUE.equals(saisie.confirmerChevauchement())) {
            throw new ConflitDeModification(String.join(" ", avertissements) + " Confirmez pour rédiger quand même ce projet "
                    + "(« confirmerChevauchement »: true). Rien n'a été enregistré.");
        }
        int base = versions.versionSigneeAuBesoin(conventionId);
        Avenant avenant = new Avenant(conventionId, repository.prochainNumero(conventionId), saisie.objet().strip(),
                StatutAvenant.PROJET, base, changements, null, UtilisateurConnecte.identifiantCourantOuSysteme(),
                OffsetDateTime.now(), null, null, 0);
        repository.inserer(avenant);
        journal.enregistrer("avenant", (long) avenant.numero(), conventionId, "rédaction de l'avenant n°" + avenant.numero(),
                List.of(new Changement("Avenant n°" + avenant.numero(), null, avenant.objet() + " (" + changements.size() + " changement(s))")));
        return new Redaction(avenant(conventionId, avenant.numero()), avertissements);
    }

    /**
     * projet → signé (the changes apply atomically through the features' services and version n+1 is taken) → en vigueur.
     */
    @Transactional
    public Avenant changerStatut(long conventionId, int numero, Integer version, StatutAvenant statut, LocalDate date) {
        Convention convention = versions.gerable(conventionId);
        Avenant avenant = avenant(conventionId, numero);
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version de l'avenant que vous avez lue.");
        }
        if (statut == null) {
            throw new ErreurValidation("statut", "Choisissez le nouveau statut : SIGNE ou EN_VIGUEUR.");
        }
        if (version != avenant.version()) {
            throw conflitAvenant();
        }
        LocalDate le = date == null ? LocalDate.now() : date;
        Saisie.verifierAnnee("date", "Date", le);
        if (avenant.statut() == StatutAvenant.PROJET && statut == StatutAvenant.SIGNE) {
            exigerSignee(convention);
            repository.verrouiller(conventionId);
            int enVigueur = verrou.versionContractuelle(conventionId);
            if (enVigueur != avenant.versionBase()) {
                throw new ConflitDeModification("Cet avenant a été rédigé sur la version " + avenant.versionBase()
                        + " de la convention ; la version " + enVigueur + " est en vigueur depuis (un autre avenant a été signé). "
                        + "Rédigez un nouvel avenant sur la version en vigueur. Rien n'a été enregistré.");
            }
            if (!repository.changerStatut(conventionId, numero, version, StatutAvenant.SIGNE, le, null, null)) {
                throw conflitAvenant();
            }
            verrou.pendantAvenant(conventionId, () -> {
                appliquer(conventionId, avenant.changements());
                return null;
            });
            VersionConvention nouvelle = versions.figer(conventionId, "Avenant n°" + numero, numero, le);
            repository.changerStatut(conventionId, numero, version + 1, StatutAvenant.SIGNE, null, null, nouvelle.numero());
            journal.enregistrer("avenant", (long) numero, conventionId, "signature de l'avenant n°" + numero,
                    List.of(new Changement("Statut", StatutAvenant.PROJET.libelle(), StatutAvenant.SIGNE.libelle()),
                            new Changement("Version en vigueur", String.valueOf(nouvelle.numero() - 1), String.valueOf(nouvelle.numero()))));
        } else if (avenant.statut() == StatutAvenant.SIGNE && statut == StatutAvenant.EN_VIGUEUR) {
            if (!repository.changerStatut(conventionId, numero, version, StatutAvenant.EN_VIGUEUR, null, le, null)) {
                throw conflitAvenant();
            }
            journal.enregistrer("avenant", (long) numero, conventionId, "entrée en vigueur de l'avenant n°" + numero,
                    List.of(new Changement("Statut", StatutAvenant.SIGNE.libelle(), StatutAvenant.EN_VIGUEUR.libelle())));
        } else {
            throw new ErreurValidation("statut", "Passage interdit de « " + avenant.statut().libelle() + " » à « "
                    + statut.libelle() + " » : un projet se signe, un avenant signé entre en vigueur.");
        }
        return avenant(conventionId, numero);
    }

    // --- validation -------------------------------------------------------------------------------------------------

    private static void exigerSignee(Convention convention) {
        StatutConvention s = convention.statut();
        if (s.estAvantSignature()) {
            throw new ErreurValidation("statut", "Cette convention n'est pas encore signée : modifiez-la directement, sans avenant.");
        }
        if (s == StatutConvention.ECHUE || s == StatutConvention.RESILIEE || s == StatutConvention.RENOUVELEE) {
            throw new ErreurValidation("statut", "Cette convention est « " + s.libelle() + " » : elle ne se modifie plus par avenant.");
        }
    }

    private List<ChangementAvenant> valider(Convention convention, Instantane actuel, List<ChangementAvenant> saisis) {
        if (saisis == null || saisis.isEmpty()) {
            throw new ErreurValidation("changements", "Un avenant porte au moins un changement : cet avenant ne change rien.");
        }
        if (saisis.size() > CHANGEMENTS_MAX) {
            throw new ErreurValidation("changements", "Au plus " + CHANGEMENTS_MAX + " changements par avenant.");
        }
        Map<String, Long> parReference = new HashMap<>();
        Set<Long> fiches = new LinkedHashSet<>();
        actuel.fiches().forEach(f -> {
            fiches.add(f.id());
            if (f.reference() != null) {
                parReference.put(f.reference().strip().toUpperCase(), f.id());
            }
        });
        Set<Long> noeuds = new LinkedHashSet<>();
        actuel.noeuds().forEach(n -> noeuds.add(n.id()));
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<ChangementAvenant> valides = new ArrayList<>();
        for (int i = 0; i < saisis.size(); i++) {
            ChangementAvenant c = saisis.get(i);
            String p = "changements[" + i + "].";
            if (c == null || c.type() == null) {
                erreurs.add(new ErreurValidation.Erreur(p + "type", "Changement " + (i + 1) + " : précisez son type (PERIODE, "
                        + "FICHE_AJOUTEE, FICHE_MODIFIEE, FICHE_SUPPRIMEE, SECTION_MODIFIEE, SECTION_AJOUTEE, PARTIE_AJOUTEE, PARTIE_RETIREE, SERVICE_AJOUTE, SERVICE_RETIRE, "
                        + "SERVICE_MODIFIE, REPRESENTANT_AJOUTE, REPRESENTANT_MODIFIE, REPRESENTANT_RETIRE, FINANCEMENT_AJOUTE, "
                        + "FINANCEMENT_MODIFIE, FINANCEMENT_RETIRE, AO_LIGNE_AJOUTEE, AO_LIGNE_MODIFIEE, AO_LIGNE_RETIREE)."));
                continue;
            }
            String titre = c.titre() == null || c.titre().isBlank() ? null : c.titre().strip();
            if (titre != null && (Saisie.probleme(titre, Limites.TITRE) != null || titre.contains("\n"))) {
                erreurs.add(new ErreurValidation.Erreur(p + "titre", "Changement " + (i + 1) + " : le titre tient sur une ligne de "
                        + Limites.TITRE + " caractères au plus."));
                continue;
            }
            String probleme = Saisie.probleme(c.texte(), Limites.TEXTE);
            if (probleme != null) {
                erreurs.add(new ErreurValidation.Erreur(p + "texte", "Changement " + (i + 1) + " : le texte " + probleme));
                continue;
            }
            for (Map.Entry<String, String> e : c.champs().entrySet()) {
                if (Saisie.probleme(e.getKey(), Limites.CODE) != null || Saisie.probleme(e.getValue(), Limites.TEXTE) != null) {
                    erreurs.add(new ErreurValidation.Erreur(p + "champs", "Changement " + (i + 1) + " : champ « "
                            + Saisie.tronquer(e.getKey()) + " » trop long ou illisible."));
                }
            }
            Long ficheId = c.ficheId();
            if (ficheId == null && c.reference() != null) {
                ficheId = parReference.get(c.reference().strip().toUpperCase());
            }
            switch (c.type()) {
                case PERIODE -> {
                    if (c.dateFin() == null) {
                        erreurs.add(new ErreurValidation.Erreur(p + "dateFin", "Changement " + (i + 1) + " : indiquez la nouvelle date de fin."));
                    } else if (actuel.dateDebut() != null && !c.dateFin().isAfter(actuel.dateDebut())
                            || c.dateFin().getYear() > Limites.ANNEE_MAX) {
                        erreurs.add(new ErreurValidation.Erreur(p + "dateFin", "Changement " + (i + 1)
                                + " : la nouvelle fin doit suivre le début de la convention."));
                    } else {
                        valides.add(new ChangementAvenant(c.type(), c.dateFin(), null, null, null, null, null, null, null, null));
                    }
                }
                case FICHE_AJOUTEE -> {
                    if (titre == null) {
                        erreurs.add(new ErreurValidation.Erreur(p + "titre", "Changement " + (i + 1) + " : le titre de la fiche ajoutée est obligatoire."));
                    } else if (actuel.niveaux().isEmpty()) {
                        erreurs.add(new ErreurValidation.Erreur(p + "noeudId", "Changement " + (i + 1) + " : cette convention n'a pas de plan d'actions."));
                    } else if (c.noeudId() != null && !noeuds.contains(c.noeudId())) {
                        erreurs.add(new ErreurValidation.Erreur(p + "noeudId", "Changement " + (i + 1) + " : cet élément n'existe pas dans le plan."));
                    } else {
                        valides.add(new ChangementAvenant(c.type(), null, null, null, c.noeudId(), titre, c.champs(), null, null, null));
                    }
                }
                case FICHE_MODIFIEE, FICHE_SUPPRIMEE -> {
                    if (ficheId == null || !fiches.contains(ficheId)) {
                        erreurs.add(new ErreurValidation.Erreur(c.ficheId() != null ? p + "ficheId" : p + "reference", "Changement " + (i + 1)
                                + " : fiche introuvable dans le plan en vigueur" + (c.reference() == null ? "." : " (« " + Saisie.tronquer(c.reference()) + " »).")));
                    } else if (c.type() == TypeChangement.FICHE_MODIFIEE && titre == null && c.champs().isEmpty()) {
                        erreurs.add(new ErreurValidation.Erreur(p + "titre", "Changement " + (i + 1) + " : indiquez le nouveau titre ou les champs modifiés."));
                    } else {
                        valides.add(new ChangementAvenant(c.type(), null, ficheId, null, null, titre, c.champs(), null, null, null));
                    }
                }
                case SECTION_MODIFIEE, SECTION_AJOUTEE -> {
                    int n = actuel.sections().size();
                    boolean ajout = c.type() == TypeChangement.SECTION_AJOUTEE;
                    Integer rang = c.section() == null && ajout ? Integer.valueOf(n + 1) : c.section();
                    if (rang == null || rang < 1 || rang > (ajout ? n + 1 : n)) {
                        erreurs.add(new ErreurValidation.Erreur(p + "section", "Changement " + (i + 1) + " : le texte compte " + n
                                + " sections ; indiquez une position de 1 à " + (ajout ? n + 1 : n) + "."));
                    } else if (ajout && titre == null) {
                        erreurs.add(new ErreurValidation.Erreur(p + "titre", "Changement " + (i + 1) + " : le titre de la section ajoutée est obligatoire."));
                    } else if (!ajout && titre == null && c.texte() == null) {
                        erreurs.add(new ErreurValidation.Erreur(p + "texte", "Changement " + (i + 1) + " : indiquez le nouveau texte ou le nouveau titre."));
                    } else {
                        String nature = ajout ? (c.nature() == null ? "ARTICLE" : c.nature()) : null;
                        if (ajout && !List.of("PREAMBULE", "ARTICLE", "CLAUSE").contains(nature)) {
                            nature = "ARTICLE";
                        }
                        valides.add(new ChangementAvenant(c.type(), null, null, null, null, titre, null, rang, nature,
                                c.texte() == null ? null : TexteRiche.nettoyer(c.texte())));
                    }
                }
                case PARTIE_AJOUTEE, PARTIE_RETIREE -> {
                    ChangementAvenant partie = partie(convention, actuel, c, p, i, erreurs);
                    if (partie != null) {
                        valides.add(partie);
                    }
                }
                case SERVICE_AJOUTE, SERVICE_RETIRE -> {
                    ChangementAvenant service = service(actuel, c, p, i, erreurs);
                    if (service != null) {
                        valides.add(service);
                    }
                }
                case SERVICE_MODIFIE -> {
                    ChangementAvenant service = serviceModifie(actuel, c, p, i, erreurs);
                    if (service != null) {
                        valides.add(service);
                    }
                }
                case REPRESENTANT_AJOUTE, REPRESENTANT_MODIFIE, REPRESENTANT_RETIRE -> {
                    ChangementAvenant representant = representant(convention, actuel, c, p, i, erreurs);
                    if (representant != null) {
                        valides.add(representant);
                    }
                }
                case AO_LIGNE_AJOUTEE, AO_LIGNE_MODIFIEE, AO_LIGNE_RETIREE -> {
                    ChangementAvenant ligne = lignesAo.valider(convention, actuel, c, p, i, erreurs);
                    if (ligne != null) {
                        valides.add(ligne);
                    }
                }
                case FINANCEMENT_AJOUTE, FINANCEMENT_MODIFIE, FINANCEMENT_RETIRE -> {
                    ChangementAvenant financement = financement(convention, actuel, c, ficheId, p, i, erreurs);
                    if (financement != null) {
                        valides.add(financement);
                    }
                }
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return valides;
    }

    /** A row of the services annex removed (one of the version in force) or added (a known type, a name). */
    private static ChangementAvenant service(Instantane actuel, ChangementAvenant c, String p, int i, List<ErreurValidation.Erreur> erreurs) {
        List<Instantane.ServiceFige> services = actuel.services() == null ? List.of() : actuel.services();
        if (c.type() == TypeChangement.SERVICE_RETIRE) {
            Optional<Instantane.ServiceFige> service = services.stream().filter(x -> Objects.equals(x.id(), c.serviceId())).findFirst();
            if (service.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(p + "serviceId", "Changement " + (i + 1) + " : le service n° " + c.serviceId()
                        + " n'est pas dans l'annexe des services en vigueur."));
                return null;
            }
            return ChangementAvenant.service(c.type(), c.serviceId(), Saisie.tronquer(service.get().nom() != null ? service.get().nom()
                    : service.get().typeImprime()), null);
        }
        Map<String, String> champs = new LinkedHashMap<>();
        String type = c.champs().get("type");
        TypeService lu = null;
        try {
            lu = type == null ? null : TypeService.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            lu = null;
        }
        if (lu == null) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.type", "Changement " + (i + 1) + " : le type du service ajouté est "
                    + "obligatoire, un des types du catalogue (" + String.join(", ", java.util.Arrays.stream(TypeService.values())
                    .map(Enum::name).toList()) + ")."));
            return null;
        }
        champs.put("type", lu.name());
        for (String cle : List.of("nom", "gestionnaire", "commune")) {
            String valeur = c.champs().get(cle);
            if (valeur != null && !valeur.isBlank()) {
                champs.put(cle, valeur.strip());
            }
        }
        if (!champs.containsKey("nom")) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.nom", "Changement " + (i + 1) + " : le nom du service ajouté est obligatoire."));
            return null;
        }
        String capacite = c.champs().get("capacite");
        if (capacite != null && !capacite.isBlank()) {
            if (!capacite.strip().matches("\\d{1,6}")) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs.capacite", "Changement " + (i + 1)
                        + " : la capacité est un nombre entier de places (reçu : « " + Saisie.tronquer(capacite) + " »)."));
                return null;
            }
            champs.put("capacite", capacite.strip());
        }
        return ChangementAvenant.service(c.type(), null, Saisie.tronquer(champs.get("nom")), champs);
    }

    /** The fields of a services-annex row an avenant may change (those of the snapshot). */
    static final List<String> CHAMPS_SERVICE = List.of("type", "nom", "gestionnaire", "commune", "capacite");

    /** A row of the annex in force changed: only known fields, a type of the catalogue, a name never blank, a whole capacity. */
    private static ChangementAvenant serviceModifie(Instantane actuel, ChangementAvenant c, String p, int i,
                                                    List<ErreurValidation.Erreur> erreurs) {
        List<Instantane.ServiceFige> services = actuel.services() == null ? List.of() : actuel.services();
        Optional<Instantane.ServiceFige> service = services.stream().filter(x -> c.serviceId() != null && Objects.equals(x.id(), c.serviceId())).findFirst();
        if (service.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(p + "serviceId", "Changement " + (i + 1) + " : " + (c.serviceId() == null
                    ? "indiquez la ligne de l'annexe modifiée (serviceId)." : "le service n° " + c.serviceId()
                    + " n'est pas dans l'annexe des services en vigueur.")));
            return null;
        }
        if (c.champs().isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs", "Changement " + (i + 1) + " : indiquez les champs modifiés ("
                    + String.join(", ", CHAMPS_SERVICE) + ")."));
            return null;
        }
        Map<String, String> champs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : c.champs().entrySet()) {
            String cle = e.getKey();
            String valeur = e.getValue().strip();
            String champ = p + "champs." + cle;
            if (!CHAMPS_SERVICE.contains(cle)) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", "Changement " + (i + 1) + " : « " + Saisie.tronquer(cle)
                        + " » n'est pas un champ d'une ligne de l'annexe (" + String.join(", ", CHAMPS_SERVICE) + ")."));
                return null;
            }
            if (cle.equals("type")) {
                if (java.util.Arrays.stream(TypeService.values()).noneMatch(t -> t.name().equals(valeur))) {
                    erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : le type est un des types du catalogue ("
                            + String.join(", ", java.util.Arrays.stream(TypeService.values()).map(Enum::name).toList()) + ")."));
                    return null;
                }
            } else if (cle.equals("nom") && valeur.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : le nom du service ne peut pas être vidé."));
                return null;
            } else if (cle.equals("capacite") && !valeur.isEmpty() && !valeur.matches("\\d{1,6}")) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1)
                        + " : la capacité est un nombre entier de places (reçu : « " + Saisie.tronquer(valeur) + " »)."));
                return null;
            } else if (Saisie.probleme(valeur, Limites.TITRE) != null || valeur.contains("\n")) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : « " + cle + " » tient sur une ligne de "
                        + Limites.TITRE + " caractères au plus."));
                return null;
            }
            champs.put(cle, valeur);
        }
        Instantane.ServiceFige s = service.get();
        return ChangementAvenant.service(c.type(), s.id(), Saisie.tronquer(s.nom() != null ? s.nom() : s.typeImprime()), champs);
    }

    /** The row of the annex after a {@code SERVICE_MODIFIE}: a blank optional field is cleared, a new type reads as its label. */
    static Instantane.ServiceFige serviceModifie(Instantane.ServiceFige s, Map<String, String> champs) {
        java.util.function.Function<String, String> lu = cle -> champs.get(cle).isBlank() ? null : champs.get(cle);
        return new Instantane.ServiceFige(s.id(),
                champs.containsKey("type") ? TypeService.valueOf(champs.get("type")).libelle() : s.typeImprime(),
                champs.containsKey("nom") ? champs.get("nom") : s.nom(),
                champs.containsKey("gestionnaire") ? lu.apply("gestionnaire") : s.gestionnaire(),
                champs.containsKey("commune") ? lu.apply("commune") : s.commune(),
                champs.containsKey("capacite") ? (champs.get("capacite").isBlank() ? null : Integer.valueOf(champs.get("capacite"))) : s.capacite());
    }

    /** The fields of a financing line an avenant names. */
    static final List<String> CHAMPS_FINANCEMENT = List.of("annee", "financeur", "nom", "prevu");

    /**
     * A planned financing line of a fiche in force: added (no line yet for that year and funder, the actual amounts
     * included), its planned amount changed, or removed (a planned line of the version in force). Kept as
     * {@code champs} annee, financeur, nom (if any), prevu (cents); {@code titre} names the fiche.
     */
    private ChangementAvenant financement(Convention convention, Instantane actuel, ChangementAvenant c, Long ficheId, String p,
                                          int i, List<ErreurValidation.Erreur> erreurs) {
        String n = "Changement " + (i + 1) + " : ";
        Optional<Instantane.FicheFigee> fiche = actuel.fiches().stream().filter(f -> ficheId != null && ficheId.equals(f.id())).findFirst();
        if (fiche.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(c.ficheId() == null && c.reference() != null ? p + "reference" : p + "ficheId",
                    n + "fiche introuvable dans le plan en vigueur (indiquez ficheId ou reference)."));
            return null;
        }
        for (String cle : c.champs().keySet()) {
            if (!CHAMPS_FINANCEMENT.contains(cle)) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "« " + Saisie.tronquer(cle)
                        + " » n'est pas un champ d'une ligne de financement (" + String.join(", ", CHAMPS_FINANCEMENT) + ")."));
                return null;
            }
        }
        List<Integer> annees = fr.pilotectg.plan.PlanService.anneesPeriode(convention);
        Integer annee;
        try {
            annee = Integer.valueOf(c.champs().getOrDefault("annee", "").strip());
        } catch (NumberFormatException e) {
            annee = null;
        }
        if (annee == null || (annees.isEmpty() ? annee < Limites.ANNEE_MIN || annee > Limites.ANNEE_MAX : !annees.contains(annee))) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.annee", n + "l'année est une année de la convention"
                    + (annees.isEmpty() ? "." : " (" + annees.get(0) + " – " + annees.get(annees.size() - 1) + ").")));
            return null;
        }
        Financeur financeur = java.util.Arrays.stream(Financeur.values())
                .filter(f -> f.name().equals(c.champs().getOrDefault("financeur", "").strip())).findFirst().orElse(null);
        if (financeur == null) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.financeur", n + "le financeur est un de "
                    + String.join(", ", java.util.Arrays.stream(Financeur.values()).map(Enum::name).toList()) + "."));
            return null;
        }
        String nom = c.champs().getOrDefault("nom", "").strip();
        if (financeur.nomme() == nom.isEmpty() || Saisie.probleme(nom, Limites.TITRE) != null || nom.contains("\n")) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.nom", n + (financeur.nomme()
                    ? "nommez " + (financeur == Financeur.COLLECTIVITE ? "la collectivité" : "le financeur") + " (une ligne de "
                    + Limites.TITRE + " caractères au plus)." : "« " + financeur.libelle() + " » ne prend pas de nom.")));
            return null;
        }
        Map<String, String> champs = new LinkedHashMap<>();
        champs.put("annee", String.valueOf(annee));
        champs.put("financeur", financeur.name());
        if (!nom.isEmpty()) {
            champs.put("nom", nom);
        }
        if (c.type() != TypeChangement.FINANCEMENT_RETIRE) {
            Long prevu;
            try {
                prevu = Montants.lire(p + "champs.prevu", c.champs().get("prevu"));
            } catch (ErreurValidation e) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs.prevu", n + e.getMessage()));
                return null;
            }
            if (prevu == null) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs.prevu", n + "indiquez le montant prévu en euros (par exemple 1 200)."));
                return null;
            }
            champs.put("prevu", String.valueOf(prevu));
        }
        String cle = cleFinancement(ficheId, champs);
        boolean prevue = actuel.financements() != null && actuel.financements().stream().anyMatch(l -> l.cle().equals(cle));
        if (c.type() == TypeChangement.FINANCEMENT_AJOUTE) {
            if (financements.deLaFiche(ficheId).stream().anyMatch(l -> memeLigne(l, champs))) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "cette fiche a déjà une ligne pour ce financeur en "
                        + annee + " : changez son montant prévu (FINANCEMENT_MODIFIE)."));
                return null;
            }
        } else if (!prevue) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "la fiche n'a pas de financement prévu pour ce financeur en "
                    + annee + " dans la version en vigueur."));
            return null;
        }
        Instantane.FicheFigee f = fiche.get();
        return new ChangementAvenant(c.type(), null, ficheId, null, null, f.reference() == null ? f.titre() : f.reference(), champs,
                null, null, null);
    }

    static String cleFinancement(long ficheId, Map<String, String> champs) {
        return new Instantane.FinancementFige(ficheId, Integer.parseInt(champs.get("annee")), champs.get("financeur"), null,
                champs.get("nom"), null).cle();
    }

    private static boolean memeLigne(Financement l, Map<String, String> champs) {
        return l.annee() == Integer.parseInt(champs.get("annee")) && l.financeur().name().equals(champs.get("financeur"))
                && (l.nom() == null ? !champs.containsKey("nom") : l.nom().equalsIgnoreCase(champs.getOrDefault("nom", "")));
    }

    private static boolean estFinancement(ChangementAvenant c) {
        return c.type() == TypeChangement.FINANCEMENT_AJOUTE || c.type() == TypeChangement.FINANCEMENT_MODIFIE
                || c.type() == TypeChangement.FINANCEMENT_RETIRE;
    }

    /** The fields of a representative an avenant may set. */
    static final List<String> CHAMPS_REPRESENTANT = List.of("civilite", "prenom", "nom", "fonction");

    /**
     * A representative added to a party in force (name and function required), or one of a party's representatives
     * ({@code mandatId}) changed (the fields given replace the current ones) or removed.
     */
    private ChangementAvenant representant(Convention convention, Instantane actuel, ChangementAvenant c, String p, int i,
                                           List<ErreurValidation.Erreur> erreurs) {
        String n = "Changement " + (i + 1) + " : ";
        if (c.organisationId() == null) {
            erreurs.add(new ErreurValidation.Erreur(p + "organisationId", n + "indiquez la partie représentée (organisationId)."));
            return null;
        }
        Optional<Instantane.PartieFigee> partie = actuel.parties().stream().filter(x -> x.organisationId() == c.organisationId()).findFirst();
        if (partie.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(p + "organisationId", n + "l'organisation n° " + c.organisationId()
                    + " n'est pas partie à la convention en vigueur."));
            return null;
        }
        Map<String, String> champs = new LinkedHashMap<>();
        String ligne = null;
        if (c.type() != TypeChangement.REPRESENTANT_AJOUTE) {
            if (c.mandatId() == null || convention.representantsDe(c.organisationId()).stream().noneMatch(r -> r.mandatId() == c.mandatId())) {
                erreurs.add(new ErreurValidation.Erreur(p + "mandatId", n + (c.mandatId() == null ? "indiquez le représentant (mandatId)."
                        : "le mandat n° " + c.mandatId() + " n'est pas celui d'un représentant de " + partie.get().nom() + ".")));
                return null;
            }
            Mandat mandat = organisations.mandat(c.mandatId());
            ligne = ligneRepresentant(mandat.personne(), mandat.fonction());
            if (c.type() == TypeChangement.REPRESENTANT_RETIRE) {
                return ChangementAvenant.representant(c.type(), c.organisationId(), c.mandatId(), ligne, null);
            }
            champs.put("civilite", mandat.personne().civilite() == null ? "" : mandat.personne().civilite());
            champs.put("prenom", mandat.personne().prenom() == null ? "" : mandat.personne().prenom());
            champs.put("nom", mandat.personne().nom());
            champs.put("fonction", mandat.fonction());
            if (c.champs().isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "indiquez ce qui change (civilite, prenom, nom, fonction)."));
                return null;
            }
        }
        for (Map.Entry<String, String> e : c.champs().entrySet()) {
            if (!CHAMPS_REPRESENTANT.contains(e.getKey())) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "« " + Saisie.tronquer(e.getKey())
                        + " » n'est pas un champ d'un représentant (civilite, prenom, nom, fonction)."));
                return null;
            }
            String valeur = e.getValue().strip();
            if (Saisie.probleme(valeur, Limites.TITRE) != null || valeur.contains("\n")) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs." + e.getKey(), n + "« " + e.getKey() + " » tient sur une ligne de "
                        + Limites.TITRE + " caractères au plus."));
                return null;
            }
            champs.put(e.getKey(), valeur);
        }
        for (String obligatoire : List.of("nom", "fonction")) {
            if (champs.getOrDefault(obligatoire, "").isBlank()) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs." + obligatoire, n + (obligatoire.equals("nom")
                        ? "le nom du représentant est obligatoire." : "la fonction du représentant est obligatoire (par exemple « Maire »).")));
                return null;
            }
        }
        if (ligneRepresentant(champs).equals(ligne)) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "ces champs sont ceux du représentant en vigueur : rien ne change."));
            return null;
        }
        return ChangementAvenant.representant(c.type(), c.organisationId(), c.mandatId(), ligne, champs);
    }

    /** A representative's line in a snapshot ("M. Jean Martin, Maire"), as {@link Photographe} writes it. */
    static String ligneRepresentant(Personne personne, String fonction) {
        return personne.nomComplet() + ", " + fonction;
    }

    static String ligneRepresentant(Map<String, String> champs) {
        return ligneRepresentant(new Personne(0, champs.get("civilite"), champs.get("prenom"), champs.get("nom")), champs.get("fonction"));
    }

    static Instantane.ServiceFige serviceFige(Map<String, String> champs) {
        return new Instantane.ServiceFige(null, TypeService.valueOf(champs.get("type")).libelle(), champs.get("nom"),
                champs.get("gestionnaire"), champs.get("commune"), champs.containsKey("capacite") ? Integer.valueOf(champs.get("capacite")) : null);
    }

    /** A party added (an organisation of the referential, not yet a party) or removed (a party, not the Caf). */
    private ChangementAvenant partie(Convention convention, Instantane actuel, ChangementAvenant c, String p, int i,
                                     List<ErreurValidation.Erreur> erreurs) {
        String champ = p + "organisationId";
        if (c.organisationId() == null) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : indiquez l'organisation (organisationId)."));
            return null;
        }
        Optional<Instantane.PartieFigee> partie = actuel.parties().stream()
                .filter(x -> x.organisationId() == c.organisationId()).findFirst();
        if (c.type() == TypeChangement.PARTIE_RETIREE) {
            if (partie.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : l'organisation n° " + c.organisationId()
                        + " n'est pas partie à la convention en vigueur."));
            } else if (c.organisationId() == convention.cafId()) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : la Caf est partie à toute CTG, elle ne se retire pas."));
            } else {
                return ChangementAvenant.partie(c.type(), c.organisationId(), partie.get().nom(), null);
            }
            return null;
        }
        if (partie.isPresent()) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : " + partie.get().nom()
                    + " est déjà partie à la convention."));
            return null;
        }
        Organisation organisation;
        try {
            organisation = organisations.organisation(c.organisationId());
        } catch (Introuvable e) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Changement " + (i + 1) + " : l'organisation n° " + c.organisationId()
                    + " n'existe pas dans le référentiel."));
            return null;
        }
        return ChangementAvenant.partie(c.type(), organisation.id(), organisation.nom(), c.role() == null ? RolePartie.SIGNATAIRE : c.role());
    }

    private List<String> chevauchements(long conventionId, List<ChangementAvenant> changements, Instantane actuel) {
        Map<Long, String> noms = new HashMap<>();
        actuel.fiches().forEach(f -> noms.put(f.id(), f.reference() == null ? "« " + f.titre() + " »" : f.reference()));
        Map<Long, String> partiesParId = new HashMap<>();
        actuel.parties().forEach(x -> partiesParId.put(x.organisationId(), x.nom()));
        List<String> avertissements = new ArrayList<>();
        for (Avenant autre : repository.avenants(conventionId)) {
            if (autre.statut() != StatutAvenant.PROJET) {
                continue;
            }
            Set<String> communs = new LinkedHashSet<>();
            for (ChangementAvenant a : changements) {
                for (ChangementAvenant b : autre.changements()) {
                    if ((estFinancement(a) || estFinancement(b)) && a.ficheId() != null && Objects.equals(a.ficheId(), b.ficheId())) {
                        // A line of money is one line: another change of the same fiche overlaps only if it removes the fiche.
                        if (estFinancement(a) && estFinancement(b) && cleFinancement(a.ficheId(), a.champs()).equals(cleFinancement(b.ficheId(), b.champs()))
                                || a.type() == TypeChangement.FICHE_SUPPRIMEE || b.type() == TypeChangement.FICHE_SUPPRIMEE) {
                            Map<String, String> ligne = (estFinancement(a) ? a : b).champs();
                            communs.add("le financement " + ligne.get("annee") + " " + ligne.get("financeur")
                                    + (ligne.containsKey("nom") ? " « " + ligne.get("nom") + " »" : "") + " de la fiche "
                                    + noms.getOrDefault(a.ficheId(), String.valueOf(a.ficheId())));
                        }
                    } else if (AvenantDeLAo.concerne(a) && AvenantDeLAo.concerne(b)
                            && AvenantDeLAo.cle(a).equals(AvenantDeLAo.cle(b))) {
                        communs.add("la ligne « " + a.champs().get("ligne") + " » de l'AO " + a.titre());
                    } else if (a.ficheId() != null && Objects.equals(a.ficheId(), b.ficheId())) {
                        communs.add("la fiche " + noms.getOrDefault(a.ficheId(), String.valueOf(a.ficheId())));
                    } else if (a.serviceId() != null && Objects.equals(a.serviceId(), b.serviceId())) {
                        communs.add("le service " + a.titre());
                    } else if (a.mandatId() != null && Objects.equals(a.mandatId(), b.mandatId())) {
                        communs.add("le représentant " + a.titre());
                    } else if (a.organisationId() != null && Objects.equals(a.organisationId(), b.organisationId())
                            && (estPartie(a) || estPartie(b))) {
                        communs.add("la partie " + partiesParId.getOrDefault(a.organisationId(), a.titre()));
                    } else if (a.type() == TypeChangement.PERIODE && b.type() == TypeChangement.PERIODE) {
                        communs.add("la période");
                    } else if (a.type() == TypeChangement.SECTION_MODIFIEE && b.type() == TypeChangement.SECTION_MODIFIEE
                            && Objects.equals(a.section(), b.section())) {
                        communs.add("la section " + a.section());
                    }
                }
            }
            if (!communs.isEmpty()) {
                avertissements.add("Le projet d'avenant n°" + autre.numero() + " change déjà " + String.join(", ", communs) + ".");
            }
        }
        return avertissements;
    }

    private static boolean estPartie(ChangementAvenant c) {
        return c.type() == TypeChangement.PARTIE_AJOUTEE || c.type() == TypeChangement.PARTIE_RETIREE;
    }

    // --- simulation and application ---------------------------------------------------------------------------------

    static Instantane simuler(Instantane actuel, List<ChangementAvenant> changements) {
        java.time.LocalDate fin = actuel.dateFin();
        List<Instantane.SectionFigee> sections = new ArrayList<>(actuel.sections());
        Map<Long, Instantane.FicheFigee> fiches = new LinkedHashMap<>();
        actuel.fiches().forEach(f -> fiches.put(f.id(), f));
        List<Instantane.FicheFigee> ajoutees = new ArrayList<>();
        List<Instantane.PartieFigee> parties = new ArrayList<>(actuel.parties());
        List<Instantane.ServiceFige> services = actuel.services() == null ? null : new ArrayList<>(actuel.services());
        List<Instantane.FinancementFige> prevus = actuel.financements() == null ? null : new ArrayList<>(actuel.financements());
        List<Instantane.LigneAoFigee> lignesAo = actuel.ao() == null ? null : new ArrayList<>(actuel.ao());
        for (ChangementAvenant c : changements) {
            switch (c.type()) {
                case AO_LIGNE_AJOUTEE, AO_LIGNE_MODIFIEE, AO_LIGNE_RETIREE -> {
                    if (lignesAo != null) {
                        AvenantDeLAo.simuler(lignesAo, c);
                    }
                }
                case FINANCEMENT_AJOUTE, FINANCEMENT_MODIFIE, FINANCEMENT_RETIRE -> {
                    if (prevus != null) {
                        String cle = cleFinancement(c.ficheId(), c.champs());
                        prevus.removeIf(l -> l.cle().equals(cle));
                        if (c.type() != TypeChangement.FINANCEMENT_RETIRE) {
                            prevus.add(new Instantane.FinancementFige(c.ficheId(), Integer.parseInt(c.champs().get("annee")),
                                    c.champs().get("financeur"), Financeur.valueOf(c.champs().get("financeur")).libelle(),
                                    c.champs().get("nom"), Long.valueOf(c.champs().get("prevu"))));
                        }
                    }
                }
                case SERVICE_AJOUTE -> {
                    if (services != null) {
                        services.add(serviceFige(c.champs()));
                    }
                }
                case SERVICE_RETIRE -> {
                    if (services != null) {
                        services.removeIf(x -> Objects.equals(x.id(), c.serviceId()));
                    }
                }
                case SERVICE_MODIFIE -> {
                    if (services != null) {
                        services.replaceAll(x -> Objects.equals(x.id(), c.serviceId()) ? serviceModifie(x, c.champs()) : x);
                    }
                }
                // As applied: the line in force goes, the new one comes last among the party's representatives.
                case REPRESENTANT_AJOUTE, REPRESENTANT_MODIFIE, REPRESENTANT_RETIRE -> parties.replaceAll(x -> {
                    if (x.organisationId() != c.organisationId()) {
                        return x;
                    }
                    List<String> lignes = new ArrayList<>(x.representants());
                    if (c.titre() != null) {
                        lignes.remove(c.titre());
                    }
                    if (c.type() != TypeChangement.REPRESENTANT_RETIRE) {
                        lignes.add(ligneRepresentant(c.champs()));
                    }
                    return new Instantane.PartieFigee(x.organisationId(), x.nom(), x.role(), lignes);
                });
                case PARTIE_AJOUTEE -> parties.add(new Instantane.PartieFigee(c.organisationId(), c.titre(), c.role().libelle(), List.of()));
                case PARTIE_RETIREE -> parties.removeIf(x -> x.organisationId() == c.organisationId());
                case PERIODE -> fin = c.dateFin();
                case FICHE_AJOUTEE -> ajoutees.add(new Instantane.FicheFigee(null, c.noeudId(), null, c.titre(), c.champs(), List.of()));
                case FICHE_SUPPRIMEE -> fiches.remove(c.ficheId());
                case FICHE_MODIFIEE -> fiches.computeIfPresent(c.ficheId(), (id, f) -> {
                    Map<String, String> champs = new LinkedHashMap<>(f.champs());
                    champs.putAll(c.champs());
                    return new Instantane.FicheFigee(f.id(), f.noeudId(), f.reference(), c.titre() == null ? f.titre() : c.titre(),
                            champs, f.annees());
                });
                case SECTION_MODIFIEE -> {
                    Instantane.SectionFigee s = sections.get(c.section() - 1);
                    sections.set(c.section() - 1, new Instantane.SectionFigee(s.nature(), s.numero(), s.intitule(),
                            c.titre() == null ? s.titre() : c.titre(), c.texte() == null ? s.html() : c.texte()));
                }
                case SECTION_AJOUTEE -> sections.add(c.section() - 1, new Instantane.SectionFigee(c.nature(), null,
                        c.titre(), c.titre(), c.texte() == null ? "" : c.texte()));
            }
        }
        List<Instantane.FicheFigee> toutes = new ArrayList<>(fiches.values());
        toutes.addAll(ajoutees);
        if (prevus != null) {
            prevus.removeIf(l -> !fiches.containsKey(l.ficheId()));
        }
        return actuel.avec(fin, parties, sections, toutes, services, prevus, lignesAo);
    }

    private void appliquer(long conventionId, List<ChangementAvenant> changements) {
        List<ChangementAvenant> sections = new ArrayList<>();
        for (ChangementAvenant c : changements) {
            switch (c.type()) {
                case PERIODE -> {
                    Convention v = conventions.convention(conventionId);
                    conventions.modifierInformations(conventionId, v.version(), new InformationsConvention(v.titre(),
                            v.periode().dateDebut(), c.dateFin(), null, v.signature().lieu(), v.signature().date(),
                            v.signature().nombreOriginaux(), v.visas().stream().map(Visa::texte).toList(), v.tientLieuSchemaAo(),
                            null, v.periode().reconduction(), v.signature().nombreOriginauxTexte()));
                }
                case FICHE_AJOUTEE -> {
                    var modele = plans.planSiExiste(conventionId).orElseThrow().modele();
                    plans.creerFiche(conventionId, c.noeudId(), new ContenuFiche(null, c.titre(),
                            ChampsFiche.depuis(modele, new LinkedHashMap<>(c.champs())), null, null, null));
                }
                case FICHE_MODIFIEE -> {
                    VueFiche vue = plans.fiche(c.ficheId());
                    Fiche f = vue.fiche();
                    Map<String, String> textesFiche = new LinkedHashMap<>(f.champs().textes());
                    textesFiche.putAll(c.champs());
                    ChampsFiche champs = new ChampsFiche(textesFiche, f.champs().listes(), f.champs().organisations(),
                            f.champs().indicateurs());
                    plans.modifierFiche(f.id(), f.version(), new ContenuFiche(f.reference(), c.titre() == null ? f.titre() : c.titre(),
                            champs, f.annees(), f.echeances(), f.notes(), f.debut(), f.fin()));
                }
                case FICHE_SUPPRIMEE -> {
                    Fiche f = plans.fiche(c.ficheId()).fiche();
                    plans.supprimerFiche(f.id(), f.version());
                }
                case SECTION_MODIFIEE, SECTION_AJOUTEE -> sections.add(c);
                case PARTIE_AJOUTEE -> conventions.ajouterPartie(conventionId, conventions.convention(conventionId).version(),
                        c.organisationId(), c.role(), null);
                case PARTIE_RETIREE -> conventions.retirerPartie(conventionId, conventions.convention(conventionId).version(),
                        c.organisationId());
                case SERVICE_RETIRE -> offre.supprimer(c.serviceId(), offre.service(c.serviceId()).version());
                case SERVICE_MODIFIE -> modifierService(c);
                case FINANCEMENT_AJOUTE, FINANCEMENT_MODIFIE, FINANCEMENT_RETIRE -> financer(c);
                case AO_LIGNE_AJOUTEE, AO_LIGNE_MODIFIEE, AO_LIGNE_RETIREE -> lignesAo.appliquer(conventionId, c);
                case REPRESENTANT_RETIRE -> conventions.retirerRepresentant(conventionId, conventions.convention(conventionId).version(),
                        c.mandatId());
                case REPRESENTANT_AJOUTE, REPRESENTANT_MODIFIE -> remplacerRepresentant(conventionId, c);
                case SERVICE_AJOUTE -> offre.ajouter(conventionId, new NouveauService(TypeService.valueOf(c.champs().get("type")), null,
                        null, c.champs().get("nom"), c.champs().get("gestionnaire"), null, null, c.champs().get("commune"),
                        c.champs().containsKey("capacite") ? Integer.valueOf(c.champs().get("capacite")) : null, null, List.of()));
            }
        }
        if (!sections.isEmpty()) {
            TexteConvention texte = textes.texte(conventionId);
            List<SaisieSection> saisies = new ArrayList<>(texte.sections().stream()
                    .map(s -> new SaisieSection(s.nature().name(), s.titre(), s.html())).toList());
            for (ChangementAvenant c : sections) {
                if (c.type() == TypeChangement.SECTION_MODIFIEE) {
                    SaisieSection s = saisies.get(c.section() - 1);
                    saisies.set(c.section() - 1, new SaisieSection(s.nature(), c.titre() == null ? s.titre() : c.titre(),
                            c.texte() == null ? s.texte() : c.texte()));
                } else {
                    saisies.add(c.section() - 1, new SaisieSection(c.nature(), c.titre(), c.texte() == null ? "" : c.texte()));
                }
            }
            textes.modifier(conventionId, texte.version(), saisies);
        }
    }

    /** The fiche's lines with this one added, its planned amount changed (the actual one kept) or removed. */
    private void financer(ChangementAvenant c) {
        Fiche fiche = plans.fiche(c.ficheId()).fiche();
        List<Financement> lignes = new ArrayList<>();
        Map<String, String> x = c.champs();
        for (Financement l : financements.deLaFiche(fiche.id())) {
            if (!memeLigne(l, x)) {
                lignes.add(l);
            } else if (c.type() == TypeChangement.FINANCEMENT_MODIFIE) {
                lignes.add(new Financement(l.annee(), l.financeur(), l.nom(), Long.valueOf(x.get("prevu")), l.realiseCentimes()));
            }
        }
        if (c.type() == TypeChangement.FINANCEMENT_AJOUTE) {
            lignes.add(new Financement(Integer.parseInt(x.get("annee")), Financeur.valueOf(x.get("financeur")), x.get("nom"),
                    Long.valueOf(x.get("prevu")), null));
        }
        financements.remplacer(fiche.id(), fiche.version(), lignes);
    }

    /** The row as it is, with the fields the avenant changes (a new commune drops the postal code given with the old one). */
    private void modifierService(ChangementAvenant c) {
        ServiceSoutenu s = offre.service(c.serviceId());
        Map<String, String> champs = c.champs();
        java.util.function.BiFunction<String, String, String> lu = (cle, avant) -> !champs.containsKey(cle) ? avant
                : champs.get(cle).isBlank() ? null : champs.get(cle);
        boolean nouveauType = champs.containsKey("type");
        boolean nouvelleCommune = champs.containsKey("commune");
        offre.modifier(s.id(), s.version(), new NouveauService(nouveauType ? TypeService.valueOf(champs.get("type")) : s.type(),
                nouveauType ? null : s.typeImprime(), s.sousType(), lu.apply("nom", s.nom()), lu.apply("gestionnaire", s.gestionnaire()),
                s.adresse(), nouvelleCommune ? null : s.codePostal(), lu.apply("commune", s.commune()),
                champs.containsKey("capacite") ? (champs.get("capacite").isBlank() ? null : Integer.valueOf(champs.get("capacite"))) : s.capacite(),
                s.horsBonusTerritoire(), s.collectivitesSoutien()));
    }

    /**
     * A representative added, or changed: the mandate in force leaves the party and the person with the new fields
     * represents it — the same person (a new mandate if the function changed) when civility and name are unchanged,
     * else a new person of the directory. The person's record itself is never edited: other conventions read it.
     */
    private void remplacerRepresentant(long conventionId, ChangementAvenant c) {
        Long personneId = null;
        if (c.mandatId() != null) {
            Mandat avant = organisations.mandat(c.mandatId());
            Personne p = avant.personne();
            if (Objects.equals(texte(p.civilite()), texte(c.champs().get("civilite"))) && Objects.equals(texte(p.prenom()),
                    texte(c.champs().get("prenom"))) && Objects.equals(texte(p.nom()), texte(c.champs().get("nom")))) {
                personneId = p.id();
            }
            conventions.retirerRepresentant(conventionId, conventions.convention(conventionId).version(), c.mandatId());
        }
        conventions.ajouterNouveauRepresentant(conventionId, conventions.convention(conventionId).version(), c.organisationId(),
                new NouveauRepresentant(texte(c.champs().get("civilite")), texte(c.champs().get("prenom")), c.champs().get("nom"),
                        c.champs().get("fonction")), personneId, true);
    }

    private static String texte(String valeur) {
        return valeur == null || valeur.isBlank() ? null : valeur.strip();
    }

    private static ConflitDeModification conflitAvenant() {
        return new ConflitDeModification("Cet avenant a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : "
                + "rien n'a été enregistré. Rechargez la page pour voir son état actuel.");
    }

    Optional<Avenant> dernier(long conventionId) {
        List<Avenant> tous = repository.avenants(conventionId);
        return tous.isEmpty() ? Optional.empty() : Optional.of(tous.get(tous.size() - 1));
    }
}
