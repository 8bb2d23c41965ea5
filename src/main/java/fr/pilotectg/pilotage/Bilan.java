package fr.pilotectg.pilotage;

import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.pilotage.TableauDeBord.IndicateurVue;

/** A bilan: what the years from {@code de} to {@code a} produced, and its written synthesis. */
public record Bilan(Convention convention, TypeBilan type, Integer de, Integer a, boolean exemple, boolean modifiable,
                    List<AxeBilan> axes, Graphique graphique, List<IndicateurVue> indicateurs,
                    Map<Integer, List<AxeTransversalVue>> axesTransversaux, SyntheseBilan synthese) {

    /** Effective statuses of an axe's fiche-years over the bilan's years, and the saved results of its fiches. */
    public record AxeBilan(String libelle, int realisees, int enCours, int nonRealisees, int enCoursDAnnee, int aVenir,
                           int nonConcernees, List<FicheBilan> fiches) {

        public List<FicheBilan> fichesAvecResultats() {
            return fiches.stream().filter(f -> !f.resultats().isEmpty()).toList();
        }
    }

    public record FicheBilan(String intitule, List<ResultatVue> resultats) {
    }

    public record ResultatVue(int annee, String texte) {
    }

    public record AxeTransversalVue(String axe, String ouvertures, String fermetures, String faitsMarquants, String resultats,
                                    String perspectives, String impacts) {
    }

    public boolean aDesResultats() {
        return axes.stream().anyMatch(a -> !a.fichesAvecResultats().isEmpty());
    }

    public boolean aUnePeriode() {
        return de != null;
    }
}
