package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.ao.AoService;
import fr.pilotectg.ao.CelluleCompetence;
import fr.pilotectg.ao.LigneMatrice;
import fr.pilotectg.ao.LigneProjection;
import fr.pilotectg.ao.ProjectionAo;
import fr.pilotectg.ao.VueAo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The autorités organisatrices: the competence matrix (collectivités × competences) and the projection of each AO. */
@Component
class TableurAo {

    private final AoService ao;

    TableurAo(AoService ao) {
        this.ao = ao;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur(long conventionId) {
        VueAo vue = ao.vue(conventionId);
        List<TableurColonne> colonnes = new ArrayList<>(List.of(TableurColonne.de("Collectivité", 32), TableurColonne.de("Code", 12),
                TableurColonne.de("Type", 14), TableurColonne.de("Population", 12)));
        for (String competence : vue.competences()) {
            colonnes.add(TableurColonne.de(vue.libelleCompetence(competence), 24));
        }
        List<List<Object>> matrice = new ArrayList<>();
        for (LigneMatrice ligne : vue.matrice().lignes()) {
            List<Object> valeurs = new ArrayList<>();
            valeurs.add(ligne.nom());
            valeurs.add(ligne.code());
            valeurs.add(ligne.type() == null ? null : ligne.type().libelle());
            valeurs.add(ligne.population());
            for (String competence : vue.competences()) {
                valeurs.add(ligne.cellule(competence).map(TableurAo::mode).orElse(null));
            }
            matrice.add(valeurs);
        }

        List<TableurColonne> colonnesProjection = new ArrayList<>(List.of(TableurColonne.de("Autorité organisatrice", 32),
                TableurColonne.de("Mode d'accueil", 30), TableurColonne.de("Actuel", 10), TableurColonne.de("Précision (actuel)", 20)));
        for (Integer annee : vue.annees()) {
            colonnesProjection.add(TableurColonne.de(String.valueOf(annee), 10));
        }
        colonnesProjection.addAll(List.of(TableurColonne.de("Besoins en emplois et compétences", 30),
                TableurColonne.de("Autres besoins", 30), TableurColonne.de("Projets (type)", 30),
                TableurColonne.de("Projets (coût, calendrier)", 30), TableurColonne.de("Ingénierie", 30)));
        List<List<Object>> projection = new ArrayList<>();
        for (ProjectionAo p : vue.projections()) {
            for (LigneProjection l : p.lignes()) {
                List<Object> valeurs = new ArrayList<>();
                valeurs.add(p.aoNom());
                valeurs.add(l.intitule());
                valeurs.add(l.actuel());
                valeurs.add(l.actuelPrecision());
                for (Integer annee : vue.annees()) {
                    valeurs.add(l.annee(annee).map(a -> a.valeur() != null ? (Object) a.valeur() : a.precision()).orElse(null));
                }
                valeurs.add(l.besoinsEmploisCompetences());
                valeurs.add(l.autresBesoins());
                valeurs.add(l.projetsType());
                valeurs.add(l.projetsCoutCalendrier());
                valeurs.add(l.ingenierie());
                projection.add(valeurs);
            }
        }
        return new TableurClasseur("Autorités organisatrices - " + vue.convention().titre(), List.of(
                new TableurFeuille("Matrice des compétences", colonnes, matrice),
                new TableurFeuille("Projection", colonnesProjection, projection)));
    }

    private static String mode(CelluleCompetence cellule) {
        if (cellule.modeImprime() != null && !cellule.modeImprime().isBlank()) {
            return cellule.modeImprime();
        }
        return cellule.mode() == null ? null : cellule.mode().libelle();
    }
}
