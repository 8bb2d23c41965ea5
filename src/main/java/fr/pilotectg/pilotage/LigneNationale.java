package fr.pilotectg.pilotage;

import java.util.Locale;

/**
 * One row of the national view: the conventions of a département or of a Caf counted by stage of their life, the
 * periods ending within twelve months, the fiches whose last follow-up point is "réalisée", the fiches answered in the
 * open campaigns and, for a département, its communes in a CTG in force.
 */
public record LigneNationale(String code, String nom, int conventions, int avantSignature, int enVigueur, int terminees,
                             int finDansDouzeMois, int fiches, int realisees, int sollicitees, int repondues,
                             Integer communes, Integer communesCouvertes) {

    public String tauxRealiseTexte() {
        return pourcentage(realisees, fiches);
    }

    public String campagnesTexte() {
        return sollicitees == 0 ? "aucune ouverte" : repondues + " / " + sollicitees + " (" + pourcentage(repondues, sollicitees) + ")";
    }

    public String couvertureTexte() {
        return communes == null || communes == 0 ? "" : communesCouvertes + " / " + communes + " (" + pourcentage(communesCouvertes, communes) + ")";
    }

    /** The share of the communes in a CTG in force, in percent (0 without communes). */
    public double couverture() {
        return communes == null || communes == 0 ? 0 : 100.0 * communesCouvertes / communes;
    }

    public Double tauxRealise() {
        return fiches == 0 ? null : 100.0 * realisees / fiches;
    }

    public Double tauxReponse() {
        return sollicitees == 0 ? null : 100.0 * repondues / sollicitees;
    }

    static String pourcentage(int part, int tout) {
        return tout == 0 ? "—" : String.format(Locale.FRANCE, "%.0f %%", 100.0 * part / tout).replace(' ', '\u00a0');
    }
}
