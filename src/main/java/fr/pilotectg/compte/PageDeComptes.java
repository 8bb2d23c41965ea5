package fr.pilotectg.compte;

import java.util.List;

/** One page of the accounts list. */
public record PageDeComptes(List<Compte> comptes, long total, int page, int taille) {

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
