package fr.pilotectg.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.pilotage.LigneNationale;
import fr.pilotectg.pilotage.VueNationale;
import fr.pilotectg.pilotage.VueNationaleService;
import org.springframework.stereotype.Component;

/** The national view as a workbook: a sheet by département, one by Caf, one by status (administrators only: 403). */
@Component
class TableurNational {

    private final VueNationaleService service;

    TableurNational(VueNationaleService service) {
        this.service = service;
    }

    TableurClasseur classeur() {
        VueNationale v = service.vueNationale();
        List<List<Object>> departements = new ArrayList<>();
        for (LigneNationale l : v.departements()) {
            List<Object> ligne = new ArrayList<>(List.of(l.code(), l.nom()));
            ligne.addAll(chiffres(l));
            ligne.add(l.communes());
            ligne.add(l.communesCouvertes());
            ligne.add(l.communes() == null || l.communes() == 0 ? null : arrondi(l.couverture()));
            departements.add(ligne);
        }
        List<List<Object>> cafs = new ArrayList<>();
        for (LigneNationale l : v.cafs()) {
            List<Object> ligne = new ArrayList<>();
            ligne.add(l.nom());
            ligne.add(l.code());
            ligne.addAll(chiffres(l));
            cafs.add(ligne);
        }
        List<List<Object>> statuts = new ArrayList<>();
        v.statuts().forEach(s -> statuts.add(List.of(s.statut().libelle(), s.conventions())));
        List<TableurColonne> communs = List.of(TableurColonne.de("Conventions", 12), TableurColonne.de("Avant signature", 12),
                TableurColonne.de("En vigueur", 12), TableurColonne.de("Autres", 10), TableurColonne.de("Fin dans 12 mois", 12),
                TableurColonne.de("Fiches", 10), TableurColonne.de("Fiches réalisées", 12), TableurColonne.de("Réalisées (%)", 12),
                TableurColonne.de("Campagnes : fiches sollicitées", 14), TableurColonne.de("Campagnes : réponses", 12));
        List<TableurColonne> colonnesDepartements = new ArrayList<>(List.of(TableurColonne.de("Code", 8), TableurColonne.de("Département", 28)));
        colonnesDepartements.addAll(communs);
        colonnesDepartements.addAll(List.of(TableurColonne.de("Communes", 10), TableurColonne.de("Communes en CTG en vigueur", 14),
                TableurColonne.de("Couverture (%)", 12)));
        List<TableurColonne> colonnesCafs = new ArrayList<>(List.of(TableurColonne.de("Caf", 36), TableurColonne.de("Département", 10)));
        colonnesCafs.addAll(communs);
        return new TableurClasseur("Vue nationale", List.of(
                new TableurFeuille("Par département", colonnesDepartements, departements),
                new TableurFeuille("Par Caf", colonnesCafs, cafs),
                new TableurFeuille("Par statut", List.of(TableurColonne.de("Statut", 24), TableurColonne.de("Conventions", 12)), statuts)));
    }

    private static List<Object> chiffres(LigneNationale l) {
        List<Object> valeurs = new ArrayList<>();
        valeurs.add(l.conventions());
        valeurs.add(l.avantSignature());
        valeurs.add(l.enVigueur());
        valeurs.add(l.terminees());
        valeurs.add(l.finDansDouzeMois());
        valeurs.add(l.fiches());
        valeurs.add(l.realisees());
        valeurs.add(l.tauxRealise() == null ? null : arrondi(l.tauxRealise()));
        valeurs.add(l.sollicitees());
        valeurs.add(l.repondues());
        return valeurs;
    }

    private static BigDecimal arrondi(double valeur) {
        return BigDecimal.valueOf(valeur).setScale(1, RoundingMode.HALF_UP);
    }
}
