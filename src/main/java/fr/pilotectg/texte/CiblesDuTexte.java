package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.plan.CiblesDesLiens;
import fr.pilotectg.referentiel.ElementReferentiel;
import fr.pilotectg.referentiel.ReferentielsService;
import org.springframework.stereotype.Component;

/**
 * What the plan's fiches and axes may be linked to: the items of the convention's reference frameworks (grouped by
 * framework, sub-items after their parent) and its objectifs conjoints (grouped by group of signatories). Lives here
 * because the text already depends on the plan (through the diagnostic): the plan only knows {@link CiblesDesLiens}.
 */
@Component
class CiblesDuTexte implements CiblesDesLiens {

    private final ReferentielsService referentiels;
    private final ObjectifsService objectifs;

    CiblesDuTexte(ReferentielsService referentiels, ObjectifsService objectifs) {
        this.referentiels = referentiels;
        this.objectifs = objectifs;
    }

    @Override
    public Cibles cibles(long conventionId) {
        List<Groupe> cadres = referentiels.referentiels(conventionId).referentiels().stream()
                .map(r -> {
                    List<Cible> cibles = new ArrayList<>();
                    for (ElementReferentiel e : r.elements()) {
                        cibles.add(new Cible(e.id(), e.libelle(), 0));
                        e.sousElements().forEach(s -> cibles.add(new Cible(s.id(), s.libelle(), 1)));
                    }
                    return new Groupe(r.nom(), cibles);
                }).toList();
        ObjectifsConjoints o = objectifs.objectifs(conventionId);
        List<Groupe> groupes = o.groupes().stream()
                .map(g -> new Groupe(g.libelle(), g.objectifs().stream().map(x -> new Cible(x.id(), x.intitule(), 0)).toList()))
                .toList();
        return new Cibles(cadres, groupes);
    }
}
