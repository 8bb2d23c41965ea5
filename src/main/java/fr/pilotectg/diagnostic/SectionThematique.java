package fr.pilotectg.diagnostic;

import java.util.List;

/**
 * A thématique of the diagnostic page: indicators compared across territories (each with its chart), single
 * figures, and the enjeux and besoins drawn from them.
 */
public record SectionThematique(String code, String libelle, List<IndicateurAvecValeurs> figures, List<Graphique> graphiques,
                                List<IndicateurAvecValeurs> chiffresSeuls, List<Constat> enjeux, List<Constat> besoins) {
}
