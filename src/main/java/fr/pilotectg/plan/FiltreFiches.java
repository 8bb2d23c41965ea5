package fr.pilotectg.plan;

import java.util.function.Predicate;
import java.util.stream.Stream;

import fr.pilotectg.shared.Textes;

/** Criteria of the plan page; each is optional and they add up. Organisation names match in part, ignoring accents. */
public record FiltreFiches(Long noeud, String porteur, String partenaire, String publicCible, Integer annee,
                           String competence, String garante, String interet, String budget) {

    public static final FiltreFiches AUCUN = new FiltreFiches(null, null, null, null, null, null, null, null, null);

    /** No criterion chosen: the filter form sends "" for each of its inputs, and only the inputs of the plan's template. */
    public boolean estVide() {
        return noeud == null && annee == null
                && Stream.of(porteur, partenaire, publicCible, competence, garante, interet, budget).allMatch(FiltreFiches::vide);
    }

    Predicate<Fiche> predicat() {
        return f -> (annee == null || f.prevueEn(annee))
                && contient(f, "porteurs", porteur)
                && contient(f, "partenaires", partenaire)
                && contient(f, "garantes", garante)
                && (vide(publicCible) || f.champs().liste("publicCible").stream().anyMatch(p -> Textes.plier(p).contains(Textes.plier(publicCible))))
                && (vide(competence) || f.champs().liste("competencesSppe").contains(competence))
                && (vide(interet) || interet.equals(f.champs().texte("interet")))
                && (vide(budget) || budget.equals(f.champs().texte("budget")));
    }

    private static boolean contient(Fiche f, String cle, String texte) {
        return vide(texte) || f.champs().organisations(cle).stream().anyMatch(o -> Textes.plier(o.nom()).contains(Textes.plier(texte)));
    }

    private static boolean vide(String texte) {
        return texte == null || texte.isBlank();
    }
}
