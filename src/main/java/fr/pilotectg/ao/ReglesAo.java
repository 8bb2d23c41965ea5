package fr.pilotectg.ao;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.CommuneDuTerritoire;
import fr.pilotectg.offre.ServiceSoutenu;
import fr.pilotectg.offre.TypeService;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Textes;

/**
 * Which obligations each AO has given its population, and what in the convention shows they are met:
 * every AO recenses needs and informs families; above 3,500 inhabitants it plans; above 10,000 it writes a
 * schéma (which the CTG may stand for) and has a relais petite enfance from 1 January 2026.
 */
final class ReglesAo {

    static final int SEUIL_PLAN = 3_500;
    static final int SEUIL_SCHEMA_RPE = 10_000;
    static final LocalDate DEBUT_OBLIGATION_RPE = LocalDate.of(2026, 1, 1);

    private final Convention convention;
    private final Integer populationEpci;
    private final List<ServiceSoutenu> services;
    private final List<FichePetiteEnfance> fiches;
    private final Map<String, ProjectionAo> projections;

    ReglesAo(Convention convention, Integer populationEpci, List<ServiceSoutenu> services, List<FichePetiteEnfance> fiches,
             Map<String, ProjectionAo> projections) {
        this.convention = convention;
        this.populationEpci = populationEpci;
        this.services = services;
        this.fiches = fiches;
        this.projections = projections;
    }

    List<AutoriteOrganisatrice> autorites(MatriceAo matrice) {
        List<AutoriteOrganisatrice> autorites = new ArrayList<>();
        for (LigneMatrice ligne : matrice.lignes()) {
            List<CelluleCompetence> exercees = ligne.cellules().stream()
                    .filter(c -> ligne.type() == TypeCollectivite.EPCI ? c.mode().transferee() : c.mode() == ModeExercice.EXERCEE_PAR_LA_COMMUNE)
                    .toList();
            if (exercees.isEmpty()) {
                continue;
            }
            List<String> competences = exercees.stream().map(CelluleCompetence::competence).toList();
            if (ligne.type() == TypeCollectivite.COMMUNE) {
                autorites.add(evaluer(ligne, ligne.population(), "population de la commune selon le référentiel", competences, List.of(ligne.code())));
            } else if (exercees.stream().anyMatch(c -> c.mode() == ModeExercice.TRANSFEREE_PAR_TOUTES_LES_COMMUNES)) {
                List<String> toutes = convention.communesTriees().stream().map(CommuneDuTerritoire::codeInsee).toList();
                autorites.add(evaluer(ligne, populationEpci, "population de l'EPCI selon le référentiel", competences, toutes));
            } else {
                Set<String> codes = new LinkedHashSet<>();
                int population = 0;
                for (CelluleCompetence cellule : exercees) {
                    for (CommuneTransferante commune : cellule.communes()) {
                        if (codes.add(commune.codeInsee()) && commune.population() != null) {
                            population += commune.population();
                        }
                    }
                }
                autorites.add(evaluer(ligne, population, "somme des communes ayant transféré leurs compétences, selon le référentiel",
                        competences, List.copyOf(codes)));
            }
        }
        return autorites;
    }

