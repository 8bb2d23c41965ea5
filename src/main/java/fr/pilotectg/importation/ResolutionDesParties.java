package fr.pilotectg.importation;

import fr.pilotectg.importation.ConventionTrouvee.Candidat;
import fr.pilotectg.importation.ConventionTrouvee.GenreDePartie;
import fr.pilotectg.importation.ConventionTrouvee.Partie;
import fr.pilotectg.importation.ConventionTrouvee.Resolution;
import fr.pilotectg.importation.ConventionTrouvee.Statut;
import fr.pilotectg.organisation.AnnuaireOrganisations;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.Departement;
import fr.pilotectg.territoire.Epci;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Resolves the printed name of a party to the referential through the public services of {@code territoire} and
 * {@code organisation} (ADR 0033): a Caf by its département, an EPCI by its name, a commune by its name or a former
 * commune's name (the Caf's or the EPCI's département first), anything else by the organisations' directory. Exactly one
 * match is {@code RESOLU}; several are {@code AMBIGU} and none {@code INCONNU}, both with candidates, never guessed.
 */
@Component
public class ResolutionDesParties {

    private final TerritoireService territoires;
    private final OrganisationService organisations;
    private final AnnuaireOrganisations annuaire;

    public ResolutionDesParties(TerritoireService territoires, OrganisationService organisations, AnnuaireOrganisations annuaire) {
        this.territoires = territoires;
        this.organisations = organisations;
        this.annuaire = annuaire;
    }

    Resolution resoudre(Partie partie, List<Partie> toutes) {
        return resoudre(partie, toutes, List.of());
    }

    /**
     * As {@link #resoudre(Partie, List)}, knowing the départements the document names ("Département de la Drôme":
     * the words after "département de", as printed), which settle a Caf printed without its département.
     */
    Resolution resoudre(Partie partie, List<Partie> toutes, List<String> departementsCites) {
        try {
            return switch (partie.genre()) {
                case CAF -> caf(partie, toutes, departementsCites);
                case EPCI -> epci(partie, toutes, departementsCites);
                case COMMUNE -> commune(partie, toutes);
                case AUTRE -> autre(partie, toutes);
                default -> annuaire(partie);
            };
        } catch (RuntimeException e) {
            return new Resolution(Statut.INCONNU, null, null, null, null, "Recherche impossible : " + e.getMessage(), List.of());
        }
    }

    private Optional<String> departementDe(String nom) {
        String c = LignesDeConvention.cle(nom);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        return territoires.departements().stream().filter(d -> LignesDeConvention.cle(d.nom()).equals(c)).map(Departement::code).findFirst();
    }

    /** The département of the territory: the Caf's, else the EPCI's. */
    private String departement(List<Partie> toutes) {
        for (Partie p : toutes) {
            if (p.genre() == GenreDePartie.CAF) {
                Optional<String> d = departementDe(p.nom());
                if (d.isPresent()) {
                    return d.get();
                }
            }
        }
        for (Partie p : toutes) {
            if (p.genre() == GenreDePartie.EPCI) {
                Optional<Epci> e = territoires.epciParNom(p.nomImprime());
                if (e.isPresent()) {
                    return e.get().codeDepartement();
                }
            }
        }
        return null;
    }

