package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.organisation.AnnuaireOrganisations;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.ErreurValidation.Erreur;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance of a convention: its bodies and its chargés de coopération. Read by the convention's readers,
 * written by its managers as one versioned whole (a stale version is a 409), every change journalled. Members and
 * employers are organisations of the referential, parties to the convention or not; a member twice in a body, an
 * ETP split that does not add up or a period upside down is refused with nothing written.
 */
@Service
public class GouvernanceService {

    static final int INSTANCES_MAX = 50;
    static final int MEMBRES_MAX = 200;
    static final int MISSIONS_MAX = 50;
    static final int CHARGES_MAX = 50;
    static final BigDecimal ETP_MAX = new BigDecimal(100);

    private final GouvernanceRepository repository;
    private final ReunionsRepository reunions;
    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final AnnuaireOrganisations annuaire;
    private final Journal journal;

    GouvernanceService(GouvernanceRepository repository, ReunionsRepository reunions, ConventionService conventions,
                       OrganisationService organisations, AnnuaireOrganisations annuaire, Journal journal) {
        this.repository = repository;
        this.reunions = reunions;
        this.conventions = conventions;
        this.organisations = organisations;
        this.annuaire = annuaire;
        this.journal = journal;
    }

    public Gouvernance gouvernance(long conventionId) {
        return lire(conventions.vue(conventionId));
    }

    /** The governance of a convention whose page the caller has already read (its reading right checked). */
    public Gouvernance gouvernance(VueConvention vue) {
        return lire(vue);
    }

    /** Replaces the bodies and the chargés de coopération as a whole (chargés left unchanged when {@code charges} is null). */
    @Transactional
    public Gouvernance modifier(long conventionId, Integer version, List<SaisieInstance> instances,
                                List<SaisieChargeCooperation> charges) {
        VueConvention vue = modifiable(conventionId);
        verifierVersion(version);
        List<Instance> nouvelles = validerInstances(instances, "instances");
        Gouvernance avant = lire(vue);
        List<ChargeCooperation> nouveaux = charges == null ? avant.charges() : validerCharges(charges);
        // A body of the same type and name keeps its key, and so its meetings.
        List<Instance> anciennes = new ArrayList<>(avant.instances());
        List<Instance> gardees = new ArrayList<>();
        for (Instance n : nouvelles) {
            Instance ancienne = anciennes.stream().filter(a -> a.type() == n.type() && a.nom().equalsIgnoreCase(n.nom()))
                    .findFirst().orElse(null);
            anciennes.remove(ancienne);
            gardees.add(ancienne == null ? n : n.avecCle(ancienne.cle()));
        }
        return enregistrer(vue, version, gardees, nouveaux, "modification de la gouvernance");
    }

    /** Adds a body ({@code rang} null) or replaces the body at {@code rang} (from 1), the rest unchanged. */
    @Transactional
    public Gouvernance modifierInstance(long conventionId, Integer version, Integer rang, SaisieInstance saisie) {
        VueConvention vue = modifiable(conventionId);
        verifierVersion(version);
        Gouvernance avant = lire(vue);
        List<Instance> instances = new ArrayList<>(avant.instances());
        if (rang != null && (rang < 1 || rang > instances.size())) {
            throw new ErreurValidation("rang", "Il n'y a pas d'instance n° " + rang + " dans cette convention.");
        }
        if (saisie == null) {
            throw new ErreurValidation("instance", "L'instance est obligatoire : type, nom, membres…");
        }
        Instance instance = validerInstances(List.of(saisie), "instances").get(0);
        if (rang == null) {
            if (instances.size() >= INSTANCES_MAX) {
                throw new ErreurValidation("instances", "Au plus " + INSTANCES_MAX + " instances par convention.");
            }
            instances.add(instance);
        } else {
            instances.set(rang - 1, instance.avecCle(instances.get(rang - 1).cle()));
        }
        return enregistrer(vue, version, instances, avant.charges(),
                rang == null ? "ajout de l'instance « " + instance.nom() + " »" : "modification de l'instance « " + instance.nom() + " »");
    }

