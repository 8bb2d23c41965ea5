package fr.pilotectg.importation;

import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.Epci;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves a collectivité or organisation name printed in the annexes through the public services of the
 * territory and organisation features: an EPCI by its name, a commune ("Commune de X", "Mairie de X", "X") by its
 * current or former name, any other organisation by its name. Never guesses: several or no matches give the
 * candidates for the review.
 */
@Component
public class AnnexesResolution {

    /** The referential's name ({@code null} when not resolved) and the candidates to choose from. */
    public record Resolution(String nom, List<String> candidats) {
        public Resolution {
            candidats = List.copyOf(candidats);
        }
    }

    private final TerritoireService territoires;
    private final OrganisationService organisations;

    public AnnexesResolution(TerritoireService territoires, OrganisationService organisations) {
        this.territoires = territoires;
        this.organisations = organisations;
    }

    public Resolution resoudre(String imprime) {
        String nom = imprime.strip();
        String cle = AnnexesNoms.cle(nom);
        if (cle.equals("caf") || cle.matches("caf \\d{2,3}|caf [a-z ]+") && !cle.contains(" communes")) {
            return new Resolution(nom, List.of());
        }
        if (cle.matches("(\\d+ )?communes( .*)?") || cle.equals("collectivite") || cle.equals("collectivites")) {
            return new Resolution(nom, List.of());
        }
        List<Organisation> parNom = organisations.parNom(nom);
        if (parNom.size() == 1) {
            return new Resolution(parNom.get(0).nom(), List.of());
        }
        if (AnnexesNoms.estEpci(nom) && cle.contains(" ")) {
            Optional<Epci> epci = territoires.epciParNom(nom.replaceFirst("(?i)^epci\\s+", ""));
            if (epci.isPresent()) {
                return new Resolution(epci.get().nom(), List.of());
            }
            return new Resolution(null, parNom.stream().map(Organisation::nom).toList());
        }
        String commune = nom.replaceFirst("(?i)^(commune|mairie|ville)\\s+(de\\s+|d['’]\\s*)", "").strip();
        if (!commune.equals(nom) || parNom.isEmpty() && !AnnexesNoms.estEpci(nom)) {
            ResolutionCommune r = territoires.resoudreCommune(commune, null);
            if (r instanceof ResolutionCommune.Trouvee t) {
                return new Resolution(t.commune().nom(), List.of());
            }
            if (r instanceof ResolutionCommune.Ambigue a) {
                return new Resolution(null, a.candidats().stream().map(AnnexesResolution::libelle).toList());
            }
            if (!commune.equals(nom)) {
                return new Resolution(null, territoires.rechercherCommunes(commune, 5).stream().map(AnnexesResolution::libelle).toList());
            }
        }
        return new Resolution(null, parNom.stream().map(Organisation::nom).toList());
    }

    private static String libelle(Commune c) {
        return c.nom() + " (" + c.codeDepartement() + ", " + c.codeInsee() + ")";
    }
}
