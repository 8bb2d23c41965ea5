package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.suivi.LigneSuivi;
import fr.pilotectg.suivi.MiseAJour;
import fr.pilotectg.suivi.StatutSuivi;
import fr.pilotectg.suivi.SuiviService;
import fr.pilotectg.suivi.TableauSuivi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared follow-up table: one row per fiche with its latest update (the sheet partners fill in and send back,
 * statuses as a drop-down list), and the full history of the updates on a second sheet.
 */
@Component
class TableurSuivi {

    private final SuiviService suivi;

    TableurSuivi(SuiviService suivi) {
        this.suivi = suivi;
    }

    @Transactional
    TableurClasseur classeur(long conventionId) {
        TableauSuivi tableau = suivi.tableau(conventionId);
        List<String> libelles = tableau.statuts().stream().map(StatutSuivi::libelle).toList();
        Map<String, String> libelleParCode = new HashMap<>();
        tableau.statuts().forEach(s -> libelleParCode.put(s.code(), s.libelle()));
        TableurFeuille feuille = feuille(tableau);

        List<TableurColonne> colonnesHistorique = List.of(TableurColonne.de("Référence", 12), TableurColonne.de("Fiche action", 45),
                TableurColonne.de("Date du point", 14), TableurColonne.liste("Statut", 22, libelles),
                TableurColonne.de("Avancement (%)", 14), TableurColonne.de("Mise en œuvre", 40),
                TableurColonne.de("Réalisations", 40), TableurColonne.de("Difficultés", 40),
                TableurColonne.de("Auteur", 18), TableurColonne.de("Enregistrée le", 14));
        List<List<Object>> historique = new ArrayList<>();
        // In plan order, latest first within a fiche.
        Map<Long, List<MiseAJour>> parFiche = new HashMap<>();
        for (MiseAJour m : suivi.historiqueDeLaConvention(conventionId)) {
            parFiche.computeIfAbsent(m.ficheId(), k -> new ArrayList<>()).add(m);
        }
        for (LigneSuivi ligne : tableau.lignes()) {
            for (MiseAJour m : parFiche.getOrDefault(ligne.fiche().id(), List.of())) {
                List<Object> valeurs = new ArrayList<>();
                valeurs.add(ligne.fiche().reference());
                valeurs.add(ligne.fiche().titre());
                valeurs.add(m.datePoint());
                valeurs.add(m.statut() == null ? null : libelleParCode.getOrDefault(m.statut(), m.statut()));
                valeurs.add(m.avancement());
                valeurs.add(m.miseEnOeuvre());
                valeurs.add(m.realisations());
                valeurs.add(m.difficultes());
                valeurs.add(m.auteur());
                valeurs.add(m.creeLe() == null ? null : m.creeLe().toLocalDate());
                historique.add(valeurs);
            }
        }
        return new TableurClasseur("Suivi des actions - " + tableau.conventionTitre(), List.of(
                feuille,
                new TableurFeuille("Historique", colonnesHistorique, historique)));
    }

    /** The sheet partners fill in: one row per fiche of the table with its latest update. */
    static TableurFeuille feuille(TableauSuivi tableau) {
        List<String> libelles = tableau.statuts().stream().map(StatutSuivi::libelle).toList();
        List<TableurColonne> colonnes = List.of(TableurColonne.de("Référence", 12), TableurColonne.de("Fiche action", 45),
                TableurColonne.de("Place dans le plan", 40), TableurColonne.de("Porteurs", 30),
                TableurColonne.de("Date du point", 14), TableurColonne.liste("Statut", 22, libelles),
                TableurColonne.de("Avancement (%)", 14), TableurColonne.de("Mise en œuvre", 40),
                TableurColonne.de("Réalisations", 40), TableurColonne.de("Difficultés", 40),
                TableurColonne.de("Auteur", 18), TableurColonne.de("Poids", 8),
                TableurColonne.de(TableurPlan.VERSION, 9));
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneSuivi ligne : tableau.lignes()) {
            MiseAJour m = ligne.derniere();
            List<Object> valeurs = new ArrayList<>();
            valeurs.add(ligne.fiche().reference());
            valeurs.add(ligne.fiche().titre());
            valeurs.add(ligne.chemin().isEmpty() ? null : String.join(" > ", ligne.chemin()));
            valeurs.add(TableurValeurs.lignes(ligne.porteurs()));
            valeurs.add(m == null ? null : m.datePoint());
            valeurs.add(ligne.statut() == null ? null : ligne.statut().libelle());
            valeurs.add(m == null ? null : ligne.avancement());
            valeurs.add(m == null ? null : m.miseEnOeuvre());
            valeurs.add(m == null ? null : m.realisations());
            valeurs.add(m == null ? null : m.difficultes());
            valeurs.add(m == null ? null : m.auteur());
            valeurs.add(ligne.poids());
            // The latest update when exported (0: none): an import refuses a row updated since (ADR 0036).
            valeurs.add(m == null ? 0L : m.id());
            lignes.add(valeurs);
        }
        return new TableurFeuille("Suivi", colonnes, lignes);
    }
}
