package fr.pilotectg.convention;

import java.util.List;

public record PageDeResultats<T>(List<T> elements, long total, int page, int taille) {

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
