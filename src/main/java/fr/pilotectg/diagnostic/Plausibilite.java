package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import fr.pilotectg.shared.Textes;

/**
 * Warnings on a value that is accepted but looks wrong: a percentage over 100 (or a rate per thousand over 1 000), a
 * negative share, a rate ten times above (or below) every comparator (the other territories of the same indicator and
 * period). Only
 * rates are compared with other territories: a count of an EPCI is naturally far below the département's.
 */
final class Plausibilite {

    private static final BigDecimal DIX = BigDecimal.TEN;

    private Plausibilite() {
    }

    /** The warning for that value, or null when it looks plausible. */
    static String verifier(Indicateur indicateur, Valeur valeur, List<Valeur> comparateurs) {
        if (valeur == null || !valeur.estNombre()) {
            return null;
        }
        String unite = unite(indicateur);
        BigDecimal bas = valeur.nombre();
        BigDecimal haut = valeur.estIntervalle() ? valeur.max() : valeur.nombre();
        BigDecimal borne = borne(indicateur);
        if (borne != null && (haut.compareTo(borne) > 0 || bas.signum() < 0)) {
            return "valeur peu plausible : " + valeur.texte() + " " + unite + " pour " + (borne.intValue() == 100 ? "un pourcentage" : "un taux pour mille")
                    + " (attendu entre 0 et " + borne.intValue() + " " + unite + ") ; valeur conservée, à vérifier dans le document";
        }
        if (!compareAuxAutres(indicateur)) {
            return null;
        }
        List<BigDecimal> autres = comparateurs.stream().filter(v -> v != null && v.estNombre() && !v.estIntervalle())
                .map(Valeur::nombre).filter(n -> n.signum() > 0).sorted().toList();
        if (autres.isEmpty() || bas.signum() <= 0) {
            return null;
        }
        BigDecimal plusBas = autres.get(0);
        BigDecimal plusHaut = autres.get(autres.size() - 1);
        boolean eleve = bas.compareTo(plusHaut.multiply(DIX)) >= 0;
        if (eleve || haut.multiply(DIX).compareTo(plusBas) <= 0) {
            BigDecimal reference = eleve ? plusHaut : plusBas;
            BigDecimal rapport = eleve ? bas.divide(reference, 1, RoundingMode.HALF_UP) : reference.divide(haut, 1, RoundingMode.HALF_UP);
            return "valeur peu plausible : " + valeur.texte() + (unite.isEmpty() ? "" : " " + unite) + " est " + Valeur.formater(rapport)
                    + " fois " + (eleve ? "plus élevée que la plus haute" : "plus faible que la plus basse") + " des territoires de comparaison ("
                    + Valeur.formater(reference) + (unite.isEmpty() ? "" : " " + unite) + ") ; valeur conservée, à vérifier dans le document";
        }
        return null;
    }

    /**
     * The bound of a percentage (100) or a rate per thousand (1 000), null when the indicator has none or is an
     * evolution (which may exceed it).
     */
    static BigDecimal borne(Indicateur indicateur) {
        String unite = unite(indicateur);
        if (Textes.plier(indicateur.libelle()).matches(".*\\b(evolution|variation|progression)\\b.*")) {
            return null;
        }
        return unite.startsWith("%") ? BigDecimal.valueOf(100) : unite.startsWith("‰") ? BigDecimal.valueOf(1000) : null;
    }

    /** A rate, a share or a ratio (comparable between territories of different sizes), not a count. */
    static boolean compareAuxAutres(Indicateur indicateur) {
        String unite = unite(indicateur);
        String u = Textes.plier(unite);
        return indicateur.estRatio() || unite.startsWith("%") || unite.startsWith("‰") || u.contains("pour ") || unite.contains("/")
                || Textes.plier(indicateur.libelle()).startsWith("taux");
    }

    private static String unite(Indicateur indicateur) {
        return indicateur.unite() == null ? "" : indicateur.unite().strip();
    }
}