    @Transactional
    public Gouvernance supprimerInstance(long conventionId, Integer version, int rang) {
        VueConvention vue = modifiable(conventionId);
        verifierVersion(version);
        Gouvernance avant = lire(vue);
        if (rang < 1 || rang > avant.instances().size()) {
            throw new ErreurValidation("rang", "Il n'y a pas d'instance n° " + rang + " dans cette convention.");
        }
        List<Instance> instances = new ArrayList<>(avant.instances());
        Instance retiree = instances.remove(rang - 1);
        return enregistrer(vue, version, instances, avant.charges(), "suppression de l'instance « " + retiree.nom() + " »");
    }

    /** Replaces the chargés de coopération, the bodies unchanged. */
    @Transactional
    public Gouvernance modifierCharges(long conventionId, Integer version, List<SaisieChargeCooperation> charges) {
        VueConvention vue = modifiable(conventionId);
        verifierVersion(version);
        Gouvernance avant = lire(vue);
        return enregistrer(vue, version, avant.instances(), validerCharges(charges), "modification des chargés de coopération");
    }

    private Gouvernance enregistrer(VueConvention vue, int version, List<Instance> instances, List<ChargeCooperation> charges,
                                    String action) {
        long id = vue.convention().id();
        Gouvernance avant = lire(vue);
        if (avant.version() != version || !repository.remplacer(id, version, instances, charges)) {
            throw new ConflitDeModification("La gouvernance de cette convention a été modifiée par quelqu'un d'autre depuis "
                    + "que vous l'avez ouverte : vos modifications n'ont pas été enregistrées. Rechargez, puis refaites vos "
                    + "changements.");
        }
        Gouvernance apres = lire(vue);
        journal.enregistrer("gouvernance", id, id, action, Changement.entre(resume(avant), resume(apres)));
        return apres;
    }

