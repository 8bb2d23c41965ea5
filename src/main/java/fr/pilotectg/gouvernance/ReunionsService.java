package fr.pilotectg.gouvernance;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.Periode;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.ErreurValidation.Erreur;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.texte.TexteRiche;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of a convention's bodies and their decisions. Read by the convention's readers, written by its managers;
 * each meeting is versioned and journalled. A meeting falls within the convention's period, or before its start
 * when it is a preparation meeting with a note; participants and decision owners are members of the body.
 */
@Service
public class ReunionsService {

    static final int ELEMENTS_MAX = 200;

    private final ReunionsRepository repository;
    private final GouvernanceService gouvernance;
    private final ConventionService conventions;
    private final Journal journal;
    private final fr.pilotectg.plan.PlanService plans;
    private final fr.pilotectg.convention.ConventionAcces acces;

    ReunionsService(ReunionsRepository repository, GouvernanceService gouvernance, ConventionService conventions, Journal journal,
                    fr.pilotectg.plan.PlanService plans, fr.pilotectg.convention.ConventionAcces acces) {
        this.plans = plans;
        this.acces = acces;
        this.repository = repository;
        this.gouvernance = gouvernance;
        this.conventions = conventions;
        this.journal = journal;
    }

    /** A decision still to follow, with its meeting, for the dashboard. */
    public record DecisionASuivre(Reunion reunion, Decision decision, String responsable, int position) {
    }

    /** Decisions neither done nor abandoned, the earliest due first (those without due date last). */
    public List<DecisionASuivre> decisionsASuivre(long conventionId) {
        return decisionsASuivre(gouvernance.gouvernance(conventionId));
    }

    /** The same, from a governance the caller has already read (its reading right checked): the dashboard's. */
    public List<DecisionASuivre> decisionsASuivre(Gouvernance g) {
        List<DecisionASuivre> liste = new ArrayList<>();
        for (Reunion r : g.reunions()) {
            for (int i = 0; i < r.decisions().size(); i++) {
                Decision d = r.decisions().get(i);
                if (d.statut().aSuivre()) {
                    liste.add(new DecisionASuivre(r, d, d.responsableOrganisationId() == null ? "—"
                            : g.nom(d.responsableOrganisationId()) + (d.responsablePersonne() == null ? "" : " (" + d.responsablePersonne() + ")"), i));
                }
            }
        }
        liste.sort(Comparator.comparing((DecisionASuivre x) -> x.decision().echeance(), Comparator.nullsLast(Comparator.naturalOrder())));
        return liste;
    }

    /**
     * Decisions of the meetings whose agenda has an item about this fiche (its reference as printed, case and spaces
     * ignored), whatever their status: what the fiche's porteur sees on the fiche page. Read right of the convention.
     */
    public List<DecisionASuivre> decisionsDeLaFiche(long conventionId, String reference) {
        return decisionsDeLaFiche(conventionId, null, reference);
    }

    /**
     * The decisions linked to this fiche (by id), and those of the meetings whose agenda has an item about it (its
     * reference as printed, case and spaces ignored), whatever their status. Read right of the convention.
     */
    public List<DecisionASuivre> decisionsDeLaFiche(long conventionId, Long ficheId, String reference) {
        String cle = cleDeFiche(reference);
        if (cle.isEmpty() && ficheId == null) {
            return List.of();
        }
        conventions.convention(conventionId);
        Gouvernance g = gouvernance.gouvernance(conventionId);
        List<DecisionASuivre> liste = new ArrayList<>();
        for (Reunion r : g.reunions()) {
            boolean auProgramme = !cle.isEmpty() && r.ordreDuJour().stream().anyMatch(p -> cle.equals(cleDeFiche(p.fiche())));
            for (int i = 0; i < r.decisions().size(); i++) {
                Decision d = r.decisions().get(i);
                if (auProgramme || ficheId != null && ficheId.equals(d.ficheId())) {
                    liste.add(new DecisionASuivre(r, d, d.responsableOrganisationId() == null ? "—"
                            : g.nom(d.responsableOrganisationId()) + (d.responsablePersonne() == null ? "" : " (" + d.responsablePersonne() + ")"), i));
                }
            }
        }
        return liste;
    }

