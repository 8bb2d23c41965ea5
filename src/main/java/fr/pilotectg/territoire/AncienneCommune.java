package fr.pilotectg.territoire;

/**
 * A commune that no longer exists on its own: a commune déléguée of a commune nouvelle, or a commune associée of
 * a fusion-association, with the current commune that absorbed it (source: the referential's package, which
 * does not give the date of the merger).
 *
 * @param nature DELEGUEE or ASSOCIEE
 */
public record AncienneCommune(String codeAncien, String nom, String nature, Commune actuelle) {

    /** "« Asperjoc » a fusionné dans « Vallées-d'Antraigues-Asperjoc » (commune déléguée de la commune nouvelle)." */
    public String note() {
        return "« " + nom + " » a fusionné dans « " + actuelle.nom() + " » ("
                + ("ASSOCIEE".equals(nature) ? "commune associée, fusion-association" : "commune déléguée de la commune nouvelle")
                + ", code INSEE " + actuelle.codeInsee() + ").";
    }
}
