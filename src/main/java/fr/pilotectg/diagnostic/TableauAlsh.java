package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The ALSH table: children per kind of accueil recomputed from the rows beside the printed recap, and the
 * column totals. Masked cells ("&lt;5") are not added: they are listed instead.
 */
public record TableauAlsh(List<LigneAlsh> lignes, List<Total> enfantsParCategorie, Total enfantsAeeh,
                          Total heuresRealisees, Total heuresFacturees, Total actesOuvrantDroit) {

    static TableauAlsh de(List<LigneAlsh> lignes, List<ChiffreImprime> imprimes) {
        List<Total> parCategorie = new ArrayList<>();
        for (CategorieAlsh categorie : CategorieAlsh.values()) {
            List<LigneAlsh> dansCategorie = lignes.stream().filter(l -> l.categorie() == categorie).toList();
            Valeur imprime = imprimes.stream().filter(c -> c.tableau() == TableauImprime.ALSH && c.cle().equals(categorie.name()))
                    .map(ChiffreImprime::valeur).findFirst().orElse(null);
            if (!dansCategorie.isEmpty() || imprime != null) {
                parCategorie.add(Total.de(categorie.libelle(), null, "enfants",
                        somme(dansCategorie, l -> l.enfantsAccueillis() == null ? null : BigDecimal.valueOf(l.enfantsAccueillis())),
                        imprime, List.of()));
            }
        }
        List<String> aeehMasques = lignes.stream().filter(l -> l.enfantsAeeh() != null && !l.enfantsAeeh().estNombre())
                .map(l -> l.nom() + " (" + l.enfantsAeeh().texte() + ")").toList();
        Total aeeh = Total.de("Enfants AEEH", null, "enfants",
                somme(lignes, l -> l.enfantsAeeh() == null ? null : l.enfantsAeeh().nombre()), null, aeehMasques);
        return new TableauAlsh(List.copyOf(lignes), parCategorie, aeeh,
                Total.de("Heures réalisées", null, null, somme(lignes, LigneAlsh::heuresRealisees), null, List.of()),
                Total.de("Heures facturées", null, null, somme(lignes, LigneAlsh::heuresFacturees), null, List.of()),
                Total.de("Actes ouvrant droit", null, null, somme(lignes, LigneAlsh::actesOuvrantDroit), null, List.of()));
    }

    private static BigDecimal somme(List<LigneAlsh> lignes, Function<LigneAlsh, BigDecimal> colonne) {
        List<BigDecimal> nombres = lignes.stream().map(colonne).filter(Objects::nonNull).toList();
        return nombres.isEmpty() ? null : nombres.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean estVide() {
        return lignes.isEmpty();
    }
}
