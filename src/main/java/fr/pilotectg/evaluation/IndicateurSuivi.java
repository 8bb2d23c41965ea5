package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An indicator of a fiche (its "indicateurs" field, at {@code position}) with its follow-up: unit, baseline,
 * target and yearly values. {@code id} is null and {@code version} 0 while no follow-up is saved. {@code cle} is the
 * indicator's own id in its fiche ({@link fr.pilotectg.plan.Indicateur#cle()}): the follow-up is tied to it, not to the position.
 */
public record IndicateurSuivi(Long id, long ficheId, String referenceFiche, String titreFiche, int position, String libelle,
                              String type, String unite, BigDecimal baseValeur, Integer baseAnnee, BigDecimal cibleValeur,
                              Integer cibleAnnee, TreeMap<Integer, ValeurIndicateur> valeurs, boolean exemple, int version,
                              boolean modifiable, String cle) {

    public ValeurIndicateur valeur(int annee) {
        return valeurs.get(annee);
    }

    /** Between the two latest numeric values, in year order; empty with fewer than two. */
    public Optional<Tendance> tendance() {
        List<Map.Entry<Integer, ValeurIndicateur>> nombres = valeurs.entrySet().stream()
                .filter(e -> !e.getValue().estUnMarqueur()).toList();
        if (nombres.size() < 2) {
            return Optional.empty();
        }
        Map.Entry<Integer, ValeurIndicateur> precedente = nombres.get(nombres.size() - 2);
        Map.Entry<Integer, ValeurIndicateur> derniere = nombres.get(nombres.size() - 1);
        return Optional.of(Tendance.entre(precedente.getKey(), precedente.getValue().nombre(),
                derniere.getKey(), derniere.getValue().nombre()));
    }

    public String texteBase() {
        return baseValeur == null ? null : ValeurIndicateur.nombreFr(baseValeur) + (baseAnnee == null ? "" : " (" + baseAnnee + ")");
    }

    public String texteCible() {
        return cibleValeur == null ? null : ValeurIndicateur.nombreFr(cibleValeur) + (cibleAnnee == null ? "" : " (" + cibleAnnee + ")");
    }
}
