package fr.pilotectg.ao;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.pilotectg.shared.ErreurValidation;

/** Checks of a projection line; each error names the line ("ligne 2, MAM") and the field. */
final class ValidationProjection {

    private ValidationProjection() {
    }

    static void verifier(int index, LigneProjection ligne, List<Integer> anneesPeriode, List<ErreurValidation.Erreur> erreurs) {
        String prefixe = "lignes[" + index + "].";
        String nom = "Ligne " + (index + 1) + (ligne == null || ligne.mode() == null ? "" : " (" + ligne.intitule() + ")");
        if (ligne == null || ligne.mode() == null) {
            erreurs.add(new ErreurValidation.Erreur(prefixe + "mode", nom + " : choisissez le mode d'accueil."));
            if (ligne == null) {
                return;
            }
        }
        if (negatif(ligne.actuel())) {
            erreurs.add(new ErreurValidation.Erreur(prefixe + "actuel", nom + " : le nombre actuel de places (ou d'ETP) ne peut pas être négatif ("
                    + ligne.actuel().toPlainString() + ")."));
        }
        Set<Integer> vues = new HashSet<>();
        for (LigneProjection.ValeurAnnee valeur : ligne.annees()) {
            if (valeur == null || valeur.annee() == null) {
                erreurs.add(new ErreurValidation.Erreur(prefixe + "annees", nom + " : une valeur projetée n'indique pas son année."));
                continue;
            }
            String champ = prefixe + "annees." + valeur.annee();
            if (!anneesPeriode.contains(valeur.annee())) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " : l'année " + valeur.annee() + " est hors de la période de la convention ("
                        + (anneesPeriode.isEmpty() ? "dates non fixées" : anneesPeriode.get(0) + "–" + anneesPeriode.get(anneesPeriode.size() - 1)) + ")."));
            } else if (!vues.add(valeur.annee())) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " : l'année " + valeur.annee() + " est indiquée deux fois."));
            }
            if (negatif(valeur.valeur())) {
                erreurs.add(new ErreurValidation.Erreur(champ, nom + " : la valeur projetée pour " + valeur.annee()
                        + " ne peut pas être négative (" + valeur.valeur().toPlainString() + ")."));
            }
        }
    }

    /** Blank texts become null and years without figure nor words are dropped. */
    static LigneProjection nettoyer(LigneProjection l) {
        return new LigneProjection(l.mode(), texte(l.libelle()), l.actuel(), texte(l.actuelPrecision()),
                l.annees().stream().filter(a -> a.valeur() != null || texte(a.precision()) != null)
                        .map(a -> new LigneProjection.ValeurAnnee(a.annee(), a.valeur(), texte(a.precision()))).toList(),
                texte(l.besoinsEmploisCompetences()), texte(l.autresBesoins()), texte(l.projetsType()),
                texte(l.projetsCoutCalendrier()), texte(l.ingenierie()));
    }

    private static boolean negatif(BigDecimal valeur) {
        return valeur != null && valeur.signum() < 0;
    }

    private static String texte(String texte) {
        return texte == null || texte.isBlank() ? null : texte.trim();
    }
}
