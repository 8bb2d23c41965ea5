package fr.pilotectg.plan;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives each indicator of a saved fiche its own id ({@link Indicateur#cle()}), kept from the fiche's previous state:
 * an id sent with the indicator (API) when the previous state has it; else the id of the previous indicator with the
 * same label (reordering keeps each one's id); else, for an indicator renamed in place, the id of the previous one at
 * the same position whose label is gone; else a new random id, never one used before in this fiche's current state.
 */
final class ClesIndicateurs {

    private static final SecureRandom HASARD = new SecureRandom();

    private ClesIndicateurs() {
    }

    static ChampsFiche attribuer(ChampsFiche nouveaux, ChampsFiche anciens) {
        if (nouveaux.indicateurs().isEmpty()) {
            return nouveaux;
        }
        Map<String, List<Indicateur>> resultat = new LinkedHashMap<>();
        nouveaux.indicateurs().forEach((champ, liste) -> resultat.put(champ,
                attribuer(liste, anciens == null ? List.of() : anciens.indicateurs(champ))));
        return new ChampsFiche(nouveaux.textes(), nouveaux.listes(), nouveaux.organisations(), resultat);
    }

    static List<Indicateur> attribuer(List<Indicateur> nouveaux, List<Indicateur> anciens) {
        Set<String> anciennesCles = new HashSet<>();
        anciens.stream().map(Indicateur::cle).filter(c -> c != null).forEach(anciennesCles::add);
        Set<String> prises = new HashSet<>();
        String[] cles = new String[nouveaux.size()];
        // 1. An id sent with the indicator and known in the previous state.
        for (int i = 0; i < nouveaux.size(); i++) {
            String cle = nouveaux.get(i).cle();
            if (cle != null && anciennesCles.contains(cle) && prises.add(cle)) {
                cles[i] = cle;
            }
        }
        // 2. The same label.
        for (int i = 0; i < nouveaux.size(); i++) {
            if (cles[i] == null) {
                String libelle = normal(nouveaux.get(i).libelle());
                for (Indicateur ancien : anciens) {
                    if (ancien.cle() != null && !prises.contains(ancien.cle()) && normal(ancien.libelle()).equals(libelle)) {
                        cles[i] = ancien.cle();
                        prises.add(ancien.cle());
                        break;
                    }
                }
            }
        }
        // 3. Renamed in place: the previous indicator at the same position, if its label is gone.
        Set<String> libellesNouveaux = new HashSet<>();
        nouveaux.forEach(n -> libellesNouveaux.add(normal(n.libelle())));
        for (int i = 0; i < nouveaux.size() && i < anciens.size(); i++) {
            Indicateur ancien = anciens.get(i);
            if (cles[i] == null && ancien.cle() != null && !prises.contains(ancien.cle())
                    && !libellesNouveaux.contains(normal(ancien.libelle()))) {
                cles[i] = ancien.cle();
                prises.add(ancien.cle());
            }
        }
        List<Indicateur> resultat = new ArrayList<>();
        for (int i = 0; i < nouveaux.size(); i++) {
            String cle = cles[i];
            while (cle == null || cles[i] == null && (anciennesCles.contains(cle) || prises.contains(cle))) {
                cle = nouvelle();
            }
            prises.add(cle);
            resultat.add(nouveaux.get(i).avecCle(cle));
        }
        return resultat;
    }

    private static String nouvelle() {
        byte[] octets = new byte[6];
        HASARD.nextBytes(octets);
        return HexFormat.of().formatHex(octets);
    }

    private static String normal(String libelle) {
        return libelle == null ? "" : libelle.strip().toLowerCase(Locale.FRENCH);
    }
}
