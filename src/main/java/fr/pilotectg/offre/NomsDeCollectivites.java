package fr.pilotectg.offre;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.shared.Textes;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;

/**
 * Puts the collectivités of an annex under one name each: "COMMUNE DE BOURG ARGENTAL" → "Bourg-Argental"
 * (referential name), "CCBA" or "COMMUNAUTE DE COMMUNES DU BASSIN D'AUBENAS" → the convention's EPCI.
 * A name that matches nothing is kept as printed.
 */
public final class NomsDeCollectivites {

    private static final Set<String> MOTS_VIDES = Set.of("du", "des", "de", "d", "la", "le", "les", "l", "en", "et");

    private final TerritoireService territoires;
    private final String epci;
    private final String departement;

    public NomsDeCollectivites(TerritoireService territoires, String epci, String departement) {
        this.territoires = territoires;
        this.epci = epci;
        this.departement = departement;
    }

    public String nommer(String imprime) {
        String texte = imprime.trim();
        String plie = Textes.plier(texte);
        if (epci != null && (plie.equals(Textes.plier(epci)) || plie.equals(sigle(epci)) || plie.equals(Textes.plier(epci.replaceFirst("^CC ", "communaute de communes "))))) {
            return epci;
        }
        String commune = texte.replaceFirst("(?i)^commune\\s+(de\\s+|d'|d’|du\\s+)", "");
        ResolutionCommune resolution = territoires.resoudreCommune(commune, departement);
        if (resolution instanceof ResolutionCommune.Trouvee trouvee) {
            return trouvee.commune().nom();
        }
        return texte;
    }

    /** "CC du Bassin d'Aubenas" → "ccba". */
    static String sigle(String nom) {
        return Arrays.stream(Textes.plier(nom).split(" ")).filter(m -> !m.isEmpty() && !MOTS_VIDES.contains(m))
                .map(m -> m.substring(0, m.startsWith("cc") && m.length() == 2 ? 2 : 1)).collect(Collectors.joining());
    }
}
