package fr.pilotectg.convention;

import java.util.List;

import fr.pilotectg.shared.Limites;

public record PageDeResultats<T>(List<T> elements, long total, int page, int taille) {

    /** A page number asked for by a user, brought within 1 and {@link Limites#PAGE_MAX}. */
    public static int borner(int page) {
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
