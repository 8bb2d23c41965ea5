package fr.pilotectg.importation;

import fr.pilotectg.ao.AoService;
import fr.pilotectg.ao.Collectivite;
import fr.pilotectg.ao.LigneProjection;
import fr.pilotectg.ao.ModeAccueil;
import fr.pilotectg.ao.ModeExercice;
import fr.pilotectg.ao.SaisieCollectivite;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.gouvernance.GouvernanceService;
import fr.pilotectg.gouvernance.SaisieInstance;
import fr.pilotectg.gouvernance.SaisieMembre;
import fr.pilotectg.importation.AnnexesTrouvees.CompetenceAoTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.InstanceTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.ProjectionTrouvee;
import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import fr.pilotectg.offre.NouveauService;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.offre.TypeService;
import fr.pilotectg.shared.ErreurValidation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the {@link AnnexesTrouvees} part of a confirmed draft into the new convention through the features' public services,
 * inside the confirmation's transaction: each service row ({@link OffreService#ajouter}, which merges rows naming
 * the same service), each collectivité of the AO matrix and each projection table ({@link AoService}), the
 * governance bodies ({@link GouvernanceService#modifier}). Those services check who may write and journal it. An
 * element they refuse stops everything with a French message naming it (the orchestrator rolls back).
 */
@Component
public class ConfirmationAnnexes {

    private final OffreService offre;
    private final AoService ao;
    private final GouvernanceService gouvernance;
    private final ConventionService conventions;

    public ConfirmationAnnexes(OffreService offre, AoService ao, GouvernanceService gouvernance, ConventionService conventions) {
        this.offre = offre;
        this.ao = ao;
        this.gouvernance = gouvernance;
        this.conventions = conventions;
    }

    @Transactional
    public void confirmer(long conventionId, AnnexesTrouvees partie) {
        for (int i = 0; i < partie.services().size(); i++) {
            ServiceTrouve s = partie.services().get(i);
            String nom = "Service « " + (s.nom() != null ? s.nom() : s.typeImprime() != null ? s.typeImprime() : s.type()) + " »" + ligne(s.source());
            TypeService type = enumeration(TypeService.class, s.type(), "services[" + i + "].type", nom);
            String collectivite = s.collectiviteResolue() != null ? s.collectiviteResolue() : s.collectivite();
            NouveauService n = new NouveauService(type, s.typeImprime(), s.sousType(), s.nom(), s.gestionnaire(), s.adresse(),
                    s.codePostal(), s.commune(), s.capacite(), s.horsBonusTerritoire(), collectivite == null ? List.of() : List.of(collectivite));
            ecrire("services[" + i + "]", nom, () -> offre.ajouter(conventionId, n));
        }
        List<Collectivite> collectivites = ao.collectivites(conventionId);
        Map<String, List<CompetenceAoTrouvee>> parCollectivite = new LinkedHashMap<>();
        partie.matriceAo().forEach(c -> parCollectivite.computeIfAbsent(c.collectivite(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<String, List<CompetenceAoTrouvee>> e : parCollectivite.entrySet()) {
            String nom = "Matrice AO, collectivité « " + e.getKey() + " »" + ligne(e.getValue().get(0).source());
            String code = code(collectivites, e.getKey(), nom);
            Map<String, SaisieCollectivite.Saisie> competences = new LinkedHashMap<>();
            for (CompetenceAoTrouvee c : e.getValue()) {
                ModeExercice mode = enumeration(ModeExercice.class, c.mode(), "matriceAo." + c.competence(), nom);
                competences.put(c.competence(), new SaisieCollectivite.Saisie(mode, List.of(), c.modeImprime(), c.populationImprimee()));
            }
            ecrire("matriceAo", nom, () -> ao.definirCollectivite(conventionId,
                    new SaisieCollectivite(ao.vue(conventionId).matrice().version(), code, competences)));
        }
        for (ProjectionTrouvee p : partie.projections()) {
            String nom = "Projection de « " + (p.ao() == null ? "?" : p.ao()) + " »" + ligne(p.source());
            String code = code(collectivites, p.ao(), nom);
            List<LigneProjection> lignes = p.lignes().stream().map(l -> new LigneProjection(
                    enumeration(ModeAccueil.class, l.mode(), "projections.mode", nom), "AUTRE".equals(l.mode()) ? l.modeImprime() : null,
                    l.actuel() == null ? null : BigDecimal.valueOf(l.actuel()), l.actuelPrecision(),
                    l.annees().stream().map(v -> new LigneProjection.ValeurAnnee(v.annee(), v.valeur() == null ? null : BigDecimal.valueOf(v.valeur()),
                            v.precision())).toList(),
                    l.besoinsEmploisCompetences(), l.autresBesoins(), l.projetsType(), l.projetsCoutCalendrier(), l.ingenierie())).toList();
            ecrire("projections", nom, () -> ao.remplacerProjection(conventionId, ao.vue(conventionId).versionProjection(), code, lignes));
        }
        if (!partie.instances().isEmpty()) {
            List<VueConvention.VuePartie> parties = conventions.vue(conventionId).parties();
            List<SaisieInstance> instances = partie.instances().stream().map(i -> saisie(i, parties)).toList();
            ecrire("instances", "Gouvernance (" + instances.size() + " instance(s))", () -> gouvernance.modifier(conventionId,
                    gouvernance.gouvernance(conventionId).version(), instances, null));
        }
    }

    /** A body as the governance service takes it; a member printed as a party of the convention ("Caf", "CCBA") is that party. */
    private static SaisieInstance saisie(InstanceTrouvee i, List<VueConvention.VuePartie> parties) {
        return new SaisieInstance(i.type(), i.nom(), i.frequence(), i.reunionsParAn(), i.missions(), i.thematiques(),
                i.membres().stream().map(m -> new SaisieMembre(partie(parties, m.organisation()),
                        m.organisationResolue() != null ? m.organisationResolue() : m.organisation(),
                        m.personne(), m.fonction(), m.consultatif() ? "CONSULTATIF" : "DELIBERATIF", m.copresident(), m.secretariat())).toList());
    }

    private static Long partie(List<VueConvention.VuePartie> parties, String imprime) {
        if (imprime == null) {
            return null;
        }
        List<Long> ids = parties.stream().filter(p -> AnnexesNoms.memeOrganisation(p.organisation().nom(), imprime)
                        || p.organisation().sigle() != null && AnnexesNoms.memeOrganisation(p.organisation().sigle(), imprime)
                        || p.nomImprime() != null && AnnexesNoms.memeOrganisation(p.nomImprime(), imprime)
                        || AnnexesTexte.cle(imprime).matches("caf( .*)?") && p.organisation().type().name().equals("CAF"))
                .map(p -> p.organisation().id()).distinct().toList();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /** The code of the convention's collectivité a printed name designates (same name, or its acronym). */
    private static String code(List<Collectivite> collectivites, String imprime, String nom) {
        if (imprime != null) {
            for (Collectivite c : collectivites) {
                if (AnnexesNoms.memeOrganisation(c.nom(), imprime) || c.code().equals(imprime)) {
                    return c.code();
                }
            }
        }
        throw new ErreurValidation("annexes", nom + " : « " + (imprime == null ? "" : imprime)
                + " » n'est ni l'intercommunalité ni une commune du territoire de la convention.");
    }

    private static <E extends Enum<E>> E enumeration(Class<E> classe, String code, String champ, String nom) {
        try {
            return Enum.valueOf(classe, code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ErreurValidation("annexes." + champ, nom + " : valeur inconnue « " + code + " ».");
        }
    }

    private static String ligne(Source source) {
        return source == null || source.debut() == 0 ? "" : source.debut() == source.fin() ? " (ligne " + source.debut() + ")"
                : " (lignes " + source.debut() + "–" + source.fin() + ")";
    }

    /** Runs a write; a refusal is re-thrown naming the element. */
    private static void ecrire(String champ, String nom, Supplier<?> ecriture) {
        try {
            ecriture.get();
        } catch (ErreurValidation e) {
            throw new ErreurValidation(e.erreurs().stream().map(x -> new ErreurValidation.Erreur("annexes." + champ + "." + x.champ(),
                    nom + " : " + x.message())).toList());
        } catch (IllegalArgumentException e) {
            throw new ErreurValidation("annexes." + champ, nom + " : " + e.getMessage());
        }
    }
}
