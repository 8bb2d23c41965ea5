package fr.pilotectg.diagnostic;

import java.math.BigDecimal;

/**
 * A row of the ALSH table (accueil de loisirs sans hébergement). Cells that the document may mask hold a
 * {@link Valeur} (number or marker such as "&lt;5").
 */
public record LigneAlsh(Long id, String nom, CategorieAlsh categorie, Integer enfantsAccueillis, Valeur enfantsAeeh,
                        BigDecimal heuresRealisees, BigDecimal heuresFacturees, BigDecimal actesOuvrantDroit,
                        BigDecimal prixRevientHeurePresence, Valeur prixRevientHeureFacturee, Integer annee, String source) {
}