    /**
     * A Caf printed with its département ("Caf de la Drôme") is that département's. A bare "Caf" is deduced from the
     * territory: the département of the intercommunalité resolved, else the one the document names; the deduction is
     * said in the note for the review. Several départements: the Caf of each is a candidate, none chosen.
     */
    private Resolution caf(Partie partie, List<Partie> toutes, List<String> departementsCites) {
        Optional<String> imprime = departementDe(partie.nom());
        if (imprime.isPresent()) {
            Optional<Organisation> caf = organisations.cafDuDepartement(imprime.get());
            if (caf.isPresent()) {
                return new Resolution(Statut.RESOLU, caf.get().id(), null, caf.get().nom(), imprime.get(), null, List.of());
            }
        }
        List<String> territoire = new ArrayList<>();
        String parEpci = departement(toutes.stream().filter(p -> p.genre() != GenreDePartie.CAF).toList());
        if (parEpci != null) {
            territoire.add(parEpci);
        } else {
            departementsCites.stream().map(this::departementCite).flatMap(Optional::stream).distinct().forEach(territoire::add);
        }
        List<Organisation> cafs = territoire.stream().map(organisations::cafDuDepartement).flatMap(Optional::stream).toList();
        if (cafs.size() == 1) {
            Organisation caf = cafs.get(0);
            String d = territoires.departement(caf.codeDepartement()).map(Departement::nom).orElse(caf.codeDepartement());
            return new Resolution(Statut.RESOLU, caf.id(), null, caf.nom(), caf.codeDepartement(), "« " + partie.nomImprime()
                    + " » imprimée sans département : " + caf.nom() + " déduite du territoire ("
                    + (parEpci != null ? "département de l'intercommunalité, " + d : "le document nomme le département : " + d)
                    + "), à vérifier.", List.of());
        }
        List<Organisation> proposees = cafs.isEmpty() ? organisations.cafs().stream().limit(8).toList() : cafs;
        return new Resolution(cafs.size() > 1 ? Statut.AMBIGU : Statut.INCONNU, null, null, null, null, null,
                proposees.stream().map(o -> new Candidat(o.id(), null, o.nom(), o.codeDepartement())).toList());
    }

    /** The département whose name starts the words printed after "département de" ("Drôme", "Loire pour …"). */
    private Optional<String> departementCite(String imprime) {
        String c = LignesDeConvention.cle(imprime) + " ";
        return territoires.departements().stream().filter(d -> c.startsWith(LignesDeConvention.cle(d.nom()) + " "))
                .max(java.util.Comparator.comparingInt(d -> d.nom().length())).map(Departement::code);
    }

    private Resolution epci(Partie partie, List<Partie> toutes, List<String> departementsCites) {
        String parCaf = departement(toutes.stream().filter(p -> p.genre() == GenreDePartie.CAF).toList());
        List<String> cites = departementsCites.stream().map(this::departementCite).flatMap(Optional::stream).distinct().toList();
        String departement = parCaf != null ? parCaf : cites.size() == 1 ? cites.get(0) : null;
        Optional<Epci> epci = territoires.epciParNom(partie.nomImprime());
        if (epci.isEmpty() && departement != null) {
            epci = territoires.epciParNom(partie.nomImprime(), departement);
        }
        if (epci.isPresent()) {
            Epci e = epci.get();
            Long id = organisations.epciParSiren(e.siren()).map(Organisation::id).orElse(null);
            return new Resolution(Statut.RESOLU, id, null, e.nom(), e.codeDepartement(), null, List.of());
        }
        Resolution r = annuaire(partie);
        if (r.statut() == Statut.RESOLU) {
            return r;
        }
        // a misspelled or abbreviated name: the closest first, never chosen
        String cle = sansPluriel(partie.nomImprime());
        List<Candidat> tries = r.candidats().stream().sorted(java.util.Comparator
                .comparing((Candidat c) -> !sansPluriel(c.nom()).equals(cle))
                .thenComparing(c -> departement == null || !departement.equals(c.departement()))).toList();
        return new Resolution(r.statut(), null, null, null, null, null, tries);
    }

    /** The key of a name with each word's plural mark dropped and EPCI kinds abbreviated: "Baronnie" = "Baronnies". */
    static String sansPluriel(String nom) {
        String cle = fr.pilotectg.territoire.NameNormalizer.normaliserEpci(nom);
        return java.util.Arrays.stream(cle.split(" ")).map(m -> m.length() > 3 && (m.endsWith("s") || m.endsWith("x"))
                ? m.substring(0, m.length() - 1) : m).collect(Collectors.joining(" "));
    }

