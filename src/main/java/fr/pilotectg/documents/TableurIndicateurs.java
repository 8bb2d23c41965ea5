package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.evaluation.IndicateurSuivi;
import fr.pilotectg.evaluation.IndicateursService;
import fr.pilotectg.evaluation.ValeurIndicateur;
import fr.pilotectg.evaluation.VueIndicateurs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of the fiches with their yearly values: a number is a number cell, a statistical marker ("&lt;5",
 * "NS", "ND") stays a text cell, never 0.
 */
@Component
class TableurIndicateurs {

    private final IndicateursService indicateurs;

    TableurIndicateurs(IndicateursService indicateurs) {
        this.indicateurs = indicateurs;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur(long conventionId) {
        VueIndicateurs vue = indicateurs.indicateurs(conventionId);
        List<TableurColonne> colonnes = new ArrayList<>(List.of(TableurColonne.de("Référence fiche", 12),
                TableurColonne.de("Fiche action", 40), TableurColonne.de("Indicateur", 45), TableurColonne.de("Type", 14),
                TableurColonne.de("Unité", 12), TableurColonne.de("Valeur de référence", 14),
                TableurColonne.de("Année de référence", 12), TableurColonne.de("Cible", 12), TableurColonne.de("Année cible", 12)));
        for (Integer annee : vue.annees()) {
            colonnes.add(TableurColonne.de(String.valueOf(annee), 10));
        }
        List<List<Object>> lignes = new ArrayList<>();
        for (IndicateurSuivi i : vue.indicateurs()) {
            List<Object> valeurs = new ArrayList<>();
            valeurs.add(i.referenceFiche());
            valeurs.add(i.titreFiche());
            valeurs.add(i.libelle());
            valeurs.add(i.type() == null ? null : i.type().toLowerCase());
            valeurs.add(i.unite());
            valeurs.add(i.baseValeur());
            valeurs.add(i.baseAnnee());
            valeurs.add(i.cibleValeur());
            valeurs.add(i.cibleAnnee());
            for (Integer annee : vue.annees()) {
                ValeurIndicateur v = i.valeur(annee);
                valeurs.add(v == null ? null : v.estUnMarqueur() ? v.marqueur() : v.nombre());
            }
            lignes.add(valeurs);
        }
        return new TableurClasseur("Indicateurs - " + vue.convention().titre(),
                List.of(new TableurFeuille("Indicateurs", colonnes, lignes)));
    }
}
