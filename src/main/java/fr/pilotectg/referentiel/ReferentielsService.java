package fr.pilotectg.referentiel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.referentiel.SaisieReferentiel.SaisieElement;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.Versions;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference frameworks of a convention: read by its readers, changed by its managers (versioned as a whole,
 * journalled). Items are nested once; ids sent back keep frameworks and items (and what links to them), ids of
 * another convention are refused.
 */
@Service
public class ReferentielsService {

    static final int REFERENTIELS_MAX = 50;
    static final int ELEMENTS_MAX = 300;

    private final ReferentielsRepository repository;
    private final ConventionService conventions;
    private final Journal journal;

    ReferentielsService(ReferentielsRepository repository, ConventionService conventions, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.journal = journal;
    }

    public Referentiels referentiels(long conventionId) {
        return lire(conventions.vue(conventionId));
    }

    /** Replaces the whole list of frameworks of the convention. */
    @Transactional
    public Referentiels modifier(long conventionId, Integer version, List<SaisieReferentiel> saisies) {
        VueConvention vue = conventions.vue(conventionId);
        exigerModifiable(vue);
        int lue = Versions.exiger(version);
        Referentiels avant = lire(vue);
        exigerVersion(avant, lue);
        List<Referentiel> referentiels = valider(avant, saisies);
        return enregistrer(vue, avant, lue, referentiels);
    }

    /** Adds ({@code referentielId} null) or replaces one framework, the others left as they are. */
    @Transactional
    public Referentiels modifierUn(long conventionId, Integer version, Long referentielId, SaisieReferentiel saisie) {
        VueConvention vue = conventions.vue(conventionId);
        exigerModifiable(vue);
        int lue = Versions.exiger(version);
        Referentiels avant = lire(vue);
        exigerVersion(avant, lue);
        List<SaisieReferentiel> saisies = new ArrayList<>(avant.referentiels().stream().map(ReferentielsService::enSaisie).toList());
        SaisieReferentiel nouvelle = new SaisieReferentiel(referentielId, saisie.nom(), saisie.proprietaire(), saisie.elements());
        if (referentielId == null) {
            saisies.add(nouvelle);
        } else {
            int index = index(avant, referentielId);
            saisies.set(index, nouvelle);
        }
        return enregistrer(vue, avant, lue, valider(avant, saisies));
    }

    @Transactional
    public Referentiels supprimer(long conventionId, Integer version, long referentielId) {
        VueConvention vue = conventions.vue(conventionId);
        exigerModifiable(vue);
        int lue = Versions.exiger(version);
        Referentiels avant = lire(vue);
        exigerVersion(avant, lue);
        List<SaisieReferentiel> saisies = new ArrayList<>(avant.referentiels().stream().map(ReferentielsService::enSaisie).toList());
        saisies.remove(index(avant, referentielId));
        return enregistrer(vue, avant, lue, valider(avant, saisies));
    }

    /** The framework of this convention, or 404 (after the convention's own access check). */
    public Referentiel referentiel(Referentiels referentiels, long referentielId) {
        return referentiels.referentiel(referentielId)
                .orElseThrow(() -> new Introuvable("Ce référentiel n'existe pas dans cette convention."));
    }

    private int index(Referentiels avant, long referentielId) {
        referentiel(avant, referentielId);
        for (int i = 0; i < avant.referentiels().size(); i++) {
            if (avant.referentiels().get(i).id() == referentielId) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private Referentiels enregistrer(VueConvention vue, Referentiels avant, int version, List<Referentiel> referentiels) {
        long id = vue.convention().id();
        if (avant.version() != version || !repository.enregistrer(id, version, referentiels)) {
            throw conflit();
        }
        Referentiels apres = lire(vue);
        journal.enregistrer("referentiels", id, id, "modification des référentiels",
                Changement.entre(resume(avant), resume(apres)));
        return apres;
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Les référentiels de cette convention ont été modifiés par quelqu'un d'autre "
                + "depuis que vous les avez ouverts : vos modifications n'ont pas été enregistrées. Rechargez la page, "
                + "puis refaites vos changements.");
    }

    /** A stale version is a conflict before anything else: the ids it sends may be of items deleted since. */
    private static void exigerVersion(Referentiels avant, int lue) {
        if (avant.version() != lue) {
            throw conflit();
        }
    }

    private static void exigerModifiable(VueConvention vue) {
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les référentiels de cette convention mais pas les modifier.");
        }
    }

    private Referentiels lire(VueConvention vue) {
        long id = vue.convention().id();
        return new Referentiels(id, vue.convention().titre(), repository.version(id).orElse(0), repository.referentiels(id),
                vue.modifiable());
    }

    static SaisieReferentiel enSaisie(Referentiel r) {
        return new SaisieReferentiel(r.id(), r.nom(), r.proprietaire(), r.elements().stream().map(ReferentielsService::enSaisie).toList());
    }

    private static SaisieElement enSaisie(ElementReferentiel e) {
        return new SaisieElement(e.id(), e.code(), e.intitule(), e.sousElements().stream().map(ReferentielsService::enSaisie).toList());
    }

