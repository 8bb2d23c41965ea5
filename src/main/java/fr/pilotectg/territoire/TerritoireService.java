package fr.pilotectg.territoire;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * The territory referential as other features see it: départements, EPCI, communes, and the
 * matching of commune names as real documents write them ("Vals les Bains", "ST GENEST MALIFAUX").
 */
@Service
public class TerritoireService {

    /** Upper bound of {@link #rechercherCommunes}. */
    public static final int LIMITE_MAXIMALE = 100;

    private static final Pattern CODE_INSEE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern DEBUT_CODE = Pattern.compile("\\d[\\dAB]?\\d{0,3}");

    private final TerritoireRepository repository;

    TerritoireService(TerritoireRepository repository) {
        this.repository = repository;
    }

    public Optional<Commune> commune(String codeInsee) {
        return codeInsee == null ? Optional.empty() : repository.commune(codeInsee.trim().toUpperCase());
    }

    /** Member communes of the EPCI, sorted by name; empty for an unknown SIREN. */
    public List<Commune> communesDeEpci(String siren) {
        return siren == null ? List.of() : repository.communesDeEpci(siren.trim());
    }

    public Optional<Epci> epci(String siren) {
        return siren == null ? Optional.empty() : repository.epci(siren.trim());
    }

    /**
     * The EPCI of that name, ignoring case, accents, punctuation and "Communauté de communes" vs
     * "CC". Empty when no EPCI, or several (e.g. two "CC des Quatre Rivières"), carry that name.
     */
    public Optional<Epci> epciParNom(String nom) {
        List<Epci> epcis = repository.epcisNommes(NameNormalizer.normaliserEpci(nom));
        return epcis.size() == 1 ? Optional.of(epcis.get(0)) : Optional.empty();
    }

    /** As {@link #epciParNom(String)}, among the EPCI spanning the département given. */
    public Optional<Epci> epciParNom(String nom, String codeDepartement) {
        List<Epci> epcis = repository.epcisNommes(NameNormalizer.normaliserEpci(nom)).stream()
                .filter(e -> e.codesDepartements().contains(codeDepartement))
                .toList();
        return epcis.size() == 1 ? Optional.of(epcis.get(0)) : Optional.empty();
    }

    public Optional<Departement> departement(String code) {
        return code == null ? Optional.empty() : repository.departement(code.trim().toUpperCase());
    }

    /** Every département and collectivité d'outre-mer, by code. */
    public List<Departement> departements() {
        return repository.departements();
    }

    /**
     * What commune a name designates, by its normalised name or an alias, or by its INSEE code; failing that, by
     * the name or code of a former commune (merged into a commune nouvelle), with a note saying so.
     * Several communes of that name are reported as {@link ResolutionCommune.Ambigue}, never guessed;
     * giving the département settles most of them.
     *
     * @param codeDepartementOuNull restricts the search to that département when not null or blank
     */
    public ResolutionCommune resoudreCommune(String nom, String codeDepartementOuNull) {
        String departement = codeDepartement(codeDepartementOuNull);
        String saisie = nom == null ? "" : nom.strip();
        List<Commune> candidats;
        if (CODE_INSEE.matcher(saisie.toUpperCase()).matches()) {
            candidats = repository.commune(saisie.toUpperCase()).stream().toList();
        } else {
            String cle = NameNormalizer.normaliser(saisie);
            candidats = cle.isEmpty() ? List.of() : repository.communesNommees(cle);
        }
        if (departement != null) {
            candidats = candidats.stream().filter(c -> c.codeDepartement().equals(departement)).toList();
        }
        if (candidats.isEmpty()) {
            return resoudreAncienneCommune(nom, saisie, departement);
        }
        return switch (candidats.size()) {
            case 0 -> new ResolutionCommune.Inconnue(nom);
            case 1 -> new ResolutionCommune.Trouvee(nom, candidats.get(0));
            default -> new ResolutionCommune.Ambigue(nom, candidats);
        };
    }

    /**
     * A name (or code) that no current commune carries but a former one did: the current commune, with the note
     * saying how ("« A » a fusionné dans « B » …"). Several current communes → ambiguous, never guessed.
     */
    private ResolutionCommune resoudreAncienneCommune(String nom, String saisie, String departement) {
        List<AncienneCommune> anciennes;
        if (CODE_INSEE.matcher(saisie.toUpperCase()).matches()) {
            anciennes = repository.anciennesCommunesDeCode(saisie.toUpperCase());
        } else {
            String cle = NameNormalizer.normaliser(saisie);
            anciennes = cle.isEmpty() ? List.of() : repository.anciennesCommunesNommees(cle);
        }
        if (departement != null) {
            anciennes = anciennes.stream().filter(a -> a.actuelle().codeDepartement().equals(departement)).toList();
        }
        List<Commune> actuelles = anciennes.stream().map(AncienneCommune::actuelle).distinct().toList();
        return switch (actuelles.size()) {
            case 0 -> new ResolutionCommune.Inconnue(nom);
            case 1 -> new ResolutionCommune.Trouvee(nom, actuelles.get(0), anciennes.get(0).note());
            default -> new ResolutionCommune.Ambigue(nom, actuelles);
        };
    }

    /**
     * When a commune found by {@link #rechercherCommunes} matched the text through a former commune's name
     * (its current name does not contain it), how: "« A » a fusionné dans « B » …"; else empty.
     */
    public Optional<String> noteDeRecherche(String texte, Commune commune) {
        String cle = NameNormalizer.normaliser(texte);
        if (cle.isEmpty() || NameNormalizer.normaliser(commune.nom()).contains(cle)) {
            return Optional.empty();
        }
        return repository.anciennesCommunesDe(commune.codeInsee(), cle).stream().findFirst().map(AncienneCommune::note);
    }

    /** Number of former communes loaded (communes déléguées and associées). */
    public long nombreAnciennesCommunes() {
        return repository.nombreAnciennesCommunes();
    }

    /**
     * Communes for autocompletion: names (or aliases) containing the text typed, whatever its
     * accents and case, the best matches first; digits search INSEE codes and postcodes.
     */
    public List<Commune> rechercherCommunes(String texte, int limite) {
        return rechercherCommunes(texte, null, limite);
    }

    /** As {@link #rechercherCommunes(String, int)}, in one département when the code is not null or blank. */
    public List<Commune> rechercherCommunes(String texte, String codeDepartementOuNull, int limite) {
        if (limite < 1 || limite > LIMITE_MAXIMALE) {
            throw new IllegalArgumentException(
                    "La limite de recherche doit être comprise entre 1 et " + LIMITE_MAXIMALE + " (reçu : " + limite + ")");
        }
        String departement = codeDepartement(codeDepartementOuNull);
        String saisie = texte == null ? "" : texte.strip().toUpperCase();
        if (DEBUT_CODE.matcher(saisie).matches() && saisie.length() >= 2) {
            return repository.rechercherParCode(saisie, departement, limite);
        }
        String cle = NameNormalizer.normaliser(texte);
        return cle.isEmpty() ? List.of() : repository.rechercher(cle, departement, limite);
    }

    /** Number of current communes loaded. */
    public long nombreCommunes() {
        return repository.nombreCommunes();
    }

    private static String codeDepartement(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase();
    }
}
