package fr.pilotectg.plan;

/**
 * One line of a fiche's money (issue 10 item 7): a year, a funder (named when a collectivité or another funder), the
 * planned and the actual amount in euro cents, each optional but never negative.
 */
public record Financement(int annee, Financeur financeur, String nom, Long prevuCentimes, Long realiseCentimes) {

    public Financement {
        nom = nom == null || nom.isBlank() ? null : nom.trim();
    }

    /** "2026 · Collectivité Commune de Vals : prévu 1 200,00 €, réalisé —", for the journal. */
    String description() {
        return annee + " · " + financeur.libelle() + (nom == null ? "" : " " + nom) + " : prévu " + Montants.texte(prevuCentimes)
                + ", réalisé " + Montants.texte(realiseCentimes);
    }

    String cle() {
        return annee + "|" + financeur + "|" + (nom == null ? "" : nom.toLowerCase(java.util.Locale.ROOT));
    }
}
