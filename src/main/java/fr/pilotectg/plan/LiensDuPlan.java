package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Links of fiches and plan nodes to framework items and objectifs conjoints (issue 11 item 2). Written only inside a
 * fiche or node write that already checked the rights and the version ({@link EcritureFiche}, {@link PlanService});
 * an id that is not a target of the fiche's own convention is refused (400 naming the member), nothing written.
 */
@Service
class LiensDuPlan {

    static final int LIENS_MAX = 200;
    static final String CHAMP_REFERENTIELS = "referentielElements";
    static final String CHAMP_OBJECTIFS = "objectifsConjoints";

    private final LiensRepository repository;
    private final ObjectProvider<CiblesDesLiens> cibles;
    private final Journal journal;

    LiensDuPlan(LiensRepository repository, ObjectProvider<CiblesDesLiens> cibles, Journal journal) {
        this.repository = repository;
        this.cibles = cibles;
        this.journal = journal;
    }

    CiblesDesLiens.Cibles cibles(long conventionId) {
        CiblesDesLiens c = cibles.getIfAvailable();
        return c == null ? CiblesDesLiens.Cibles.AUCUNE : c.cibles(conventionId);
    }

    Liens deFiche(long ficheId) {
        return repository.liens(LiensRepository.Source.FICHE, ficheId);
    }

    Liens deNoeud(long noeudId) {
        return repository.liens(LiensRepository.Source.NOEUD, noeudId);
    }

    Map<Long, Liens> desFiches(long conventionId) {
        return repository.liensDeLaConvention(LiensRepository.Source.FICHE, conventionId);
    }

    Map<Long, Liens> desNoeuds(long conventionId) {
        return repository.liensDeLaConvention(LiensRepository.Source.NOEUD, conventionId);
    }

    /** The links asked, checked against the convention's targets; a null member is read as empty. */
    Liens valider(long conventionId, Liens voulus, String prefixe) {
        CiblesDesLiens.Cibles c = cibles(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<Long> elements = verifier(voulus == null ? null : voulus.referentielElements(), c.libellesReferentiels().keySet(),
                prefixe + CHAMP_REFERENTIELS, "un élément des référentiels de cette convention (GET …/referentiels)", erreurs);
        List<Long> objectifs = verifier(voulus == null ? null : voulus.objectifsConjoints(), c.libellesObjectifs().keySet(),
                prefixe + CHAMP_OBJECTIFS, "un objectif conjoint de cette convention (GET …/objectifs-conjoints)", erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new Liens(elements, objectifs);
    }

    /** For a plan imported from another convention: the links to targets of this convention kept, the others dropped. */
    /** {@code compte[2]} is increased by the number of links dropped. */
    Liens garderLesConnus(long conventionId, Liens voulus, int[] compte) {
        if (voulus == null || voulus.vide()) {
            return Liens.AUCUN;
        }
        CiblesDesLiens.Cibles c = cibles(conventionId);
        List<Long> elements = voulus.referentielElements() == null ? List.of() : voulus.referentielElements().stream()
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<Long> objectifs = voulus.objectifsConjoints() == null ? List.of() : voulus.objectifsConjoints().stream()
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<Long> e = elements.stream().filter(c.libellesReferentiels()::containsKey).toList();
        List<Long> o = objectifs.stream().filter(c.libellesObjectifs()::containsKey).toList();
        compte[2] += elements.size() - e.size() + objectifs.size() - o.size();
        return new Liens(e, o);
    }

    void enregistrerFiche(Fiche fiche, Liens liens) {
        enregistrer(LiensRepository.Source.FICHE, "fiche", fiche.id(), fiche.conventionId(), liens);
    }

    void enregistrerNoeud(Noeud noeud, Liens liens) {
        enregistrer(LiensRepository.Source.NOEUD, "noeud", noeud.id(), noeud.conventionId(), liens);
    }

    private void enregistrer(LiensRepository.Source source, String type, long id, long conventionId, Liens liens) {
        Liens avant = repository.liens(source, id);
        Liens apres = new Liens(trie(liens.referentielElements()), trie(liens.objectifsConjoints()));
        if (avant.equals(apres)) {
            return;
        }
        repository.remplacer(source, id, apres);
        CiblesDesLiens.Cibles c = cibles(conventionId);
        journal.enregistrer(type, id, conventionId, "liens aux référentiels et objectifs conjoints", Changement.entre(
                Map.of("Éléments de référentiel", noms(avant.referentielElements(), c.libellesReferentiels()),
                        "Objectifs conjoints", noms(avant.objectifsConjoints(), c.libellesObjectifs())),
                Map.of("Éléments de référentiel", noms(apres.referentielElements(), c.libellesReferentiels()),
                        "Objectifs conjoints", noms(apres.objectifsConjoints(), c.libellesObjectifs()))));
    }

    private static List<Long> trie(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().sorted().toList();
    }

    private static String noms(List<Long> ids, Map<Long, String> libelles) {
        return ids.isEmpty() ? "" : String.join(" ; ", ids.stream().map(i -> libelles.getOrDefault(i, "n° " + i)).toList());
    }

    private static List<Long> verifier(List<Long> ids, Set<Long> connus, String champ, String attendu, List<ErreurValidation.Erreur> erreurs) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > LIENS_MAX) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Au plus " + LIENS_MAX + " liens (reçu : " + ids.size() + ")."));
            return List.of();
        }
        Set<Long> gardes = new LinkedHashSet<>();
        List<String> inconnus = new ArrayList<>();
        for (Long id : ids) {
            if (id == null || !connus.contains(id)) {
                inconnus.add(String.valueOf(id));
            } else {
                gardes.add(id);
            }
        }
        if (!inconnus.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(champ, "L'identifiant " + String.join(", ", inconnus) + " n'est pas " + attendu + "."));
        }
        return List.copyOf(gardes);
    }
}
