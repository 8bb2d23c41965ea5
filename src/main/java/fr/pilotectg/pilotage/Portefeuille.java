package fr.pilotectg.pilotage;

import java.util.List;

import fr.pilotectg.organisation.Organisation;

/** One page of the portfolio, sorted; the Caf filter is offered to administrators only. */
public record Portefeuille(List<LignePortefeuille> lignes, long total, int page, int nombreDePages, String tri,
                           boolean decroissant, Long cafId, List<Organisation> cafs, boolean exemple) {

    public static final int TAILLE_PAGE = 50;

    /** A sortable column: its sort key, its header, whether it holds figures (aligned right). */
    public record Colonne(String cle, String libelle, boolean chiffres) {
    }

    public List<Colonne> colonnes() {
        return List.of(new Colonne("titre", "Convention", false), new Colonne("caf", "Caf", false),
                new Colonne("statut", "Statut", false), new Colonne("periode", "Période", false),
                new Colonne("fiches", "Fiches", true), new Colonne("realise", "Réalisé", true),
                new Colonne("retards", "En retard", true),
                new Colonne("campagne", "Campagne", true), new Colonne("copil", "Prochain COPIL", false));
    }

    public boolean triePar(String colonne) {
        return tri.equals(colonne);
    }

    /** aria-sort of a column header. */
    public String ariaSort(String colonne) {
        return !triePar(colonne) ? "none" : decroissant ? "descending" : "ascending";
    }

    /** The order a click on a column asks for: the other way round when it is already the sort column. */
    public String ordreSuivant(String colonne) {
        return triePar(colonne) && !decroissant ? "desc" : "asc";
    }
}
