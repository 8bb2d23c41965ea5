package fr.pilotectg.pilotage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.pilotectg.convention.StatutConvention;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.pilotage.VueNationaleRepository.ChiffresConvention;
import fr.pilotectg.pilotage.VueNationaleRepository.CouvertureDepartement;
import fr.pilotectg.shared.AccesRefuse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national view, for an administrator only: two statements (ADR 0027), aggregated here by département, by Caf and
 * by status. Archived conventions are left out, as from every list.
 */
@Service
public class VueNationaleService {

    private final VueNationaleRepository repository;

    VueNationaleService(VueNationaleRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public VueNationale vueNationale() {
        if (UtilisateurConnecte.courant().role() != Role.ADMIN) {
            throw new AccesRefuse("La vue nationale est réservée aux administrateurs.");
        }
        List<ChiffresConvention> conventions = repository.chiffresDesConventions();
        List<CouvertureDepartement> couverture = repository.couverture();

        Map<String, Cumul> parDepartement = new TreeMap<>();
        for (CouvertureDepartement d : couverture) {
            parDepartement.put(d.code(), new Cumul(d.code(), d.nom()).communes(d.communes(), d.couvertes()));
        }
        Map<Long, Cumul> parCaf = new LinkedHashMap<>();
        Cumul france = new Cumul("FR", "France");
        couverture.forEach(d -> france.communes(d.communes(), d.couvertes()));
        Map<StatutConvention, Integer> statuts = new EnumMap<>(StatutConvention.class);
        for (ChiffresConvention c : conventions) {
            String code = c.codeDepartement() == null ? "?" : c.codeDepartement();
            parDepartement.computeIfAbsent(code, k -> new Cumul(k, c.departement() == null ? "Département inconnu" : c.departement()))
                    .ajouter(c);
            parCaf.computeIfAbsent(c.cafId(), k -> new Cumul(c.codeDepartement(), c.caf())).ajouter(c);
            france.ajouter(c);
            statuts.merge(StatutConvention.valueOf(c.statut()), 1, Integer::sum);
        }

        Map<String, Cumul> parRegion = new TreeMap<>();
        for (CouvertureDepartement d : couverture) {
            parRegion.computeIfAbsent(d.region(), k -> new Cumul(d.codeRegion(), d.region())).communes(d.communes(), d.couvertes());
        }
        List<Graphique.Ligne> barres = parRegion.values().stream().filter(r -> r.communes > 0)
                .map(r -> new Graphique.Ligne(r.nom, List.of(r.ligne().couverture()))).toList();
        List<VueNationale.CompteParStatut> comptes = new ArrayList<>();
        statuts.forEach((statut, nombre) -> comptes.add(new VueNationale.CompteParStatut(statut, nombre)));
        return new VueNationale(france.ligne(), parDepartement.values().stream().map(Cumul::ligne).toList(),
                parCaf.values().stream().map(Cumul::ligne).sorted(Comparator.comparing(LigneNationale::nom)).toList(),
                comptes, Graphique.barres("Part des communes dans une CTG en vigueur, par région", "Communes couvertes (%)",
                        barres, "%", 100));
    }

    /** Running totals of one row. */
    private static final class Cumul {
        private final String code;
        private final String nom;
        private int conventions;
        private int avantSignature;
        private int enVigueur;
        private int finDansDouzeMois;
        private int fiches;
        private int realisees;
        private int sollicitees;
        private int repondues;
        private Integer communes;
        private Integer couvertes;

        Cumul(String code, String nom) {
            this.code = code;
            this.nom = nom;
        }

        Cumul communes(int nombre, int couvertesEnPlus) {
            communes = (communes == null ? 0 : communes) + nombre;
            couvertes = (couvertes == null ? 0 : couvertes) + couvertesEnPlus;
            return this;
        }

        void ajouter(ChiffresConvention c) {
            conventions++;
            if (StatutConvention.valueOf(c.statut()).estAvantSignature()) {
                avantSignature++;
            }
            if (c.enVigueur()) {
                enVigueur++;
            }
            if (c.finDansDouzeMois()) {
                finDansDouzeMois++;
            }
            fiches += c.fiches();
            realisees += c.realisees();
            sollicitees += c.sollicitees();
            repondues += c.repondues();
        }

        LigneNationale ligne() {
            return new LigneNationale(code, nom, conventions, avantSignature, enVigueur, conventions - avantSignature - enVigueur,
                    finDansDouzeMois, fiches, realisees, sollicitees, repondues, communes, couvertes);
        }
    }
}