    /**
     * The meetings of this convention about a fiche the organisation carries: a decision linked to the fiche, or an
     * agenda item about it (its reference as printed, case and spaces ignored). What a porteur's pieces hang on.
     */
    public java.util.Set<Long> reunionsDesFichesDe(long conventionId, long organisationId) {
        if (plans.planSiExiste(conventionId).isEmpty()) {
            return java.util.Set.of();
        }
        List<fr.pilotectg.plan.Fiche> siennes = plans.arbre(conventionId, fr.pilotectg.plan.FiltreFiches.AUCUN).fichesDansLOrdre()
                .stream().filter(f -> f.porteePar(organisationId)).toList();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        java.util.Set<String> cles = new java.util.HashSet<>();
        siennes.forEach(f -> {
            ids.add(f.id());
            if (!cleDeFiche(f.reference()).isEmpty()) {
                cles.add(cleDeFiche(f.reference()));
            }
        });
        java.util.Set<Long> reunions = new java.util.HashSet<>();
        for (Reunion r : gouvernance.gouvernance(conventionId).reunions()) {
            if (r.decisions().stream().anyMatch(d -> d.ficheId() != null && ids.contains(d.ficheId()))
                    || r.ordreDuJour().stream().anyMatch(p -> cles.contains(cleDeFiche(p.fiche())))) {
                reunions.add(r.id());
            }
        }
        return reunions;
    }

    /** At most this many decisions on the home page. */
    static final int DECISIONS_ACCUEIL = 50;

    /**
     * The decisions "à faire" or "en cours" owned by the user's organisation when the user is a porteur (its decisions
     * to follow on its home page), in the conventions the user reads, the earliest due first.
     */
    public List<DecisionDeLOrganisation> mesDecisionsASuivre() {
        fr.pilotectg.organisation.UtilisateurConnecte moi = fr.pilotectg.organisation.UtilisateurConnecte.courant();
        // the porteur's home page only: managers follow decisions on each convention's dashboard
        if (moi.organisationId() == null || moi.role() != fr.pilotectg.organisation.Role.PORTEUR) {
            return List.of();
        }
        Map<Long, Boolean> lisibles = new java.util.HashMap<>();
        return repository.decisionsDeLOrganisation(moi.organisationId(), DECISIONS_ACCUEIL).stream()
                .filter(d -> lisibles.computeIfAbsent(d.conventionId(), id -> acces.peutLire(moi, id))).toList();
    }

