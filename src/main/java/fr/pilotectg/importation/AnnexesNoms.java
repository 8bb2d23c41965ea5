package fr.pilotectg.importation;

import java.util.Set;

/**
 * Comparing names of collectivités and organisations as documents print them: case, accents, articles,
 * "Communauté de communes" vs "CC", and an acronym against the full name ("CCBA" for "Communauté de communes du
 * Bassin d'Aubenas").
 */
final class AnnexesNoms {

    private static final Set<String> MOTS_VIDES = Set.of("de", "des", "du", "d", "la", "le", "les", "l", "en", "et", "sur", "epci");

    private AnnexesNoms() {
    }

    /** The significant words of a name, "communauté de communes" read as "cc". */
    static String cle(String nom) {
        String c = " " + AnnexesTexte.cle(nom) + " ";
        c = c.replace(" communaute de communes ", " cc ").replace(" communaute d agglomeration ", " ca ")
                .replace(" caisse d allocations familiales ", " caf ");
        StringBuilder r = new StringBuilder();
        for (String mot : c.strip().split(" ")) {
            if (!mot.isEmpty() && !MOTS_VIDES.contains(mot)) {
                r.append(r.length() == 0 ? "" : " ").append(mot);
            }
        }
        return r.toString();
    }

    /** The initials of the significant words ("ccba"), "cc" counting as two letters. */
    static String sigle(String nom) {
        StringBuilder s = new StringBuilder();
        for (String mot : cle(nom).split(" ")) {
            if (mot.equals("cc") || mot.equals("ca")) {
                s.append(mot);
            } else if (!mot.isEmpty()) {
                s.append(mot.charAt(0));
            }
        }
        return s.toString();
    }

    static boolean memeOrganisation(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        String ca = cle(a);
        String cb = cle(b);
        if (ca.equals(cb)) {
            return true;
        }
        boolean aSigle = !ca.contains(" ") && ca.length() >= 3;
        boolean bSigle = !cb.contains(" ") && cb.length() >= 3;
        return aSigle && !bSigle && ca.equals(sigle(b)) || bSigle && !aSigle && cb.equals(sigle(a))
                || (ca.startsWith("commune ") && ca.substring(8).equals(cb)) || (cb.startsWith("commune ") && cb.substring(8).equals(ca));
    }

    static boolean estEpci(String nom) {
        String c = cle(nom);
        return c.startsWith("cc ") || c.startsWith("ca ") || c.matches("^c[ca][a-z]{1,4}$");
    }
}