    private static List<Referentiel> valider(Referentiels existants, List<SaisieReferentiel> saisies) {
        if (saisies == null) {
            throw new ErreurValidation("referentiels", "La liste des référentiels est obligatoire (elle peut être vide).");
        }
        if (saisies.size() > REFERENTIELS_MAX) {
            throw new ErreurValidation("referentiels", "Au plus " + REFERENTIELS_MAX + " référentiels (reçu : " + saisies.size() + ").");
        }
        Set<Long> referentielsConnus = new HashSet<>();
        Set<Long> elementsConnus = new HashSet<>();
        for (Referentiel r : existants.referentiels()) {
            referentielsConnus.add(r.id());
            r.tousLesElements().forEach(e -> elementsConnus.add(e.id()));
        }
        Validation v = new Validation(referentielsConnus, elementsConnus);
        List<Referentiel> referentiels = new ArrayList<>();
        for (int i = 0; i < saisies.size(); i++) {
            Referentiel r = v.referentiel("referentiels[" + i + "]", "Référentiel " + (i + 1), saisies.get(i));
            if (r != null) {
                referentiels.add(r);
            }
        }
        if (!v.erreurs.isEmpty()) {
            throw new ErreurValidation(v.erreurs);
        }
        return referentiels;
    }

    /** Collects every problem of a list of frameworks, each naming its field. */
    private static final class Validation {

        final List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        final Set<Long> referentielsConnus;
        final Set<Long> elementsConnus;
        final Set<Long> referentielsVus = new HashSet<>();
        final Set<Long> elementsVus = new HashSet<>();

        Validation(Set<Long> referentielsConnus, Set<Long> elementsConnus) {
            this.referentielsConnus = referentielsConnus;
            this.elementsConnus = elementsConnus;
        }

        Referentiel referentiel(String champ, String nom, SaisieReferentiel s) {
            if (s == null) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " vide."));
                return null;
            }
            int avant = erreurs.size();
            identifiant(champ + ".id", nom, s.id(), referentielsConnus, referentielsVus, "référentiel");
            String intitule = ligne(champ + ".nom", nom + " : le nom", s.nom(), Limites.TITRE, true);
            String proprietaire = ligne(champ + ".proprietaire", nom + " : le propriétaire", s.proprietaire(), Limites.TITRE, false);
            List<SaisieElement> saisies = s.elements() == null ? List.of() : s.elements();
            long total = saisies.stream().filter(e -> e != null).mapToLong(e -> 1 + (e.elements() == null ? 0 : e.elements().size())).sum();
            if (total > ELEMENTS_MAX) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".elements", nom + " : au plus " + ELEMENTS_MAX
                        + " éléments (reçu : " + total + ")."));
                return null;
            }
            List<ElementReferentiel> elements = new ArrayList<>();
            for (int j = 0; j < saisies.size(); j++) {
                ElementReferentiel e = element(champ + ".elements[" + j + "]", nom + ", élément " + (j + 1), saisies.get(j), true);
                if (e != null) {
                    elements.add(e);
                }
            }
            return erreurs.size() == avant ? new Referentiel(s.id(), intitule, proprietaire, elements) : null;
        }

        ElementReferentiel element(String champ, String nom, SaisieElement s, boolean premierNiveau) {
            if (s == null) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " vide."));
                return null;
            }
            int avant = erreurs.size();
            identifiant(champ + ".id", nom, s.id(), elementsConnus, elementsVus, "élément");
            String code = ligne(champ + ".code", nom + " : le code", s.code(), Limites.CODE, false);
            String intitule = ligne(champ + ".intitule", nom + " : l'intitulé", s.intitule(), Limites.TITRE, true);
            List<ElementReferentiel> sous = new ArrayList<>();
            List<SaisieElement> saisies = s.elements() == null ? List.of() : s.elements();
            if (!premierNiveau && !saisies.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".elements", nom + " : un sous-élément ne peut pas avoir "
                        + "lui-même de sous-éléments (un seul niveau d'imbrication)."));
                return null;
            }
            for (int k = 0; k < saisies.size(); k++) {
                ElementReferentiel e = element(champ + ".elements[" + k + "]", nom + "." + (k + 1), saisies.get(k), false);
                if (e != null) {
                    sous.add(e);
                }
            }
            return erreurs.size() == avant ? new ElementReferentiel(s.id(), code, intitule, sous) : null;
        }

        private void identifiant(String champ, String nom, Long id, Set<Long> connus, Set<Long> vus, String quoi) {
            if (id == null) {
                return;
            }
            if (!connus.contains(id)) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " : l'identifiant " + id + " n'est pas celui d'un "
                        + quoi + " de cette convention (omettez « id » pour en créer un)."));
            } else if (!vus.add(id)) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " : l'identifiant " + id + " est donné deux fois."));
            }
        }

        private String ligne(String champ, String libelle, String valeur, int max, boolean obligatoire) {
            String v = valeur == null ? "" : valeur.strip();
            if (v.isEmpty()) {
                if (obligatoire) {
                    erreurs.add(new ErreurValidation.Erreur(champ, libelle + " est obligatoire."));
                }
                return null;
            }
            String probleme = Saisie.probleme(v, max);
            if (probleme == null && v.contains("\n")) {
                probleme = "doit tenir sur une ligne.";
            }
            if (probleme != null) {
                erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : " + probleme));
                return null;
            }
            return v;
        }
    }

    private static Map<String, Object> resume(Referentiels r) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Référentiels", r.referentiels().stream()
                .map(x -> x.nom() + (x.proprietaire() == null ? "" : " (" + x.proprietaire() + ")")).toList());
        for (Referentiel x : r.referentiels()) {
            List<String> elements = new ArrayList<>();
            for (ElementReferentiel e : x.elements()) {
                elements.add(e.libelle());
                e.sousElements().forEach(s -> elements.add("— " + s.libelle()));
            }
            resume.merge("Éléments — " + x.nom(), elements, (a, b) -> a);
        }
        return resume;
    }
}
