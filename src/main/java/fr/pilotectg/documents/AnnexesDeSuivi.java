package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.evaluation.AxeTransversal;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.gouvernance.ChargeCooperation;
import fr.pilotectg.gouvernance.Gouvernance;
import fr.pilotectg.gouvernance.Instance;
import fr.pilotectg.gouvernance.Membre;
import fr.pilotectg.gouvernance.PartEtp;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.FormatFr;

/** The convention's governance annex and the annual evaluation template annex. */
final class AnnexesDeSuivi {

    static final String GOUVERNANCE_NON_RENSEIGNEE = "Gouvernance non renseignée.";
    static final List<String> COLONNES_EVALUATION = List.of("Action", "Situation de l'année", "Résultats", "Perspectives", "Impacts");

    private AnnexesDeSuivi() {
    }

    static void gouvernance(int numero, Gouvernance gouvernance, List<Document.Bloc> blocs) {
        blocs.add(new Document.SautDePage());
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Gouvernance"));
        if (gouvernance.vide()) {
            blocs.add(Document.Paragraphe.de(GOUVERNANCE_NON_RENSEIGNEE));
            return;
        }
        for (Instance instance : gouvernance.instances()) {
            blocs.add(new Document.Titre(2, instance.nom() == null || instance.nom().isBlank() ? instance.type().libelle()
                    : instance.nom() + " (" + instance.type().libelle() + ")"));
            if (instance.frequence() != null && !instance.frequence().isBlank()) {
                blocs.add(new Document.Paragraphe("Fréquence :", instance.frequence()));
            }
            if (!instance.copresidents().isEmpty()) {
                blocs.add(new Document.Paragraphe("Coprésidence :", gouvernance.noms(instance.copresidents())));
            }
            if (!instance.secretariat().isEmpty()) {
                blocs.add(new Document.Paragraphe("Secrétariat :", gouvernance.noms(instance.secretariat())));
            }
            if (!instance.thematiques().isEmpty()) {
                blocs.add(new Document.Paragraphe("Thématiques :", String.join(", ", instance.thematiques())));
            }
            if (!instance.missions().isEmpty()) {
                blocs.add(new Document.Paragraphe("Missions :", ""));
                blocs.add(new Document.Liste(instance.missions()));
            }
            List<List<String>> membres = new ArrayList<>();
            for (Membre m : instance.membres()) {
                membres.add(List.of(gouvernance.nom(m.organisationId()), m.personne() == null ? "" : m.personne(),
                        m.fonction() == null ? "" : m.fonction(), m.consultatif() ? "à titre consultatif" : "voix délibérative"));
            }
            blocs.add(new Document.Tableau("Membres – " + (instance.nom() == null ? instance.type().libelle() : instance.nom()),
                    List.of("Organisation", "Personne", "Fonction", "Voix"), membres, false));
        }
        blocs.add(new Document.Titre(2, "Chargés de coopération"));
        if (gouvernance.charges().isEmpty()) {
            blocs.add(Document.Paragraphe.de("Aucun chargé de coopération renseigné."));
            return;
        }
        List<List<String>> charges = new ArrayList<>();
        for (ChargeCooperation c : gouvernance.charges()) {
            charges.add(List.of(c.personne() == null ? "" : c.personne(), gouvernance.nom(c.employeurId()), gouvernance.etp(c.etp()),
                    String.join(" ; ", c.repartition().stream().map(p -> texte(p) ).toList()), periode(c),
                    c.financementCaf() == null ? "" : c.financementCaf()));
        }
        blocs.add(new Document.Tableau("Chargés de coopération (total : " + gouvernance.etp(gouvernance.etpTotal()) + " ETP)",
                List.of("Personne", "Employeur", "ETP", "Répartition par thématique", "Période", "Financement Caf"), charges, true));
    }

    private static String texte(PartEtp part) {
        return part.thematique() + " : " + (part.etp() == null ? "" : part.etp().stripTrailingZeros().toPlainString().replace('.', ','));
    }

    private static String periode(ChargeCooperation c) {
        if (c.dateDebut() == null && c.dateFin() == null) {
            return "";
        }
        return (c.dateDebut() == null ? "…" : "du " + FormatFr.date(c.dateDebut())) + (c.dateFin() == null ? "" : " au " + FormatFr.date(c.dateFin()));
    }

    /**
     * The template of the annual evaluation: the colour code with its labels, one line per fiche of the plan to fill
     * each year, the transversal axes, and the COPIL's validation.
     */
    static void modeleDEvaluation(int numero, Optional<VuePlan> plan, List<Document.Bloc> blocs) {
        blocs.add(new Document.SautDePage());
        blocs.add(new Document.Titre(1, "Annexe " + numero + " – Modèle de grille d'évaluation annuelle"));
        blocs.add(Document.Paragraphe.de("Chaque année, le comité de pilotage renseigne pour chaque action sa situation, ses résultats, "
                + "ses perspectives et ses impacts, puis les axes transversaux, et valide la grille."));
        blocs.add(new Document.Titre(2, "Code couleur"));
        List<Situation> situations = new ArrayList<>(Situation.concernees());
        situations.add(Situation.NON_CONCERNE);
        blocs.add(new Document.Tableau("Situations d'une action dans l'année", List.of("Situation", "Sens"),
                situations.stream().map(s -> List.of(s.libelle(), sens(s))).toList(), false,
                situations.stream().map(s -> java.util.Arrays.asList(s.couleur(), (String) null)).toList()));
        blocs.add(new Document.Titre(2, "Actions"));
        List<List<String>> lignes = plan.filter(p -> p.total() > 0)
                .map(p -> p.arbre().fichesDansLOrdre().stream().map(f -> List.of(FicheEnBlocs.intitule(f), "", "", "", "")).toList())
                .orElse(List.of());
        if (lignes.isEmpty()) {
            blocs.add(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE));
        } else {
            blocs.add(new Document.Tableau("Grille annuelle à renseigner", COLONNES_EVALUATION, lignes, true));
        }
        blocs.add(new Document.Titre(2, "Axes transversaux"));
        blocs.add(new Document.Tableau("Axes transversaux à renseigner", List.of("Axe", "Faits marquants", "Résultats", "Perspectives", "Impacts"),
                java.util.Arrays.stream(AxeTransversal.values()).map(a -> List.of(a.libelle(), "", "", "", "")).toList(), false));
        blocs.add(new Document.Titre(2, "Validation par le comité de pilotage"));
        blocs.add(Document.Paragraphe.de("Grille validée par le comité de pilotage du …………………… ; décision : ……………………"));
    }

    private static String sens(Situation situation) {
        return switch (situation) {
            case REALISE -> "l'action de l'année est réalisée";
            case EN_COURS -> "l'action a commencé, sans être achevée";
            case NON_REALISE -> "l'action prévue n'a pas été réalisée";
            case EN_COURS_D_ANNEE -> "année en cours, rien encore déclaré réalisé";
            case A_VENIR -> "année pas encore commencée";
            case NON_CONCERNE -> "l'action n'est pas prévue cette année";
        };
    }
}