    private Resolution commune(Partie partie, List<Partie> toutes) {
        String departement = departement(toutes);
        ResolutionCommune r = territoires.resoudreCommune(partie.nom(), departement);
        if (r instanceof ResolutionCommune.Inconnue && departement != null) {
            r = territoires.resoudreCommune(partie.nom(), null);
        }
        if (r instanceof ResolutionCommune.Trouvee t) {
            return new Resolution(Statut.RESOLU,
                    organisations.communeParCodeInsee(t.commune().codeInsee()).map(Organisation::id).orElse(null),
                    t.commune().codeInsee(), t.commune().nom(), t.commune().codeDepartement(), t.note(), List.of());
        }
        if (r instanceof ResolutionCommune.Ambigue a) {
            return new Resolution(Statut.AMBIGU, null, null, null, null, null,
                    a.candidats().stream().limit(8).map(ResolutionDesParties::candidat).toList());
        }
        return new Resolution(Statut.INCONNU, null, null, null, null, null, proches(partie.nom(), departement));
    }

    /**
     * A party printed by its bare name ("Lavilledieu, représentée par son maire"): the directory first, then the one
     * commune of that exact name in the convention's département, if there is exactly one; otherwise the directory's answer.
     */
    private Resolution autre(Partie partie, List<Partie> toutes) {
        Resolution parAnnuaire = annuaire(partie);
        String departement = departement(toutes);
        if (parAnnuaire.statut() == Statut.RESOLU || departement == null) {
            return parAnnuaire;
        }
        if (territoires.resoudreCommune(partie.nom(), departement) instanceof ResolutionCommune.Trouvee t
                && t.note() == null) {
            return new Resolution(Statut.RESOLU, organisations.communeParCodeInsee(t.commune().codeInsee()).map(Organisation::id).orElse(null),
                    t.commune().codeInsee(), t.commune().nom(), t.commune().codeDepartement(), null, List.of());
        }
        return parAnnuaire;
    }

    private List<Candidat> proches(String nom, String departement) {
        String recherche = nom.length() > 4 ? nom.substring(0, nom.length() - 2) : nom;
        List<Commune> communes = territoires.rechercherCommunes(recherche, departement, 5);
        if (communes.isEmpty()) {
            communes = territoires.rechercherCommunes(recherche, null, 5);
        }
        return communes.stream().map(ResolutionDesParties::candidat).toList();
    }

    private static Candidat candidat(Commune c) {
        return new Candidat(null, c.codeInsee(), c.nom(), c.codeDepartement());
    }

    private Resolution annuaire(Partie partie) {
        TypeOrganisation type = switch (partie.genre()) {
            case EPCI -> TypeOrganisation.EPCI;
            case DEPARTEMENT -> TypeOrganisation.DEPARTEMENT;
            default -> null;
        };
        var candidats = annuaire.candidats(partie.nomImprime(), type, 8);
        var exacts = candidats.stream().filter(fr.pilotectg.organisation.Candidat::exact).toList();
        if (exacts.size() == 1) {
            Organisation o = exacts.get(0).organisation();
            return new Resolution(Statut.RESOLU, o.id(), null, o.nom(), o.codeDepartement(), null, List.of());
        }
        List<Candidat> liste = (exacts.isEmpty() ? candidats : exacts).stream()
                .map(c -> new Candidat(c.organisation().id(), null, c.organisation().nom(), c.organisation().codeDepartement())).toList();
        return new Resolution(exacts.size() > 1 ? Statut.AMBIGU : Statut.INCONNU, null, null, null, null, null, liste);
    }

    /** The {@code NOM_NON_RESOLU} alert of an ambiguous or unknown party, its candidates in the message; null when resolved. */
    static Alerte alerte(Partie p) {
        Resolution r = p.resolution();
        if (r == null || r.statut() == Statut.RESOLU || r.statut() == Statut.NON_CHERCHE) {
            return null;
        }
        String candidats = r.candidats().isEmpty() ? "aucun nom proche au référentiel"
                : "candidats : " + r.candidats().stream().map(c -> c.nom() + (c.departement() == null ? "" : " (" + c.departement() + ")"))
                .collect(Collectors.joining(", "));
        String quoi = r.statut() == Statut.AMBIGU ? " désigne plusieurs " : " ne correspond à aucune ";
        return new Alerte("NOM_NON_RESOLU", "« " + p.nomImprime() + " »" + quoi
                + (p.genre() == GenreDePartie.COMMUNE ? "commune" : "organisation") + " du référentiel ; " + candidats + ".", p.source());
    }
}
