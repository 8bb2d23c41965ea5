package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objectifs conjoints of a convention: read by its readers, replaced as a whole by its managers (versioned,
 * journalled). Each binds a non-empty group of the convention's parties; any other organisation is refused.
 */
@Service
public class ObjectifsService {

    static final int OBJECTIFS_MAX = 200;

    private final ObjectifsRepository repository;
    private final ConventionService conventions;
    private final Journal journal;

    ObjectifsService(ObjectifsRepository repository, ConventionService conventions, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.journal = journal;
    }

    public ObjectifsConjoints objectifs(long conventionId) {
        return lire(conventions.vue(conventionId));
    }

    @Transactional
    public ObjectifsConjoints modifier(long conventionId, Integer version, List<SaisieObjectif> saisies) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les objectifs conjoints de cette convention mais pas les modifier.");
        }
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version des objectifs que vous avez lue "
                    + "(0 tant qu'aucun objectif n'a été enregistré).");
        }
        ObjectifsConjoints avant = lire(vue);
        if (avant.version() != version) {
            throw conflit();
        }
        List<ObjectifConjoint> objectifs = valider(vue, saisies, avant);
        if (!repository.remplacer(conventionId, version, objectifs)) {
            throw conflit();
        }
        ObjectifsConjoints apres = lire(vue);
        journal.enregistrer("objectifs-conjoints", conventionId, conventionId, "modification des objectifs conjoints",
                Changement.entre(Map.of("Objectifs conjoints", resume(avant)), Map.of("Objectifs conjoints", resume(apres))));
        return apres;
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Les objectifs conjoints de cette convention ont été modifiés par quelqu'un "
                    + "d'autre depuis que vous les avez ouverts : vos modifications n'ont pas été enregistrées. Rechargez, "
                    + "puis refaites vos changements.");
    }

    private ObjectifsConjoints lire(VueConvention vue) {
        long id = vue.convention().id();
        Map<Long, String> noms = new LinkedHashMap<>();
        vue.parties().forEach(p -> noms.put(p.organisation().id(), p.organisation().nom()));
        return new ObjectifsConjoints(id, repository.version(id).orElse(0), repository.objectifs(id), noms, vue.modifiable());
    }

    private static List<ObjectifConjoint> valider(VueConvention vue, List<SaisieObjectif> saisies, ObjectifsConjoints lus) {
        java.util.Set<Long> existants = new java.util.HashSet<>();
        lus.objectifs().forEach(o -> existants.add(o.id()));
        java.util.Set<Long> cites = new java.util.HashSet<>();
        if (saisies == null) {
            throw new ErreurValidation("objectifs", "La liste des objectifs est obligatoire (elle peut être vide).");
        }
        if (saisies.size() > OBJECTIFS_MAX) {
            throw new ErreurValidation("objectifs", "Au plus " + OBJECTIFS_MAX + " objectifs (reçu : " + saisies.size() + ").");
        }
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<ObjectifConjoint> objectifs = new ArrayList<>();
        for (int i = 0; i < saisies.size(); i++) {
            SaisieObjectif s = saisies.get(i);
            String p = "objectifs[" + i + "].";
            String n = "Objectif " + (i + 1) + " : ";
            if (s == null) {
                erreurs.add(new ErreurValidation.Erreur("objectifs[" + i + "]", n + "vide."));
                continue;
            }
            int avant = erreurs.size();
            String intitule = s.intitule() == null ? "" : s.intitule().strip();
            if (intitule.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(p + "intitule", n + "l'intitulé est obligatoire."));
            } else if (Saisie.probleme(intitule, Limites.TITRE) != null) {
                erreurs.add(new ErreurValidation.Erreur(p + "intitule", n + "l'intitulé " + Saisie.probleme(intitule, Limites.TITRE)));
            }
            String groupe = s.libelleGroupe() == null || s.libelleGroupe().isBlank() ? null : s.libelleGroupe().strip();
            if (Saisie.probleme(groupe, Limites.TITRE) != null) {
                erreurs.add(new ErreurValidation.Erreur(p + "libelleGroupe", n + "le groupe " + Saisie.probleme(groupe, Limites.TITRE)));
            }
            if (Saisie.probleme(s.texte(), Limites.TEXTE) != null) {
                erreurs.add(new ErreurValidation.Erreur(p + "texte", n + "le texte " + Saisie.probleme(s.texte(), Limites.TEXTE)));
            }
            List<Long> parties = s.parties() == null ? List.of() : List.copyOf(new LinkedHashSet<>(s.parties()));
            if (parties.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(p + "parties", n + "choisissez au moins un signataire que l'objectif engage."));
            }
            List<Long> etrangeres = parties.stream().filter(o -> !vue.convention().estPartie(o)).toList();
            if (!etrangeres.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(p + "parties", n + "l'organisation n° "
                        + etrangeres.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                        + " n'est pas partie à cette convention. Parties possibles : " + vue.parties().stream()
                        .map(x -> x.organisation().nom() + " (" + x.organisation().id() + ")").reduce((a, b) -> a + ", " + b).orElse("aucune")
                        + "."));
            }
            if (s.id() != null && !existants.contains(s.id())) {
                erreurs.add(new ErreurValidation.Erreur(p + "id", n + "l'objectif n° " + s.id() + " n'est pas un objectif conjoint "
                        + "de cette convention (omettez l'id pour en créer un)."));
            } else if (s.id() != null && !cites.add(s.id())) {
                erreurs.add(new ErreurValidation.Erreur(p + "id", n + "l'objectif n° " + s.id() + " est cité deux fois."));
            }
            if (erreurs.size() == avant) {
                objectifs.add(new ObjectifConjoint(intitule, TexteRiche.nettoyer(s.texte()), groupe, parties, s.id()));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return objectifs;
    }

    private static List<String> resume(ObjectifsConjoints o) {
        return o.objectifs().stream().map(x -> o.libelle(x) + " : " + x.intitule()).toList();
    }
}
