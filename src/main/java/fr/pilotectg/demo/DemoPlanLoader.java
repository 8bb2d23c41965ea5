package fr.pilotectg.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.CompteDeclare;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Noeud;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.plan.Plan;
import fr.pilotectg.plan.PlanService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the action plans of the demo conventions from {@code demo/plans/<convention>.json} (facts of the
 * real plans; long paragraphs summarised), through {@link PlanService} like any user's edit.
 */
@Component
class DemoPlanLoader {

    record PlanDemo(String convention, String modele, List<NiveauDemo> niveaux, List<CompteDeclare> comptesDeclares,
                    List<NoeudDemo> noeuds, List<FicheDemo> fichesHorsAxe, List<Plan.PhaseCalendrier> calendrier,
                    List<String> notes) {
    }

    record NiveauDemo(String nom, String numerotation) {
    }

    record NoeudDemo(String reference, String titre, String texte, List<String> objectifs, CompteDeclare compteDeclare,
                     List<NoeudDemo> enfants, List<FicheDemo> fiches) {
    }

    record FicheDemo(String reference, String titre, List<Integer> annees, String echeances, List<String> notes,
                     Map<String, Object> champs) {
    }

    private final PlanService plans;
    private final ObjectMapper json;

    DemoPlanLoader(PlanService plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    void charger(Map<String, Convention> conventions) {
        conventions.forEach((cle, convention) -> {
            ClassPathResource fichier = new ClassPathResource("demo/plans/" + cle + ".json");
            if (fichier.exists()) {
                charger(convention.id(), lire(fichier));
            }
        });
    }

    private void charger(long conventionId, PlanDemo demo) {
        ModeleFiche modele = ModeleFiche.valueOf(demo.modele());
        List<Niveau> niveaux = new ArrayList<>();
        for (int rang = 0; rang < demo.niveaux().size(); rang++) {
            NiveauDemo n = demo.niveaux().get(rang);
            niveaux.add(new Niveau(rang, n.nom(), Numerotation.valueOf(n.numerotation()), prefixe(demo, rang)));
        }
        plans.initialiser(conventionId, modele, niveaux, demo.comptesDeclares(), demo.calendrier(), demo.notes());
        for (NoeudDemo noeud : liste(demo.noeuds())) {
            chargerNoeud(conventionId, modele, null, noeud);
        }
        for (FicheDemo fiche : liste(demo.fichesHorsAxe())) {
            creerFiche(conventionId, modele, null, fiche);
        }
    }

    private void chargerNoeud(long conventionId, ModeleFiche modele, Long parentId, NoeudDemo demo) {
        Noeud noeud = plans.ajouterNoeud(conventionId, parentId, demo.reference(), demo.titre(), demo.texte(),
                demo.objectifs(), demo.compteDeclare());
        for (NoeudDemo enfant : liste(demo.enfants())) {
            chargerNoeud(conventionId, modele, noeud.id(), enfant);
        }
        for (FicheDemo fiche : liste(demo.fiches())) {
            creerFiche(conventionId, modele, noeud.id(), fiche);
        }
    }

    private void creerFiche(long conventionId, ModeleFiche modele, Long noeudId, FicheDemo demo) {
        plans.creerFiche(conventionId, noeudId, new ContenuFiche(demo.reference(), demo.titre(),
                ChampsFiche.depuis(modele, demo.champs()), demo.annees(), demo.echeances(), demo.notes()));
    }

    /** "FA" for references "FA1", "FA2"…: the numbered levels keep the prefix the document used. */
    private static String prefixe(PlanDemo demo, int rang) {
        String reference = premiereReference(demo, rang);
        return reference == null ? "" : reference.replaceAll("\\d+$", "");
    }

    private static String premiereReference(PlanDemo demo, int rang) {
        boolean niveauFiche = rang == demo.niveaux().size() - 1;
        List<NoeudDemo> niveau = liste(demo.noeuds());
        for (int r = 0; r < rang && !niveauFiche; r++) {
            niveau = niveau.stream().flatMap(n -> liste(n.enfants()).stream()).toList();
        }
        if (niveauFiche) {
            List<NoeudDemo> parents = liste(demo.noeuds());
            for (int r = 0; r < rang - 1; r++) {
                parents = parents.stream().flatMap(n -> liste(n.enfants()).stream()).toList();
            }
            return parents.stream().flatMap(n -> liste(n.fiches()).stream()).map(FicheDemo::reference)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        return niveau.stream().map(NoeudDemo::reference).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private PlanDemo lire(ClassPathResource fichier) {
        try (InputStream in = fichier.getInputStream()) {
            return json.readValue(in, PlanDemo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> liste(List<T> liste) {
        return liste == null ? List.of() : liste;
    }
}
