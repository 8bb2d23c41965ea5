package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;

/**
 * The evaluation of the previous CTG, as the Bassin d'Aubenas convention sets it out (DOMAIN §4.8): the axes
 * recalled, per thématique the actions achieved and those to consolidate, the impact under four headings, the
 * perspectives, and the evaluation of the steering. Stored as one JSON document; building the record validates it.
 */
public record EvaluationPrecedente(List<AxeRappele> axes, List<BilanThematique> realisations, Impact impact,
                                   List<String> perspectives, Pilotage pilotage) {

    public record AxeRappele(Integer numero, String titre, List<String> objectifs) {

        public AxeRappele {
            objectifs = objectifs == null ? List.of() : List.copyOf(objectifs);
        }
    }

    public record BilanThematique(String thematique, List<String> actionsRealisees, List<String> actionsAConsolider) {

        public BilanThematique {
            actionsRealisees = actionsRealisees == null ? List.of() : List.copyOf(actionsRealisees);
            actionsAConsolider = actionsAConsolider == null ? List.of() : List.copyOf(actionsAConsolider);
        }
    }

    /** The four headings of the impact evaluation. */
    public record Impact(String informationFamillesAccessibilite, String developpementOffreMaillage,
                         String reponseBesoinsSpecifiques, String qualiteOffreInvestissementSocial) {
    }

    /** A post of chargé de coopération: employer, full-time equivalent, field(s) covered. */
    public record Etp(String employeur, BigDecimal etp, String repartition) {
    }

    public record Pilotage(List<Etp> etpChargesCooperation, String gouvernance, String diagnostics, String aideALaDecision,
                           String coordination, String valorisation, String concertation, String ecueils) {

        public Pilotage {
            etpChargesCooperation = etpChargesCooperation == null ? List.of() : List.copyOf(etpChargesCooperation);
        }

        public BigDecimal totalEtp() {
            return etpChargesCooperation.stream().map(Etp::etp).filter(e -> e != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public EvaluationPrecedente {
        axes = axes == null ? List.of() : List.copyOf(axes);
        realisations = realisations == null ? List.of() : List.copyOf(realisations);
        perspectives = perspectives == null ? List.of() : List.copyOf(perspectives);
        impact = impact == null ? new Impact(null, null, null, null) : impact;
        pilotage = pilotage == null ? new Pilotage(List.of(), null, null, null, null, null, null, null) : pilotage;
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).titre() == null || axes.get(i).titre().isBlank()) {
                erreurs.add(new ErreurValidation.Erreur("axes[" + i + "].titre", "L'axe n° " + (i + 1) + " rappelé n'a pas de titre."));
            }
        }
        for (int i = 0; i < realisations.size(); i++) {
            if (realisations.get(i).thematique() == null || realisations.get(i).thematique().isBlank()) {
                erreurs.add(new ErreurValidation.Erreur("realisations[" + i + "].thematique",
                        "La ligne n° " + (i + 1) + " des réalisations n'a pas de thématique."));
            }
        }
        List<Etp> etps = pilotage.etpChargesCooperation();
        for (int i = 0; i < etps.size(); i++) {
            BigDecimal etp = etps.get(i).etp();
            if (etp == null || etp.signum() < 0 || etp.compareTo(BigDecimal.TEN) > 0) {
                erreurs.add(new ErreurValidation.Erreur("pilotage.etpChargesCooperation[" + i + "].etp",
                        "Le poste n° " + (i + 1) + " de chargé de coopération doit avoir un ETP entre 0 et 10."));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }
}
