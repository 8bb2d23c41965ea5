package fr.pilotectg.diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.pilotectg.shared.Textes;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.Departement;
import fr.pilotectg.territoire.Epci;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;

/**
 * What territory a text of an import designates: first a territory the diagnostic already has (by key or name),
 * then the referential — INSEE code, SIREN, département code, "France", or a name. A name several communes
 * carry is an error listing them, unless exactly one of them is in the convention's EPCI. One resolver serves one
 * import and remembers its answers, and the new referential territories it hands out.
 */
final class ResolveurTerritoires {

    private static final Pattern CODE_INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern CODE_DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|97\\d", Pattern.CASE_INSENSITIVE);

    /** The territory found (id null when it is new to the diagnostic), or why none was. */
    record Resolution(TerritoireDiagnostic territoire, String erreur) {
    }

    private final TerritoireService referentiel;
    private final String sirenEpci;
    private final List<TerritoireDiagnostic> existants;
    private final Map<String, TerritoireDiagnostic> nouveaux = new LinkedHashMap<>();
    private final Map<String, Resolution> deja = new HashMap<>();
    /** By INSEE code: how a former commune's name or code led to the current commune ("« A » a fusionné dans « B »…"). */
    private final Map<String, String> notes = new LinkedHashMap<>();

    ResolveurTerritoires(TerritoireService referentiel, String sirenEpci, List<TerritoireDiagnostic> existants) {
        this.referentiel = referentiel;
        this.sirenEpci = sirenEpci;
        this.existants = existants;
    }

    Resolution resoudre(String texte) {
        return deja.computeIfAbsent(texte.strip(), this::chercher);
    }

    /** The note of a commune reached through a former commune's name or code, or null. */
    String note(TerritoireDiagnostic territoire) {
        return territoire.type() == TypeTerritoire.COMMUNE && territoire.code() != null ? notes.get(territoire.code()) : null;
    }

    /** Referential territories met in the import that the diagnostic does not have yet. */
    List<TerritoireDiagnostic> nouveaux() {
        return List.copyOf(nouveaux.values());
    }

    private Resolution chercher(String texte) {
        if (texte.isEmpty()) {
            return erreur("territoire manquant (code INSEE, SIREN, code de département, « France » ou nom).");
        }
        String plie = Textes.plier(texte);
        Optional<TerritoireDiagnostic> connu = existants.stream()
                .filter(t -> t.cle().equalsIgnoreCase(texte) || Textes.plier(t.nom()).equals(plie)).findFirst();
        if (connu.isPresent()) {
            return trouve(connu.get());
        }
        if (plie.equals("france") || plie.equals("national") || plie.equals("france entiere")) {
            return trouve(referentiel(TypeTerritoire.FRANCE, "FR", "France"));
        }
        if (CODE_INSEE.matcher(texte).matches()) {
            return referentiel.commune(texte).map(this::commune)
                    .or(() -> referentiel.resoudreCommune(texte, null) instanceof ResolutionCommune.Trouvee ancienne
                            ? Optional.of(communeAncienne(ancienne)) : Optional.empty())
                    .orElseGet(() -> erreur("code INSEE inconnu du référentiel : « " + texte + " »."));
        }
        if (SIREN.matcher(texte).matches()) {
            return referentiel.epci(texte).map(this::epci)
                    .orElseGet(() -> erreur("SIREN d'EPCI inconnu du référentiel : « " + texte + " »."));
        }
        if (CODE_DEPARTEMENT.matcher(texte).matches()) {
            return referentiel.departement(texte).map(this::departement)
                    .orElseGet(() -> erreur("code de département inconnu : « " + texte + " »."));
        }
        Optional<Departement> departement = referentiel.departements().stream()
                .filter(d -> Textes.plier(d.nom()).equals(plie)).findFirst();
        if (departement.isPresent()) {
            return departement(departement.get());
        }
        Optional<Epci> epci = referentiel.epciParNom(texte);
        if (epci.isPresent()) {
            return epci(epci.get());
        }
        ResolutionCommune commune = referentiel.resoudreCommune(texte, null);
        if (commune instanceof ResolutionCommune.Trouvee trouvee) {
            return communeAncienne(trouvee);
        }
        if (commune instanceof ResolutionCommune.Ambigue ambigue) {
            List<Commune> duTerritoire = ambigue.candidats().stream().filter(c -> Objects.equals(c.sirenEpci(), sirenEpci)).toList();
            if (duTerritoire.size() == 1) {
                return commune(duTerritoire.get(0));
            }
            return erreur("« " + texte + " » désigne plusieurs communes : " + ambigue.candidats().stream().limit(12)
                    .map(c -> c.nom() + " (" + c.codeDepartement() + ", code INSEE " + c.codeInsee() + ")")
                    .collect(Collectors.joining(", ")) + (ambigue.candidats().size() > 12 ? "…" : "")
                    + ". Écrivez le code INSEE de la commune voulue.");
        }
        return erreur("territoire inconnu « " + texte + " » : ni un territoire du diagnostic, ni une commune, un EPCI ou "
                + "un département du référentiel (codes INSEE, SIREN ou noms).");
    }

    private Resolution communeAncienne(ResolutionCommune.Trouvee trouvee) {
        if (trouvee.note() != null) {
            notes.putIfAbsent(trouvee.commune().codeInsee(), trouvee.note());
        }
        return commune(trouvee.commune());
    }

    private Resolution commune(Commune c) {
        return trouve(referentiel(TypeTerritoire.COMMUNE, c.codeInsee(), c.nom()));
    }

    private Resolution epci(Epci e) {
        return trouve(referentiel(TypeTerritoire.EPCI, e.siren(), e.nom()));
    }

    private Resolution departement(Departement d) {
        return trouve(referentiel(TypeTerritoire.DEPARTEMENT, d.code(), d.nom()));
    }

    /** The diagnostic's territory of that type and code, or a new one (created with the import). */
    private TerritoireDiagnostic referentiel(TypeTerritoire type, String code, String nom) {
        return existants.stream().filter(t -> t.type() == type && code.equalsIgnoreCase(Objects.toString(t.code(), "")))
                .findFirst()
                .orElseGet(() -> nouveaux.computeIfAbsent(type.name() + ":" + code,
                        cle -> new TerritoireDiagnostic(null, cleReferentiel(type, code), type, nom, code, new ArrayList<>())));
    }

    static String cleReferentiel(TypeTerritoire type, String code) {
        return switch (type) {
            case FRANCE -> "france";
            case DEPARTEMENT -> "departement-" + code;
            case EPCI -> "epci-" + code;
            default -> "commune-" + code;
        };
    }

    private static Resolution trouve(TerritoireDiagnostic t) {
        return new Resolution(t, null);
    }

    private static Resolution erreur(String message) {
        return new Resolution(null, message);
    }
}
