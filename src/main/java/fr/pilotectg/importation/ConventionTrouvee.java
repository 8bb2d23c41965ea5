package fr.pilotectg.importation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the analysis found of the convention itself and its text: title, Caf, territory, period, renewal, parties,
 * representatives, visas, délibérations, signature, sections and articles, enjeux, objectifs conjoints, printed totals.
 * Shape owned by {@link AnalyseConvention}; each element carries its {@link Source} and a confidence (0–1). Field names
 * follow the convention API ({@code GET /api/v1/conventions/{id}}, its sections and objectifs conjoints).
 *
 * @param titre       the title as printed (or built from the territory and years when the document prints none)
 * @param caf         the Caf party's printed name and its resolution
 * @param epci        the main territory (the EPCI party) and its resolution
 * @param personnes   every person found, once, with their mandates (one person holding several mandates is one person)
 * @param totaux      counts printed in the text ("les 16 communes") kept to be checked against what was found
 */
public record ConventionTrouvee(ValeurLue titre, Partie caf, Partie epci, PeriodeTrouvee periode, ValeurLue reconduction,
                                List<Partie> parties, List<Personne> personnes, List<Visa> visas,
                                List<DeliberationTrouvee> deliberations, SignatureTrouvee signature,
                                List<Section> sections, List<Enjeu> enjeux, List<ObjectifConjoint> objectifsConjoints,
                                List<TotalCompte> totaux, List<Alerte> alertes) implements PartieTrouvee {

    public ConventionTrouvee {
        parties = copie(parties);
        personnes = copie(personnes);
        visas = copie(visas);
        deliberations = copie(deliberations);
        sections = copie(sections);
        enjeux = copie(enjeux);
        objectifsConjoints = copie(objectifsConjoints);
        totaux = copie(totaux);
        alertes = copie(alertes);
    }

    private static <T> List<T> copie(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    public static ConventionTrouvee vide() {
        return new ConventionTrouvee(null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A single printed value (title, renewal mode) with where it was read. */
    public record ValeurLue(String valeur, Source source, double confiance) {
    }

    /** What kind of organisation a party's printed name designates. */
    public enum GenreDePartie {
        CAF, EPCI, COMMUNE, DEPARTEMENT, AUTRE
    }

    /** Where a printed name stands against the referential. */
    public enum Statut {
        /** Exactly one organisation / commune: {@code organisationId} or {@code codeInsee} is set. */
        RESOLU,
        /** Several candidates: never guessed, the review chooses. */
        AMBIGU,
        /** No organisation or commune of that name: candidates are the closest ones. */
        INCONNU,
        /** The analysis ran without the referential (unit tests). */
        NON_CHERCHE
    }

    /** A candidate the review may choose for an unresolved name. */
    public record Candidat(Long organisationId, String codeInsee, String nom, String departement) {
    }

    /** A printed name resolved (or not) to the referential; {@code note} says how a former commune led to the current one. */
    public record Resolution(Statut statut, Long organisationId, String codeInsee, String nomReferentiel, String departement,
                             String note, List<Candidat> candidats) {

        public Resolution {
            candidats = candidats == null ? List.of() : List.copyOf(candidats);
        }

        public static final Resolution NON_CHERCHEE = new Resolution(Statut.NON_CHERCHE, null, null, null, null, null, List.of());
    }

    /**
     * A party as printed: its name ("la Commune de Vals les Bains"), the name stripped of its type ("Vals les Bains"),
     * its sigle when printed or derived ("CCBA"), role ({@code SIGNATAIRE} / {@code ASSOCIEE}) and representatives.
     */
    public record Partie(String nomImprime, String nom, String sigle, GenreDePartie genre, String role, Resolution resolution,
                         List<Representant> representants, Source source, double confiance) {

        public Partie {
            representants = representants == null ? List.of() : List.copyOf(representants);
        }

        public Partie avecResolution(Resolution r) {
            return new Partie(nomImprime, nom, sigle, genre, role, r, representants, source, confiance);
        }
    }

    /** A representative of a party; {@code personne} is the key of the {@link Personne} (same person, same key). */
    public record Representant(String personne, String civilite, String prenom, String nom, String fonction,
                               Source source, double confiance) {
    }

    /** A person found once, whatever the number of parties they represent. */
    public record Personne(String cle, String civilite, String prenom, String nom, List<String> mandats) {
    }

    /** One "Vu …" legal reference, as printed (without the final semicolon). */
    public record Visa(String texte, Source source, double confiance) {
    }

    /**
     * A deciding body's vote: the party it belongs to (its printed name, as in {@link Partie#nomImprime()}), the body,
     * its date when printed in full, or the printed placeholder ("xx 2025", "...").
     */
    public record DeliberationTrouvee(String partie, String instance, LocalDate date, String dateTexte, Source source,
                                      double confiance) {
    }

    /** Start and end dates, or a duration only, or a latest end date, as printed; with the printed wording. */
    public record PeriodeTrouvee(LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees, LocalDate dateFinAuPlusTard,
                                 String libelleImprime, Source source, double confiance) {
    }

    /** Place and date of signature, number of originals as a number or as printed ("autant … que de signataires"). */
    public record SignatureTrouvee(String lieu, LocalDate date, String dateTexte, Integer nombreOriginaux,
                                   String nombreOriginauxTexte, Source source, double confiance) {
    }

    /** A section of the text: nature ({@code PREAMBULE}, {@code ARTICLE}, {@code CLAUSE}), printed number, title, text. */
    public record Section(String nature, String numero, String titre, String texte, Source source, double confiance) {
    }

    /** An enjeu (or objective) listed in the article of shared objectives, with its sub-items. */
    public record Enjeu(String intitule, List<String> objectifs, Source source, double confiance) {
    }

    /** An objectif conjoint, the printed group ("Pour la CCBA et la ville d'Aubenas") and the parties it binds (printed names). */
    public record ObjectifConjoint(String intitule, String libelleGroupe, List<String> parties, Source source, double confiance) {
    }

    /** A printed count ("les 16 communes"): what it counts, the number printed, the number found. */
    public record TotalCompte(String quoi, int imprime, int trouve, Source source) {
    }
}
