package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The contractual parts of a convention at one moment (ADR 0025): general information and period, parties and their
 * representatives, text sections, plan levels, nodes and fiches, and the services annex (ADR 0040). Built from the features' public services, stored as JSON.
 */
public record Instantane(String titre, LocalDate dateDebut, LocalDate dateFin, Integer dureeAnnees, String periode,
                         String lieuSignature, LocalDate dateSignature, List<PartieFigee> parties,
                         List<SectionFigee> sections, List<String> niveaux, List<NoeudFige> noeuds,
                         List<FicheFigee> fiches, List<ServiceFige> services, List<FinancementFige> financements,
                         List<LigneAoFigee> ao) {

    public Instantane {
        parties = parties == null ? List.of() : List.copyOf(parties);
        sections = sections == null ? List.of() : List.copyOf(sections);
        niveaux = niveaux == null ? List.of() : List.copyOf(niveaux);
        noeuds = noeuds == null ? List.of() : List.copyOf(noeuds);
        fiches = fiches == null ? List.of() : List.copyOf(fiches);
        // null: a version taken before the services annex was part of the snapshot (not compared, ADR 0040)
        services = services == null ? null : List.copyOf(services);
        // null: a version taken before the planned financing was part of the snapshot (not compared either)
        financements = financements == null ? null : List.copyOf(financements);
        // null: a version taken before the AO projection lines were part of the snapshot (not compared either)
        ao = ao == null ? null : List.copyOf(ao);
    }

    /**
     * A line of an AO's projection table ({@code aoCode}: SIREN of the EPCI or INSEE code of a commune; {@code mode}: a
     * {@code ModeAccueil} name); {@code valeurs} the figures as printed: {@code actuel} and {@code annee<year>} per year.
     */
    public record LigneAoFigee(String aoCode, String aoNom, String intitule, String mode, Map<String, String> valeurs) {

        public LigneAoFigee {
            valeurs = valeurs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valeurs));
        }

        String cle() {
            return cle(aoCode, intitule);
        }

        static String cle(String aoCode, String intitule) {
            return aoCode + "|" + fr.pilotectg.shared.Textes.plier(intitule == null ? "" : intitule.strip());
        }
    }

    /**
     * A planned financing line of a fiche ({@code financeur}: a {@code Financeur} name; {@code libelleFinanceur} as read);
     * only the planned amount is contractual, the actual one is follow-up and never frozen.
     */
    public record FinancementFige(long ficheId, int annee, String financeur, String libelleFinanceur, String nom, Long prevuCentimes) {

        String cle() {
            return ficheId + "|" + annee + "|" + financeur + "|" + (nom == null ? "" : nom.toLowerCase(java.util.Locale.ROOT));
        }

        String libelle() {
            return annee + " · " + libelleFinanceur + (nom == null ? "" : " « " + nom + " »");
        }
    }

    /** A row of the services annex: what an avenant adds or removes ({@code typeImprime}: a line, unlike a code). */
    public record ServiceFige(Long id, String typeImprime, String nom, String gestionnaire, String commune, Integer capacite) {

        public String libelle() {
            return typeImprime + (nom == null ? "" : " « " + nom + " »") + (commune == null ? "" : " à " + commune)
                    + (gestionnaire == null ? "" : ", géré par " + gestionnaire) + (capacite == null ? "" : ", " + capacite + " places");
        }
    }

    public record PartieFigee(long organisationId, String nom, String role, List<String> representants) {
    }

    public record SectionFigee(String nature, Integer numero, String intitule, String titre, String html) {
    }

    public record NoeudFige(Long id, Long parentId, int rang, String niveau, String reference, String titre) {
    }

    public record FicheFigee(Long id, Long noeudId, String reference, String titre, Map<String, String> champs,
                             List<Integer> annees) {

        public FicheFigee {
            champs = champs == null ? Map.of() : champs.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getValue() != null)
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
            annees = annees == null ? List.of() : List.copyOf(annees);
        }

        String libelle() {
            return (reference == null ? "Fiche" : reference) + " « " + titre + " »";
        }
    }

    Instantane avec(LocalDate nouvelleFin, List<SectionFigee> nouvellesSections, List<FicheFigee> nouvellesFiches) {
        return avec(nouvelleFin, parties, nouvellesSections, nouvellesFiches);
    }

    Instantane avec(LocalDate nouvelleFin, List<PartieFigee> nouvellesParties, List<SectionFigee> nouvellesSections,
                    List<FicheFigee> nouvellesFiches) {
        return avec(nouvelleFin, nouvellesParties, nouvellesSections, nouvellesFiches, services);
    }

    Instantane avec(LocalDate nouvelleFin, List<PartieFigee> nouvellesParties, List<SectionFigee> nouvellesSections,
                    List<FicheFigee> nouvellesFiches, List<ServiceFige> nouveauxServices) {
        return avec(nouvelleFin, nouvellesParties, nouvellesSections, nouvellesFiches, nouveauxServices, financements, ao);
    }

    Instantane avec(LocalDate nouvelleFin, List<PartieFigee> nouvellesParties, List<SectionFigee> nouvellesSections,
                    List<FicheFigee> nouvellesFiches, List<ServiceFige> nouveauxServices, List<FinancementFige> nouveauxFinancements,
                    List<LigneAoFigee> nouvellesLignesAo) {
        return new Instantane(titre, dateDebut, nouvelleFin, nouvelleFin == null ? dureeAnnees : null, periode, lieuSignature,
                dateSignature, nouvellesParties, nouvellesSections, niveaux, noeuds, nouvellesFiches, nouveauxServices, nouveauxFinancements,
                nouvellesLignesAo);
    }
}