    private VueConvention modifiable(long conventionId) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter la gouvernance de cette convention mais pas la modifier.");
        }
        return vue;
    }

    private static void verifierVersion(Integer version) {
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version de la gouvernance que vous avez "
                    + "lue (0 tant que rien n'a été enregistré).");
        }
    }

    private Gouvernance lire(VueConvention vue) {
        long id = vue.convention().id();
        List<Instance> instances = repository.instances(id);
        List<ChargeCooperation> charges = repository.charges(id);
        Set<Long> ids = new HashSet<>();
        instances.forEach(i -> i.membres().forEach(m -> ids.add(m.organisationId())));
        charges.forEach(c -> ids.add(c.employeurId()));
        Map<Long, String> noms = new LinkedHashMap<>();
        vue.parties().forEach(p -> noms.put(p.organisation().id(), p.organisation().nom()));
        ids.removeAll(noms.keySet());
        if (!ids.isEmpty()) {
            organisations.organisations(List.copyOf(ids)).forEach(o -> noms.put(o.id(), o.nom()));
        }
        List<Reunion> liste = reunions.reunions(id);
        liste.forEach(r -> r.participants().forEach(p -> ids.add(p.organisationId())));
        liste.forEach(r -> r.decisions().forEach(d -> {
            if (d.responsableOrganisationId() != null) {
                ids.add(d.responsableOrganisationId());
            }
        }));
        ids.removeAll(noms.keySet());
        if (!ids.isEmpty()) {
            organisations.organisations(List.copyOf(ids)).forEach(o -> noms.put(o.id(), o.nom()));
        }
        return new Gouvernance(id, vue.convention().titre(), repository.version(id).orElse(0), instances, charges, noms,
                vue.modifiable(), liste);
    }

    private List<Instance> validerInstances(List<SaisieInstance> saisies, String champ) {
        if (saisies == null) {
            throw new ErreurValidation(champ, "La liste des instances est obligatoire (elle peut être vide).");
        }
        if (saisies.size() > INSTANCES_MAX) {
            throw new ErreurValidation(champ, "Au plus " + INSTANCES_MAX + " instances (reçu : " + saisies.size() + ").");
        }
        List<Erreur> erreurs = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < saisies.size(); i++) {
            SaisieInstance s = saisies.get(i);
            String p = champ + "[" + i + "].";
            if (s == null) {
                erreurs.add(new Erreur(champ + "[" + i + "]", "Instance " + (i + 1) + " : vide."));
                continue;
            }
            String n = "Instance " + (s.nom() == null || s.nom().isBlank() ? i + 1 : "« " + Saisie.tronquer(s.nom().strip()) + " »") + " : ";
            int avant = erreurs.size();
            TypeInstance type = null;
            if (s.type() == null || s.type().isBlank()) {
                erreurs.add(new Erreur(p + "type", n + "le type est obligatoire (COPIL, COTECH, COMMISSION, RESEAU, PLENIERE ou AUTRE)."));
            } else {
                try {
                    type = TypeInstance.valueOf(s.type().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    erreurs.add(new Erreur(p + "type", n + "type « " + Saisie.tronquer(s.type()) + " » inconnu : COPIL, COTECH, "
                            + "COMMISSION, RESEAU, PLENIERE ou AUTRE."));
                }
            }
            String nom = texte(s.nom());
            if (nom == null) {
                erreurs.add(new Erreur(p + "nom", n + "le nom est obligatoire (par exemple « Comité de pilotage de la CTG »)."));
            } else {
                verifier(erreurs, p + "nom", n + "le nom", nom, Limites.TITRE);
            }
            String frequence = texte(s.frequence());
            verifier(erreurs, p + "frequence", n + "la fréquence", frequence, Limites.TITRE);
            if (s.reunionsParAn() != null && (s.reunionsParAn() < 0 || s.reunionsParAn() > 366)) {
                erreurs.add(new Erreur(p + "reunionsParAn", n + "le nombre de réunions par an doit être compris entre 0 et 366."));
            }
            List<String> missions = liste(erreurs, s.missions(), p + "missions", n + "mission", Limites.TEXTE);
            List<String> thematiques = liste(erreurs, s.thematiques(), p + "thematiques", n + "thématique", Limites.TITRE);
            List<Membre> membres = membres(erreurs, s.membres(), p + "membres", n);
            if (erreurs.size() == avant) {
                instances.add(new Instance(type, nom, frequence, s.reunionsParAn(), missions, thematiques, membres));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return instances;
    }

    private List<Membre> membres(List<Erreur> erreurs, List<SaisieMembre> saisies, String champ, String n) {
        List<Membre> membres = new ArrayList<>();
        if (saisies == null) {
            return membres;
        }
        if (saisies.size() > MEMBRES_MAX) {
            erreurs.add(new Erreur(champ, n + "au plus " + MEMBRES_MAX + " membres."));
            return membres;
        }
        for (int j = 0; j < saisies.size(); j++) {
            SaisieMembre s = saisies.get(j);
            String p = champ + "[" + j + "].";
            String m = n + "membre " + (j + 1) + " : ";
            if (s == null) {
                erreurs.add(new Erreur(champ + "[" + j + "]", m + "vide."));
                continue;
            }
            int avant = erreurs.size();
            Long organisation = organisation(erreurs, s.organisationId(), s.organisation(), p + "organisation", m);
            String personne = texte(s.personne());
            verifier(erreurs, p + "personne", m + "la personne", personne, Limites.TITRE);
            String fonction = texte(s.fonction());
            verifier(erreurs, p + "fonction", m + "la fonction", fonction, Limites.TITRE);
            boolean consultatif = false;
            if (s.role() != null && !s.role().isBlank()) {
                String role = s.role().strip().toUpperCase(Locale.ROOT);
                if (role.equals("CONSULTATIF")) {
                    consultatif = true;
                } else if (!role.equals("DELIBERATIF")) {
                    erreurs.add(new Erreur(p + "role", m + "rôle « " + Saisie.tronquer(s.role()) + " » inconnu : DELIBERATIF "
                            + "(voix délibérative) ou CONSULTATIF (à titre consultatif)."));
                }
            }
            if (erreurs.size() == avant) {
                Membre membre = new Membre(organisation, personne, fonction, consultatif,
                        Boolean.TRUE.equals(s.copresident()), Boolean.TRUE.equals(s.secretariat()));
                if (membres.stream().anyMatch(membre::memeMembre)) {
                    erreurs.add(new Erreur(p + "organisation", m + "ce membre figure déjà dans l'instance"
                            + (personne == null ? " (même organisation, sans personne nommée)" : " (même organisation et même personne)")
                            + " : retirez le doublon."));
                } else {
                    membres.add(membre);
                }
            }
        }
        return membres;
    }

    private List<ChargeCooperation> validerCharges(List<SaisieChargeCooperation> saisies) {
        if (saisies == null) {
            return List.of();
        }
        if (saisies.size() > CHARGES_MAX) {
            throw new ErreurValidation("chargesCooperation", "Au plus " + CHARGES_MAX + " chargés de coopération.");
        }
        List<Erreur> erreurs = new ArrayList<>();
        List<ChargeCooperation> charges = new ArrayList<>();
        for (int i = 0; i < saisies.size(); i++) {
            SaisieChargeCooperation s = saisies.get(i);
            String p = "chargesCooperation[" + i + "].";
            String n = "Chargé de coopération " + (i + 1) + " : ";
            if (s == null) {
                erreurs.add(new Erreur("chargesCooperation[" + i + "]", n + "vide."));
                continue;
            }
            int avant = erreurs.size();
            String personne = texte(s.personne());
            if (personne == null) {
                erreurs.add(new Erreur(p + "personne", n + "le nom de la personne (ou du poste) est obligatoire."));
            } else {
                verifier(erreurs, p + "personne", n + "la personne", personne, Limites.TITRE);
            }
            Long employeur = organisation(erreurs, s.employeurId(), s.employeur(), p + "employeur", n);
            BigDecimal etp = s.etp();
            if (!etpValide(etp)) {
                erreurs.add(new Erreur(p + "etp", n + "l'ETP total est obligatoire, supérieur à 0 et d'au plus " + ETP_MAX
                        + ", avec au plus deux décimales (par exemple 0,75)."));
            }
            List<PartEtp> parts = new ArrayList<>();
            List<PartEtp> repartition = s.repartition() == null ? List.of() : s.repartition();
            if (repartition.size() > Limites.ELEMENTS) {
                erreurs.add(new Erreur(p + "repartition", n + "au plus " + Limites.ELEMENTS + " thématiques."));
                repartition = List.of();
            }
            BigDecimal somme = BigDecimal.ZERO;
            for (int j = 0; j < repartition.size(); j++) {
                PartEtp part = repartition.get(j);
                String q = p + "repartition[" + j + "].";
                if (part == null) {
                    erreurs.add(new Erreur(p + "repartition[" + j + "]", n + "part " + (j + 1) + " vide."));
                    continue;
                }
                String thematique = texte(part.thematique());
                if (thematique == null) {
                    erreurs.add(new Erreur(q + "thematique", n + "la thématique de la part " + (j + 1) + " est obligatoire."));
                } else {
                    verifier(erreurs, q + "thematique", n + "la thématique", thematique, Limites.TITRE);
                }
                if (!etpValide(part.etp())) {
                    erreurs.add(new Erreur(q + "etp", n + "l'ETP de la part " + (j + 1) + " doit être supérieur à 0, d'au plus "
                            + ETP_MAX + ", avec au plus deux décimales."));
                } else {
                    somme = somme.add(part.etp());
                    if (thematique != null && parts.stream().noneMatch(x -> x.thematique().equalsIgnoreCase(thematique))) {
                        parts.add(new PartEtp(thematique, part.etp()));
                    } else if (thematique != null) {
                        erreurs.add(new Erreur(q + "thematique", n + "la thématique « " + Saisie.tronquer(thematique)
                                + " » figure deux fois dans la répartition."));
                    }
                }
            }
            if (etpValide(etp) && !parts.isEmpty() && somme.compareTo(etp) != 0) {
                erreurs.add(new Erreur(p + "repartition", n + "la répartition par thématique totalise "
                        + somme.stripTrailingZeros().toPlainString().replace('.', ',') + " ETP au lieu de "
                        + etp.stripTrailingZeros().toPlainString().replace('.', ',') + " ETP."));
            }
            if (s.dateDebut() != null && s.dateFin() != null && s.dateFin().isBefore(s.dateDebut())) {
                erreurs.add(new Erreur(p + "dateFin", n + "la fin du poste précède son début."));
            }
            for (var date : new java.time.LocalDate[]{s.dateDebut(), s.dateFin()}) {
                if (date != null && (date.getYear() < Limites.ANNEE_MIN || date.getYear() > Limites.ANNEE_MAX)) {
                    erreurs.add(new Erreur(p + (date == s.dateDebut() ? "dateDebut" : "dateFin"), n + "année hors de "
                            + Limites.ANNEE_MIN + "–" + Limites.ANNEE_MAX + "."));
                }
            }
            String financement = texte(s.financementCaf());
            verifier(erreurs, p + "financementCaf", n + "le financement de la Caf", financement, Limites.TEXTE);
            String fiche = texte(s.fiche());
            verifier(erreurs, p + "fiche", n + "la fiche action", fiche, Limites.CODE);
            if (erreurs.size() == avant) {
                charges.add(new ChargeCooperation(personne, employeur, etp, parts, s.dateDebut(), s.dateFin(), financement, fiche));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return charges;
    }

    private static boolean etpValide(BigDecimal etp) {
        return etp != null && etp.signum() > 0 && etp.compareTo(ETP_MAX) <= 0 && etp.stripTrailingZeros().scale() <= 2;
    }

    /** The organisation by id (it must exist) or by name (found in the referential, else a 400 with candidates). */
    private Long organisation(List<Erreur> erreurs, Long id, String nom, String champ, String n) {
        if (id != null) {
            List<Organisation> trouvees = id > 0 ? organisations.organisations(List.of(id)) : List.of();
            if (trouvees.isEmpty()) {
                erreurs.add(new Erreur(champ, n + "l'organisation n° " + id + " n'existe pas dans le référentiel."));
                return null;
            }
            return id;
        }
        String texte = texte(nom);
        if (texte == null) {
            erreurs.add(new Erreur(champ, n + "l'organisation est obligatoire (organisationId, ou son nom dans le référentiel)."));
            return null;
        }
        if (Saisie.probleme(texte, Limites.TITRE) != null) {
            erreurs.add(new Erreur(champ, n + "l'organisation " + Saisie.probleme(texte, Limites.TITRE)));
            return null;
        }
        try {
            return annuaire.resoudre(champ, texte).id();
        } catch (ErreurValidation e) {
            e.erreurs().forEach(x -> erreurs.add(new Erreur(champ, n + x.message())));
            return null;
        }
    }

    private static List<String> liste(List<Erreur> erreurs, List<String> saisies, String champ, String libelle, int longueur) {
        List<String> valeurs = new ArrayList<>();
        if (saisies == null) {
            return valeurs;
        }
        if (saisies.size() > MISSIONS_MAX) {
            erreurs.add(new Erreur(champ, libelle + " : au plus " + MISSIONS_MAX + " éléments."));
            return valeurs;
        }
        for (int k = 0; k < saisies.size(); k++) {
            String v = texte(saisies.get(k));
            if (v == null) {
                continue;
            }
            String probleme = Saisie.probleme(v, longueur);
            if (probleme != null) {
                erreurs.add(new Erreur(champ + "[" + k + "]", libelle + " " + (k + 1) + " : " + probleme));
            } else {
                valeurs.add(v);
            }
        }
        return valeurs;
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

    private static Map<String, List<String>> resume(Gouvernance g) {
        Map<String, List<String>> resume = new LinkedHashMap<>();
        resume.put("Instances", g.instances().stream().map(i -> i.type().name() + " « " + i.nom() + " » : "
                + (i.frequence() == null ? "" : i.frequence() + ", ") + i.membres().size() + " membres ("
                + g.noms(i.membres()) + ")").toList());
        resume.put("Chargés de coopération", g.charges().stream().map(c -> c.personne() + " (" + g.nom(c.employeurId()) + ", "
                + c.etp().stripTrailingZeros().toPlainString() + " ETP)").toList());
        return resume;
    }
}