    private static String cleDeFiche(String reference) {
        return reference == null ? "" : reference.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    public Reunion reunion(long conventionId, long reunionId) {
        conventions.convention(conventionId);
        return repository.reunion(conventionId, reunionId)
                .orElseThrow(() -> new Introuvable("Réunion " + reunionId + " introuvable dans cette convention."));
    }

    @Transactional
    public Reunion creer(long conventionId, SaisieReunion saisie) {
        VueConvention vue = modifiable(conventionId);
        Reunion reunion = valider(vue, gouvernance.gouvernance(conventionId), saisie, 0L, fiches(conventionId, saisie));
        long id = repository.inserer(reunion);
        journal.enregistrer("reunion", id, conventionId, "création de la réunion « " + reunion.instanceNom() + " » du "
                + reunion.dateAffichee(), Changement.entre(Map.of(), resume(reunion)));
        return repository.reunion(conventionId, id).orElseThrow();
    }

    @Transactional
    public Reunion modifier(long conventionId, long reunionId, SaisieReunion saisie) {
        VueConvention vue = modifiable(conventionId);
        Reunion avant = repository.reunion(conventionId, reunionId)
                .orElseThrow(() -> new Introuvable("Réunion " + reunionId + " introuvable dans cette convention."));
        if (saisie == null || saisie.version() == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version de la réunion que vous avez lue.");
        }
        saisie = avecFichesGardees(avant, saisie);
        Reunion reunion = gardees(avant, valider(vue, gouvernance.gouvernance(conventionId), saisie, reunionId, fiches(conventionId, saisie)));
        if (avant.version() != saisie.version() || !repository.remplacer(reunionId, saisie.version(), reunion)) {
            throw conflit();
        }
        journal.enregistrer("reunion", reunionId, conventionId, "modification de la réunion « " + reunion.instanceNom()
                + " » du " + reunion.dateAffichee(), Changement.entre(resume(avant), resume(reunion)));
        return repository.reunion(conventionId, reunionId).orElseThrow();
    }

    /**
     * Changes where one decision stands (its position in the meeting, from 0), under the meeting's version: the
     * dashboard's "décisions à suivre" and the meeting page do this without resending the whole meeting.
     */
    @Transactional
    public Reunion changerStatut(long conventionId, long reunionId, int position, Integer version, String statut) {
        modifiable(conventionId);
        Reunion avant = repository.reunion(conventionId, reunionId)
                .orElseThrow(() -> new Introuvable("Réunion " + reunionId + " introuvable dans cette convention."));
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version de la réunion que vous avez lue.");
        }
        if (position < 0 || position >= avant.decisions().size()) {
            throw new Introuvable("La réunion n'a pas de décision n° " + (position + 1) + ".");
        }
        StatutDecision nouveau;
        try {
            nouveau = StatutDecision.valueOf(statut == null ? "" : statut.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErreurValidation("statut", "Statut « " + Saisie.tronquer(statut == null ? "" : statut)
                    + " » inconnu : A_FAIRE, EN_COURS, FAIT ou ABANDONNEE.");
        }
        if (avant.version() != version) {
            throw conflit();
        }
        List<Decision> decisions = new ArrayList<>(avant.decisions());
        Decision d = decisions.get(position);
        decisions.set(position, d.avecStatut(nouveau));
        Reunion apres = new Reunion(avant.id(), avant.conventionId(), avant.instanceCle(), avant.instanceNom(), avant.date(),
                avant.dateTexte(), avant.heure(), avant.lieu(), avant.lienVisio(), avant.preparation(), avant.note(),
                avant.ordreDuJour(), avant.participants(), avant.compteRendu(), avant.exemple(), avant.version(), decisions);
        if (!repository.remplacer(reunionId, version, apres)) {
            throw conflit();
        }
        journal.enregistrer("reunion", reunionId, conventionId, "décision « " + Saisie.tronquer(d.texte()) + " » de la réunion du "
                + avant.dateAffichee() + " : " + nouveau.libelle(), Changement.entre(Map.of("Statut", d.statut().libelle()),
                Map.of("Statut", nouveau.libelle())));
        return repository.reunion(conventionId, reunionId).orElseThrow();
    }

    @Transactional
    public void supprimer(long conventionId, long reunionId, Integer version) {
        modifiable(conventionId);
        Reunion avant = repository.reunion(conventionId, reunionId)
                .orElseThrow(() -> new Introuvable("Réunion " + reunionId + " introuvable dans cette convention."));
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version de la réunion que vous avez lue.");
        }
        if (avant.version() != version || !repository.supprimer(reunionId, version)) {
            throw conflit();
        }
        journal.enregistrer("reunion", reunionId, conventionId, "suppression de la réunion « " + avant.instanceNom() + " » du "
                + avant.dateAffichee(), Changement.entre(resume(avant), Map.of()));
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Cette réunion a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
                + "vos modifications n'ont pas été enregistrées. Rechargez, puis refaites vos changements.");
    }

    private VueConvention modifiable(long conventionId) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les réunions de cette convention mais pas les modifier.");
        }
        return vue;
    }

    /**
     * What a decision sent again without them keeps from the stored one at the same place with the same text: the fiche
     * it is about and the evaluation year it validates (the meeting form does not carry them).
     */
    private static Reunion gardees(Reunion avant, Reunion r) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < r.decisions().size(); i++) {
            Decision d = r.decisions().get(i);
            Decision a = i < avant.decisions().size() ? avant.decisions().get(i) : null;
            if (a != null && a.texte().equals(d.texte())) {
                d = new Decision(d.texte(), d.responsableOrganisationId(), d.responsablePersonne(), d.echeance(), d.statut(),
                        d.ficheId() != null ? d.ficheId() : a.ficheId(), a.anneeValidee());
            }
            decisions.add(d);
        }
        return new Reunion(r.id(), r.conventionId(), r.instanceCle(), r.instanceNom(), r.date(), r.dateTexte(), r.heure(), r.lieu(),
                r.lienVisio(), r.preparation(), r.note(), r.ordreDuJour(), r.participants(), r.compteRendu(), r.exemple(),
                r.version(), decisions);
    }

    /** A decision sent without its fiche keeps the stored one's (same place, same text), before the owner is checked. */
    private static SaisieReunion avecFichesGardees(Reunion avant, SaisieReunion s) {
        if (s.decisions() == null || s.decisions().size() > ELEMENTS_MAX) {
            return s;
        }
        List<SaisieDecision> decisions = new ArrayList<>();
        for (int i = 0; i < s.decisions().size(); i++) {
            SaisieDecision d = s.decisions().get(i);
            Decision a = i < avant.decisions().size() ? avant.decisions().get(i) : null;
            if (d != null && d.ficheId() == null && a != null && a.ficheId() != null && d.texte() != null
                    && a.texte().equals(d.texte().strip())) {
                d = new SaisieDecision(d.texte(), d.responsableOrganisationId(), d.responsablePersonne(), d.echeance(), d.statut(),
                        a.ficheId());
            }
            decisions.add(d);
        }
        return new SaisieReunion(s.version(), s.instanceId(), s.date(), s.dateTexte(), s.heure(), s.lieu(), s.lienVisio(),
                s.preparation(), s.note(), s.ordreDuJour(), s.participants(), decisions, s.compteRendu(), s.exemple());
    }

    /** The fiches the decisions are about, by id: null for an id that is not a fiche of this convention. */
    private Map<Long, fr.pilotectg.plan.Fiche> fiches(long conventionId, SaisieReunion s) {
        Map<Long, fr.pilotectg.plan.Fiche> fiches = new java.util.HashMap<>();
        if (s == null || s.decisions() == null || s.decisions().size() > ELEMENTS_MAX) {
            return fiches;
        }
        for (SaisieDecision d : s.decisions()) {
            if (d == null || d.ficheId() == null || fiches.containsKey(d.ficheId())) {
                continue;
            }
            fr.pilotectg.plan.Fiche fiche = null;
            if (d.ficheId() > 0) {
                try {
                    fiche = plans.fiche(d.ficheId()).fiche();
                } catch (Introuvable | AccesRefuse e) {
                    fiche = null;
                }
            }
            fiches.put(d.ficheId(), fiche != null && fiche.conventionId() == conventionId ? fiche : null);
        }
        return fiches;
    }

    private static Reunion valider(VueConvention vue, Gouvernance g, SaisieReunion s, long id,
                                   Map<Long, fr.pilotectg.plan.Fiche> fiches) {
        if (s == null) {
            throw new ErreurValidation("reunion", "La réunion est obligatoire.");
        }
        List<Erreur> erreurs = new ArrayList<>();
        Instance instance = null;
        if (s.instanceId() == null || s.instanceId() < 1 || s.instanceId() > g.instances().size()) {
            erreurs.add(new Erreur("instanceId", "Choisissez l'instance qui se réunit (son identifiant dans la gouvernance : "
                    + (g.instances().isEmpty() ? "aucune instance enregistrée" : "de 1 à " + g.instances().size()) + ")."));
        } else {
            instance = g.instances().get(s.instanceId() - 1);
        }
        String dateTexte = texte(s.dateTexte());
        verifier(erreurs, "dateTexte", "La date telle qu'écrite", dateTexte, Limites.TITRE);
        boolean preparation = Boolean.TRUE.equals(s.preparation());
        String note = texte(s.note());
        verifier(erreurs, "note", "La note", note, Limites.TEXTE);
        if (s.date() == null && dateTexte == null) {
            erreurs.add(new Erreur("date", "La date est obligatoire (ou, pour une réunion ancienne, la date telle qu'écrite "
                    + "dans dateTexte, par exemple « 12 octobre »)."));
        }
        if (s.date() != null) {
            Periode periode = vue.convention().periode();
            if (s.date().getYear() < Limites.ANNEE_MIN || s.date().getYear() > Limites.ANNEE_MAX) {
                erreurs.add(new Erreur("date", "La date doit être entre " + Limites.ANNEE_MIN + " et " + Limites.ANNEE_MAX + "."));
            } else if (periode.dateFin() != null && s.date().isAfter(periode.dateFin())) {
                erreurs.add(new Erreur("date", "La réunion du " + FormatFr.date(s.date()) + " tombe après la fin de la convention ("
                        + FormatFr.date(periode.dateFin()) + ")."));
            } else if (periode.dateDebut() != null && s.date().isBefore(periode.dateDebut())) {
                if (!preparation || note == null) {
                    erreurs.add(new Erreur("date", "La réunion du " + FormatFr.date(s.date()) + " tombe avant le début de la "
                            + "convention (" + FormatFr.date(periode.dateDebut()) + ") : seule une réunion de préparation "
                            + "(preparation = true) avec une note qui l'explique peut avoir lieu avant."));
                }
            }
        }
        LocalTime heure = null;
        if (texte(s.heure()) != null) {
            try {
                heure = LocalTime.parse(s.heure().strip());
            } catch (DateTimeParseException e) {
                erreurs.add(new Erreur("heure", "L'heure s'écrit HH:MM, par exemple 14:30."));
            }
        }
        String lieu = texte(s.lieu());
        verifier(erreurs, "lieu", "Le lieu", lieu, Limites.TITRE);
        String visio = texte(s.lienVisio());
        if (visio != null) {
            if (Saisie.probleme(visio, 2000) != null || !lienValide(visio)) {
                erreurs.add(new Erreur("lienVisio", "Le lien de visioconférence doit être une adresse https:// d'au plus 2 000 caractères."));
            }
        }
        List<PointOrdreDuJour> points = new ArrayList<>();
        List<PointOrdreDuJour> saisis = s.ordreDuJour() == null ? List.of() : s.ordreDuJour();
        if (saisis.size() > ELEMENTS_MAX) {
            erreurs.add(new Erreur("ordreDuJour", "Au plus " + ELEMENTS_MAX + " points à l'ordre du jour."));
            saisis = List.of();
        }
        for (int i = 0; i < saisis.size(); i++) {
            PointOrdreDuJour p = saisis.get(i);
            String c = "ordreDuJour[" + i + "]";
            if (p == null || texte(p.texte()) == null) {
                erreurs.add(new Erreur(c + ".texte", "Point " + (i + 1) + " de l'ordre du jour : le texte est obligatoire."));
                continue;
            }
            int avant = erreurs.size();
            verifier(erreurs, c + ".texte", "Point " + (i + 1) + " de l'ordre du jour", p.texte().strip(), Limites.TEXTE);
            verifier(erreurs, c + ".fiche", "Point " + (i + 1) + " : la fiche", texte(p.fiche()), Limites.CODE);
            if (p.annee() != null && (p.annee() < Limites.ANNEE_MIN || p.annee() > Limites.ANNEE_MAX)) {
                erreurs.add(new Erreur(c + ".annee", "Point " + (i + 1) + " : l'année d'évaluation doit être entre "
                        + Limites.ANNEE_MIN + " et " + Limites.ANNEE_MAX + "."));
            }
            if (erreurs.size() == avant) {
                points.add(new PointOrdreDuJour(p.texte().strip(), texte(p.fiche()), p.annee()));
            }
        }
        List<Participant> participants = new ArrayList<>();
        List<SaisieParticipant> invites = s.participants() == null ? List.of() : s.participants();
        if (invites.size() > ELEMENTS_MAX) {
            erreurs.add(new Erreur("participants", "Au plus " + ELEMENTS_MAX + " participants."));
            invites = List.of();
        }
        for (int i = 0; i < invites.size(); i++) {
            SaisieParticipant p = invites.get(i);
            String c = "participants[" + i + "].organisationId";
            if (p == null || p.organisationId() == null) {
                erreurs.add(new Erreur(c, "Participant " + (i + 1) + " : l'organisation est obligatoire."));
                continue;
            }
            String personne = texte(p.personne());
            verifier(erreurs, "participants[" + i + "].personne", "Participant " + (i + 1) + " : la personne", personne, Limites.TITRE);
            if (instance != null && !membre(instance, p.organisationId())) {
                erreurs.add(new Erreur(c, "Participant " + (i + 1) + " : l'organisation n° " + p.organisationId()
                        + " n'est pas membre de l'instance « " + instance.nom() + " »."));
            } else if (participants.stream().anyMatch(x -> x.organisationId() == p.organisationId()
                    && java.util.Objects.equals(x.personne(), personne))) {
                erreurs.add(new Erreur(c, "Participant " + (i + 1) + " : figure déjà dans la liste des invités."));
            } else {
                participants.add(new Participant(p.organisationId(), personne, Boolean.TRUE.equals(p.present())));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        List<SaisieDecision> saisies = s.decisions() == null ? List.of() : s.decisions();
        if (saisies.size() > ELEMENTS_MAX) {
            erreurs.add(new Erreur("decisions", "Au plus " + ELEMENTS_MAX + " décisions."));
            saisies = List.of();
        }
        for (int i = 0; i < saisies.size(); i++) {
            SaisieDecision d = saisies.get(i);
            String c = "decisions[" + i + "].";
            String n = "Décision " + (i + 1) + " : ";
            if (d == null || texte(d.texte()) == null) {
                erreurs.add(new Erreur(c + "texte", n + "le texte est obligatoire."));
                continue;
            }
            int avant = erreurs.size();
            verifier(erreurs, c + "texte", n + "le texte", d.texte().strip(), Limites.TEXTE);
            String personne = texte(d.responsablePersonne());
            verifier(erreurs, c + "responsablePersonne", n + "la personne responsable", personne, Limites.TITRE);
            fr.pilotectg.plan.Fiche fiche = d.ficheId() == null ? null : fiches.get(d.ficheId());
            if (d.ficheId() != null && fiche == null) {
                erreurs.add(new Erreur(c + "ficheId", n + "la fiche n° " + d.ficheId() + " n'est pas une fiche de cette convention."));
            }
            if (d.responsableOrganisationId() != null && instance != null && !membre(instance, d.responsableOrganisationId())
                    && !(fiche != null && fiche.porteePar(d.responsableOrganisationId()))) {
                erreurs.add(new Erreur(c + "responsableOrganisationId", n + "le responsable doit être membre de l'instance « "
                        + instance.nom() + " »" + (fiche != null ? " ou porteur de la fiche " + (fiche.reference() == null ? "" : fiche.reference())
                        : "") + " ; l'organisation n° " + d.responsableOrganisationId() + " ne l'est pas."));
            }
            if (d.echeance() != null && (d.echeance().getYear() < Limites.ANNEE_MIN || d.echeance().getYear() > Limites.ANNEE_MAX)) {
                erreurs.add(new Erreur(c + "echeance", n + "l'échéance doit être entre " + Limites.ANNEE_MIN + " et "
                        + Limites.ANNEE_MAX + "."));
            }
            StatutDecision statut = StatutDecision.A_FAIRE;
            if (texte(d.statut()) != null) {
                try {
                    statut = StatutDecision.valueOf(d.statut().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    erreurs.add(new Erreur(c + "statut", n + "statut « " + Saisie.tronquer(d.statut()) + " » inconnu : A_FAIRE, "
                            + "EN_COURS, FAIT ou ABANDONNEE."));
                }
            }
            if (erreurs.size() == avant) {
                decisions.add(new Decision(d.texte().strip(), d.responsableOrganisationId(), personne, d.echeance(), statut,
                        d.ficheId(), null));
            }
        }
        String compteRendu = s.compteRendu() == null ? "" : s.compteRendu();
        verifier(erreurs, "compteRendu", "Le compte rendu", compteRendu, Limites.TEXTE);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new Reunion(id, vue.convention().id(), instance.cle(), instance.nom(), s.date(), s.date() == null ? dateTexte : null,
                heure, lieu, visio, preparation, note, points, participants, TexteRiche.nettoyer(compteRendu),
                Boolean.TRUE.equals(s.exemple()), 0, decisions);
    }

    private static boolean lienValide(String lien) {
        try {
            URI uri = new URI(lien);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean membre(Instance instance, long organisationId) {
        return instance.membres().stream().anyMatch(m -> m.organisationId() == organisationId);
    }

    private static void verifier(List<Erreur> erreurs, String champ, String libelle, String texte, int longueur) {
        String probleme = Saisie.probleme(texte, longueur);
        if (probleme != null) {
            erreurs.add(new Erreur(champ, libelle + " " + probleme));
        }
    }

    private static String texte(String saisie) {
        return saisie == null || saisie.isBlank() ? null : saisie.strip();
    }

    private static Map<String, Object> resume(Reunion r) {
        return Map.of("Instance", r.instanceNom(), "Date", r.dateAffichee(), "Lieu", r.lieu() == null ? "" : r.lieu(),
                "Présents", r.presents() + " sur " + r.participants().size(),
                "Décisions", r.decisions().stream().map(d -> d.texte() + " (" + d.statut().libelle() + ")").toList());
    }
}
