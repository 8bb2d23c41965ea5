package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The EAJE table with its totals recomputed from the rows and compared with the printed ones. */
public record TableauEaje(List<LigneEaje> lignes, Total places, Total enfantsInscrits, BigDecimal enfantsParPlace) {

    static TableauEaje de(List<LigneEaje> lignes, List<ChiffreImprime> imprimes) {
        Total places = total("Places", lignes, LigneEaje::places, imprime(imprimes, "places"));
        Total enfants = total("Enfants inscrits", lignes, LigneEaje::enfantsInscrits, imprime(imprimes, "enfantsInscrits"));
        BigDecimal parPlace = places.calcule() == null || places.calcule().signum() == 0 || enfants.calcule() == null ? null
                : enfants.calcule().divide(places.calcule(), 2, RoundingMode.HALF_UP);
        return new TableauEaje(List.copyOf(lignes), places, enfants, parPlace);
    }

    private static Total total(String libelle, List<LigneEaje> lignes, Function<LigneEaje, Integer> colonne, Valeur imprime) {
        List<Integer> nombres = lignes.stream().map(colonne).filter(Objects::nonNull).toList();
        BigDecimal somme = nombres.isEmpty() ? null : BigDecimal.valueOf(nombres.stream().mapToLong(Integer::longValue).sum());
        return Total.de(libelle, null, null, somme, imprime, List.of());
    }

    private static Valeur imprime(List<ChiffreImprime> imprimes, String cle) {
        return imprimes.stream().filter(c -> c.tableau() == TableauImprime.EAJE && c.cle().equals(cle))
                .map(ChiffreImprime::valeur).findFirst().orElse(null);
    }

    public boolean estVide() {
        return lignes.isEmpty();
    }
}
