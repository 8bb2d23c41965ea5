package fr.pilotectg.importation;

import fr.pilotectg.importation.AnnexesTrouvees.CompetenceAoTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.InstanceTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.MembreTrouve;
import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import fr.pilotectg.importation.AnnexesTrouvees.TotalImprime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the {@link AnnexesTrouvees} part of a draft in an extracted document (deterministic, no network): the
 * supported services ({@link AnalyseServices}), the AO matrix and projections ({@link AnalyseAo}), the governance
 * bodies ({@link AnalyseGouvernance}); printed totals are checked ({@code TOTAL_DIFFERENT}) and every collectivité
 * or organisation name is resolved to the referential, or listed with its candidates ({@code NOM_NON_RESOLU}).
 */
@Component
public class AnalyseAnnexes {

    private final AnnexesResolution resolution;

    @Autowired
    public AnalyseAnnexes(AnnexesResolution resolution) {
        this.resolution = resolution;
    }

    /** Without the referential (names kept as printed, no resolution alert): for tools and unit tests. */
    public AnalyseAnnexes() {
        this(null);
    }

    public AnnexesTrouvees analyser(DocumentExtrait document) {
        List<AnnexesLigne> lignes = AnnexesLigne.de(document);
        AnalyseServices.Resultat services = AnalyseServices.analyser(lignes);
        AnalyseAo.Resultat ao = AnalyseAo.analyser(lignes);
        List<InstanceTrouvee> instances = AnalyseGouvernance.analyser(lignes);
        List<TotalImprime> totaux = new ArrayList<>(services.totaux());
        totaux.addAll(ao.totaux());
        List<Alerte> alertes = new ArrayList<>();
        for (TotalImprime t : totaux) {
            if (t.imprime() != t.trouve()) {
                alertes.add(new Alerte("TOTAL_DIFFERENT", t.libelle() + " : " + t.imprime() + " imprimé, " + t.trouve() + " trouvé(s).", t.source()));
            }
        }
        for (InstanceTrouvee i : instances) {
            for (MembreTrouve m : i.membres()) {
                if (m.deduit()) {
                    alertes.add(new Alerte("DEDUIT", "« " + m.organisation() + " » ajoutée à « " + i.nom() + " »"
                            + (m.copresident() ? " comme coprésidente" : m.secretariat() ? " avec le secrétariat" : "")
                            + " : le document ne l'imprime pas, c'est une déduction à vérifier.", m.source()));
                }
            }
        }
        List<ServiceTrouve> servicesResolus = services.services();
        List<CompetenceAoTrouvee> matrice = ao.matrice();
        List<InstanceTrouvee> instancesResolues = instances;
        if (resolution != null) {
            Map<String, AnnexesResolution.Resolution> vus = new LinkedHashMap<>();
            servicesResolus = services.services().stream().map(s -> s.collectivite() == null ? s
                    : new ServiceTrouve(s.collectivite(), resoudre(vus, s.collectivite(), s.source(), alertes), s.type(),
                    s.typeImprime(), s.sousType(), s.nom(), s.gestionnaire(), s.adresse(), s.codePostal(), s.commune(),
                    s.capacite(), s.horsBonusTerritoire(), s.source(), s.confiance())).toList();
            matrice.forEach(c -> resoudre(vus, c.collectivite(), c.source(), alertes));
            instancesResolues = instances.stream().map(i -> new InstanceTrouvee(i.type(), i.nom(), i.frequence(), i.reunionsParAn(),
                    i.missions(), i.thematiques(), i.membres().stream().map(m -> m.organisation() == null ? m
                    : new MembreTrouve(m.organisation(), resoudre(vus, m.organisation(), m.source(), alertes), m.personne(),
                    m.fonction(), m.copresident(), m.secretariat(), m.consultatif(), m.source(), m.confiance(), m.deduit())).toList(),
                    i.source(), i.confiance())).toList();
        }
        return new AnnexesTrouvees(servicesResolus, matrice, ao.projections(), instancesResolues, totaux, alertes);
    }

    /** The referential's name for a printed name; an alert (once per name) when there is none or several. */
    private String resoudre(Map<String, AnnexesResolution.Resolution> vus, String nom, Source source, List<Alerte> alertes) {
        String cle = AnnexesNoms.cle(nom);
        AnnexesResolution.Resolution r = vus.get(cle);
        if (r == null) {
            r = resolution.resoudre(nom);
            vus.put(cle, r);
            if (r.nom() == null) {
                alertes.add(new Alerte("NOM_NON_RESOLU", "« " + nom + " » : " + (r.candidats().isEmpty()
                        ? "aucun nom du référentiel ne correspond."
                        : "à choisir parmi " + String.join(", ", r.candidats()) + "."), source));
            }
        }
        return r.nom();
    }
}