    private AutoriteOrganisatrice evaluer(LigneMatrice ligne, Integer population, String source, List<String> competences,
                                          List<String> communes) {
        int habitants = population == null ? 0 : population;
        List<String> rpe = services.stream()
                .filter(s -> s.type() == TypeService.RPE)
                .filter(s -> s.codeInsee() != null && communes.contains(s.codeInsee())
                        || s.collectivitesSoutien().stream().anyMatch(c -> Textes.plier(c).equals(Textes.plier(ligne.nom()))))
                .map(s -> "RPE : " + (s.nom() == null ? s.type().libelle() : s.nom()) + (s.commune() == null ? "" : " (" + s.commune() + ")"))
                .toList();
        ProjectionAo projection = projections.get(ligne.code());
        List<LigneProjection> lignes = projection == null ? List.of() : projection.lignes();
        List<String> offreExistante = lignes.stream().anyMatch(l -> l.actuel() != null || l.actuelPrecision() != null)
                ? List.of("Tableau de projection : offre existante renseignée pour " + lignes.size() + " modes d'accueil") : List.of();
        List<String> projectionParAnnee = lignes.stream().anyMatch(l -> !l.annees().isEmpty())
                ? List.of("Tableau de projection : " + lignes.size() + " modes d'accueil projetés année par année") : List.of();

        List<Obligation> obligations = new ArrayList<>();
        obligations.add(pourCompetence(competences, Competences.RECENSER, "RECENSER", "Recenser les besoins et l'offre d'accueil",
                "toute autorité organisatrice", concat(citer(Competences.RECENSER), offreExistante),
                "Aucune fiche du plan ne vise « Recenser les besoins » et l'offre existante n'est pas renseignée dans le tableau de projection."));
        obligations.add(pourCompetence(competences, Competences.INFORMER, "INFORMER", "Informer et accompagner les familles",
                "toute autorité organisatrice", concat(citer(Competences.INFORMER), rpe),
                "Aucune fiche du plan ne vise « Informer et accompagner les familles » et aucun relais petite enfance n'est inscrit à l'annexe des services."));
        obligations.add(auDessusDe(habitants, SEUIL_PLAN, competences, Competences.PLANIFIER, "PLAN",
                "Planifier le développement des modes d'accueil", concat(citer(Competences.PLANIFIER), projectionParAnnee),
                "Aucune fiche du plan ne vise « Planifier » et le tableau de projection n'est pas renseigné."));
        obligations.add(auDessusDe(habitants, SEUIL_SCHEMA_RPE, competences, Competences.PLANIFIER, "SCHEMA",
                "Schéma pluriannuel de maintien et de développement de l'offre d'accueil",
                convention.tientLieuSchemaAo() ? List.of("Schéma : la CTG tient lieu de schéma de l'autorité organisatrice") : List.of(),
                "La convention n'est pas déclarée comme tenant lieu de schéma : un schéma est à élaborer, ou la case « tient lieu de schéma AO » à cocher si la CTG en a le contenu."));
        obligations.add(rpe(habitants, competences, rpe));
        return new AutoriteOrganisatrice(ligne.code(), ligne.nom(), ligne.type(), population, source, competences, communes, obligations, null);
    }

    private Obligation rpe(int habitants, List<String> competences, List<String> rpe) {
        String libelle = "Relais petite enfance (à compter du 1er janvier 2026)";
        LocalDate fin = convention.periode().dateFin();
        if (fin != null && fin.isBefore(DEBUT_OBLIGATION_RPE)) {
            return Obligation.sansObjet("RPE", libelle, "la convention s'achève avant le 1er janvier 2026");
        }
        return auDessusDe(habitants, SEUIL_SCHEMA_RPE, competences, Competences.SOUTENIR_QUALITE, "RPE", libelle, rpe,
                "Aucun relais petite enfance soutenu par cette autorité ou situé sur son territoire n'est inscrit à l'annexe des services.");
    }

    private static Obligation pourCompetence(List<String> competences, String competence, String code, String libelle, String raison,
                                             List<String> preuves, String manque) {
        if (!competences.contains(competence)) {
            return Obligation.sansObjet(code, libelle, "compétence « " + Competences.libelle(competence) + " » non exercée par cette collectivité");
        }
        return Obligation.evaluee(code, libelle, raison, preuves, manque);
    }

    private static Obligation auDessusDe(int habitants, int seuil, List<String> competences, String competence, String code,
                                         String libelle, List<String> preuves, String manque) {
        if (habitants <= seuil) {
            return Obligation.sansObjet(code, libelle, FormatFr.nombre(habitants) + " habitants, pas plus de " + FormatFr.nombre(seuil));
        }
        return pourCompetence(competences, competence, code, libelle,
                FormatFr.nombre(habitants) + " habitants, plus de " + FormatFr.nombre(seuil), preuves, manque);
    }

    private List<String> citer(String competence) {
        return fiches.stream().filter(f -> f.competences().contains(competence)).map(f -> "Plan d'actions : " + f.citation()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
