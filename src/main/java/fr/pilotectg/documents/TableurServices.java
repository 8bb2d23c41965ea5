package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.ServiceSoutenu;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The annex of the supported services: one row per facility, capacity as a number. */
@Component
class TableurServices {

    private final ConventionService conventions;
    private final OffreService offre;

    TableurServices(ConventionService conventions, OffreService offre) {
        this.conventions = conventions;
        this.offre = offre;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur(long conventionId) {
        String titre = conventions.convention(conventionId).titre();
        List<TableurColonne> colonnes = List.of(TableurColonne.de("Type", 28), TableurColonne.de("Type imprimé", 20),
                TableurColonne.de("Sous-type", 18), TableurColonne.de("Nom", 40), TableurColonne.de("Gestionnaire", 30),
                TableurColonne.de("Adresse", 30), TableurColonne.de("Code postal", 10), TableurColonne.de("Commune", 24),
                TableurColonne.de("Code INSEE", 10), TableurColonne.de("Capacité", 10),
                TableurColonne.liste("Hors bonus territoire", 12, List.of("oui", "non")),
                TableurColonne.de("Collectivités de soutien", 40));
        List<List<Object>> lignes = new ArrayList<>();
        for (ServiceSoutenu s : offre.services(conventionId)) {
            List<Object> valeurs = new ArrayList<>();
            valeurs.add(s.type() == null ? null : s.type().libelle());
            valeurs.add(s.typeImprime());
            valeurs.add(s.sousType());
            valeurs.add(s.nom());
            valeurs.add(s.gestionnaire());
            valeurs.add(s.adresse());
            valeurs.add(s.codePostal());
            valeurs.add(s.commune());
            valeurs.add(s.codeInsee());
            valeurs.add(s.capacite());
            valeurs.add(s.horsBonusTerritoire() ? "oui" : "non");
            valeurs.add(TableurValeurs.lignes(s.collectivitesSoutien()));
            lignes.add(valeurs);
        }
        return new TableurClasseur("Services soutenus - " + titre, List.of(new TableurFeuille("Services soutenus", colonnes, lignes)));
    }
}
