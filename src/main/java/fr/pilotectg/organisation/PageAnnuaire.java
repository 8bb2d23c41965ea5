package fr.pilotectg.organisation;

import java.util.List;

import fr.pilotectg.shared.Limites;

/** One page of the organisations or people list. */
public record PageAnnuaire<T>(List<T> elements, long total, int page, int taille) {

    static int borner(int page) {
        return Math.min(Math.max(1, page), Limites.PAGE_MAX);
    }

    public int nombreDePages() {
        return (int) Math.max(1, (total + taille - 1) / taille);
    }

    public boolean aPrecedente() {
        return page > 1;
    }

    public boolean aSuivante() {
        return page < nombreDePages();
    }
}
