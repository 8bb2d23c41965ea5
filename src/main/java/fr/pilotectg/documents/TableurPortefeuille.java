package fr.pilotectg.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.pilotage.LignePortefeuille;
import fr.pilotectg.pilotage.Portefeuille;
import fr.pilotectg.pilotage.PortefeuilleService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio of the user, every page of it: an agent of a Caf gets the conventions of their Caf, an administrator
 * every convention; anybody else is refused by the portfolio service (403).
 */
@Component
class TableurPortefeuille {

    private final PortefeuilleService portefeuille;

    TableurPortefeuille(PortefeuilleService portefeuille) {
        this.portefeuille = portefeuille;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur() {
        List<TableurColonne> colonnes = List.of(TableurColonne.de("Convention", 45), TableurColonne.de("Caf", 25),
                TableurColonne.de("Statut", 16), TableurColonne.de("Début", 12), TableurColonne.de("Fin", 12),
                TableurColonne.de("Fiches", 8), TableurColonne.de("Fiches-années concernées", 12),
                TableurColonne.de("Fiches-années réalisées", 12), TableurColonne.de("Réalisé (%)", 10),
                TableurColonne.de("En retard", 10), TableurColonne.de("Campagne : fiches interrogées", 14),
                TableurColonne.de("Campagne : réponses", 12), TableurColonne.de("Prochain COPIL", 14));
        List<List<Object>> lignes = new ArrayList<>();
        int page = 1;
        Portefeuille p;
        do {
            p = portefeuille.portefeuille(null, "titre", false, page);
            for (LignePortefeuille l : p.lignes()) {
                List<Object> valeurs = new ArrayList<>();
                valeurs.add(l.titre());
                valeurs.add(l.caf());
                valeurs.add(l.statut() == null ? null : l.statut().libelle());
                valeurs.add(l.dateDebut());
                valeurs.add(l.dateFin());
                valeurs.add(l.fiches());
                valeurs.add(l.concernees());
                valeurs.add(l.realisees());
                valeurs.add(l.concernees() == 0 ? null : BigDecimal.valueOf(l.tauxRealise()).setScale(1, RoundingMode.HALF_UP));
                valeurs.add(l.retards());
                valeurs.add(l.campagneConcernees());
                valeurs.add(l.campagneRepondues());
                valeurs.add(l.prochainCopil());
                lignes.add(valeurs);
            }
            page++;
        } while (page <= p.nombreDePages());
        return new TableurClasseur("Portefeuille des conventions", List.of(new TableurFeuille("Portefeuille", colonnes, lignes)));
    }
}
