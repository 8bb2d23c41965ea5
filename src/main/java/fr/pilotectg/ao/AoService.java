package fr.pilotectg.ao;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.diagnostic.DiagnosticService;
import fr.pilotectg.diagnostic.ValeurIndicateur;
import fr.pilotectg.offre.NomsDeCollectivites;
import fr.pilotectg.offre.OffreService;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.Epci;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The early-childhood organising authority of a convention: competence matrix, rules, projection table (DOMAIN §4.11). */
@Service
public class AoService {

    /** Code of the population indicator in a convention's diagnostic (CSV import format). */
    static final String INDICATEUR_POPULATION = "POP_TOTALE";

    private final AoRepository repository;
    private final ConventionService conventions;
    private final TerritoireService territoires;
    private final OffreService offre;
    private final PlanService plans;
    private final Journal journal;
    private final DiagnosticService diagnostic;

    AoService(AoRepository repository, ConventionService conventions, TerritoireService territoires, OffreService offre,
              PlanService plans, Journal journal, DiagnosticService diagnostic) {
        this.diagnostic = diagnostic;
        this.repository = repository;
        this.conventions = conventions;
        this.territoires = territoires;
        this.offre = offre;
        this.plans = plans;
        this.journal = journal;
    }

    public VueAo vue(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        List<Collectivite> toutes = collectivites(convention);
        MatriceAo matrice = matrice(convention, toutes);
        List<ProjectionAo> projections = projections(conventionId, toutes);
        List<FichePetiteEnfance> fiches = fichesPetiteEnfance(conventionId);
        ReglesAo regles = new ReglesAo(convention, populationEpci(convention), offre.services(conventionId), fiches,
                projections.stream().collect(Collectors.toMap(ProjectionAo::aoCode, Function.identity())));
        Map<String, Integer> populationsDuDiagnostic = populationsDuDiagnostic(conventionId);
        List<AutoriteOrganisatrice> autorites = regles.autorites(matrice).stream()
                .map(a -> a.avecPopulationDiagnostic(populationsDuDiagnostic.get(a.code()))).toList();
        return new VueAo(convention, toutes, matrice, autorites, repository.versionProjection(conventionId),
                annees(convention), projections, fiches, conventions.peutModifier(convention));
    }

    /** Population printed by the convention's diagnostic, by SIREN or INSEE code of the territory. */
    private Map<String, Integer> populationsDuDiagnostic(long conventionId) {
        return diagnostic.indicateurs(conventionId).stream()
                .filter(i -> i.indicateur().code().equals(INDICATEUR_POPULATION))
                .flatMap(i -> i.valeurs().stream())
                .filter(v -> v.territoire().code() != null && v.valeur().estNombre())
                .collect(Collectors.toMap(v -> v.territoire().code(), (ValeurIndicateur v) -> v.valeur().nombre().intValue(), (a, b) -> a));
    }

    /** The EPCI first, then the communes of the convention's territory by name. */
    public List<Collectivite> collectivites(long conventionId) {
        return collectivites(conventions.convention(conventionId));
    }

    /**
     * Fiches of the plan about early childhood: those naming an SPPE competence, or placed under an axis
     * or thématique whose title speaks of "petite enfance". Empty when the convention has no plan yet.
     */
    private List<FichePetiteEnfance> fichesPetiteEnfance(long conventionId) {
        if (plans.planSiExiste(conventionId).isEmpty()) {
            return List.of();
        }
        ArbrePlan arbre = plans.arbre(conventionId, FiltreFiches.AUCUN);
        List<Long> sousPetiteEnfance = arbre.branches()
                .filter(b -> Textes.plier(b.noeud().titre()).contains("petite enfance"))
                .flatMap(ArbrePlan.Branche::toutesLesFiches).map(Fiche::id).toList();
        return arbre.fichesDansLOrdre().stream()
                .filter(f -> !f.champs().liste("competencesSppe").isEmpty() || sousPetiteEnfance.contains(f.id()))
                .map(f -> new FichePetiteEnfance(f.id(), f.reference(), f.titre(), f.champs().liste("competencesSppe"),
                        f.champs().organisations("porteurs").stream().map(OrganisationCitee::nom).toList()))
                .toList();
    }

    @Transactional
    public MatriceAo definirCollectivite(long conventionId, SaisieCollectivite saisie) {
        Convention convention = conventionModifiable(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (saisie.version() == null) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version de la matrice est obligatoire (elle protège des modifications simultanées)."));
        }
        List<Collectivite> toutes = collectivites(convention);
        Optional<Collectivite> collectivite = collectivite(toutes, convention, saisie.collectivite());
        if (collectivite.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("collectivite", "« " + Optional.ofNullable(saisie.collectivite()).orElse("")
                    + " » n'est ni l'intercommunalité ni une commune du territoire de cette convention."));
        }
        saisie.competences().keySet().stream().filter(c -> !Competences.libelles().containsKey(c)).forEach(c -> erreurs.add(
                new ErreurValidation.Erreur("competences." + c, "Compétence inconnue : « " + c + " ».")));
        Map<String, AoRepository.SaisieValidee> validees = new LinkedHashMap<>();
        for (String competence : Competences.codes()) {
            SaisieCollectivite.Saisie cellule = saisie.competences().get(competence);
            String champ = "competences." + competence;
            String libelle = Competences.libelle(competence);
            if (cellule == null || cellule.mode() == null) {
                erreurs.add(new ErreurValidation.Erreur(champ, "Choisissez le mode d'exercice de la compétence « " + libelle + " »."));
                continue;
            }
            collectivite.ifPresent(c -> verifierMode(c, cellule.mode(), champ, libelle, erreurs));
            List<String> communes = List.of();
            Integer populationImprimee = cellule.populationImprimee();
            if (cellule.mode() == ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES) {
                communes = communesTransferantes(toutes, convention, cellule.communes(), populationImprimee != null, champ, libelle, erreurs);
            }
            if (populationImprimee != null && populationImprimee < 0) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".populationImprimee", "« " + libelle
                        + " » : la population imprimée ne peut pas être négative (" + populationImprimee + ")."));
            } else if (populationImprimee != null && cellule.mode() != ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".populationImprimee", "« " + libelle
                        + " » : la population des communes qui ont transféré ne s'indique que pour le mode « "
                        + ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES.libelle() + " »."));
            }
            String modeImprime = cellule.modeImprime() == null || cellule.modeImprime().isBlank() ? null : cellule.modeImprime().strip();
            if (modeImprime != null && modeImprime.length() > fr.pilotectg.shared.Limites.TITRE) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".modeImprime", "« " + libelle + " » : le mode imprimé dépasse "
                        + fr.pilotectg.shared.Limites.TITRE + " caractères."));
            }
            validees.put(competence, new AoRepository.SaisieValidee(cellule.mode(), communes, modeImprime, populationImprimee));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        Collectivite c = collectivite.orElseThrow();
        MatriceAo avant = matrice(convention, toutes);
        avancer(conventionId, "version_matrice", saisie.version());
        repository.remplacerCollectivite(conventionId, c.code(), c.nom(), c.type(), validees);
        MatriceAo apres = matrice(convention, toutes);
        journal.enregistrer("ao_matrice", conventionId, conventionId, "matrice des compétences AO : " + c.nom(),
                Changement.entre(resume(avant, c.code()), resume(apres, c.code())));
        return apres;
    }

    @Transactional
    public MatriceAo retirerCollectivite(long conventionId, int version, String code) {
        Convention convention = conventionModifiable(conventionId);
        List<Collectivite> toutes = collectivites(convention);
        MatriceAo avant = matrice(convention, toutes);
        LigneMatrice ligne = avant.lignes().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new ErreurValidation("collectivite", "Cette collectivité ne figure pas dans la matrice."));
        avancer(conventionId, "version_matrice", version);
        repository.retirerCollectivite(conventionId, code);
        journal.enregistrer("ao_matrice", conventionId, conventionId, "matrice des compétences AO : " + ligne.nom() + " retirée",
                Changement.entre(resume(avant, code), Map.of()));
        return matrice(convention, toutes);
    }

    /**
     * Replaces the projection table of one AO. Every line is checked before anything is written: a
     * negative figure or a year outside the convention's period is refused, naming the line and the field.
     */
    @Transactional
    public List<ProjectionAo> remplacerProjection(long conventionId, Integer version, String aoCode, List<LigneProjection> lignes) {
        Convention convention = conventionModifiable(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (version == null) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version du tableau de projection est obligatoire (elle protège des modifications simultanées)."));
        }
        List<Collectivite> toutes = collectivites(convention);
        Optional<Collectivite> ao = collectivite(toutes, convention, aoCode);
        if (ao.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("ao", "« " + Optional.ofNullable(aoCode).orElse("")
                    + " » n'est ni l'intercommunalité ni une commune du territoire de cette convention."));
        }
        List<LigneProjection> saisies = lignes == null ? List.of() : lignes;
        List<Integer> annees = annees(convention);
        IntStream.range(0, saisies.size()).forEach(i -> ValidationProjection.verifier(i, saisies.get(i), annees, erreurs));
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        String code = ao.orElseThrow().code();
        List<LigneProjection> avant = projections(conventionId, toutes).stream().filter(p -> p.aoCode().equals(code))
                .flatMap(p -> p.lignes().stream()).toList();
        avancer(conventionId, "version_projection", version);
        repository.remplacerProjection(conventionId, code, saisies.stream().map(ValidationProjection::nettoyer).toList());
        journal.enregistrer("ao_projection", conventionId, conventionId, "tableau de projection : " + ao.get().nom(),
                Changement.entre(Map.of("Lignes", avant.stream().map(l -> l.resume(annees)).toList()),
                        Map.of("Lignes", saisies.stream().map(ValidationProjection::nettoyer).map(l -> l.resume(annees)).toList())));
        return projections(conventionId, toutes);
    }

    /** Adds a line (index null) or replaces the line at that index of an AO's projection table. */
    @Transactional
    public List<ProjectionAo> enregistrerLigne(long conventionId, Integer version, String aoCode, Integer index, LigneProjection ligne) {
        List<LigneProjection> lignes = new ArrayList<>(lignesDe(conventionId, aoCode));
        if (index == null) {
            lignes.add(ligne);
        } else {
            lignes.set(verifierIndex(index, lignes), ligne);
        }
        return remplacerProjection(conventionId, version, aoCode, lignes);
    }

    @Transactional
    public List<ProjectionAo> retirerLigne(long conventionId, Integer version, String aoCode, int index) {
        List<LigneProjection> lignes = new ArrayList<>(lignesDe(conventionId, aoCode));
        lignes.remove(verifierIndex(index, lignes));
        return remplacerProjection(conventionId, version, aoCode, lignes);
    }

    public List<LigneProjection> lignesDe(long conventionId, String aoCode) {
        conventions.convention(conventionId);
        return repository.lignesProjection(conventionId).stream().filter(l -> l.aoCode().equals(aoCode))
                .map(AoRepository.LigneStockee::ligne).toList();
    }

    private static int verifierIndex(int index, List<LigneProjection> lignes) {
        if (index < 0 || index >= lignes.size()) {
            throw new ErreurValidation("ligne", "Cette ligne du tableau de projection n'existe plus : rechargez la page.");
        }
        return index;
    }

    private Convention conventionModifiable(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter l'autorité organisatrice de cette convention mais pas la modifier.");
        }
        return convention;
    }

    private void avancer(long conventionId, String colonne, int version) {
        if (!repository.avancerVersion(conventionId, colonne, version)) {
            throw new ConflitDeModification("Quelqu'un a modifié ces données entre-temps : rechargez la page et refaites votre modification.");
        }
    }

    private static void verifierMode(Collectivite c, ModeExercice mode, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (c.type() == TypeCollectivite.EPCI && mode == ModeExercice.EXERCEE_PAR_LA_COMMUNE) {
            erreurs.add(new ErreurValidation.Erreur(champ, "« " + libelle + " » : l'intercommunalité ne peut pas être « exercée par la commune » ;"
                    + " renseignez les communes qui l'exercent sur leur propre ligne."));
        }
        if (c.type() == TypeCollectivite.COMMUNE && mode.transferee()) {
            erreurs.add(new ErreurValidation.Erreur(champ, "« " + libelle + " » : un transfert à l'EPCI se renseigne sur la ligne de l'intercommunalité, pas sur celle de "
                    + c.nom() + "."));
        }
    }

    private List<String> communesTransferantes(List<Collectivite> toutes, Convention convention, List<String> saisies,
                                               boolean populationImprimee, String champ, String libelle,
                                               List<ErreurValidation.Erreur> erreurs) {
        List<String> codes = new ArrayList<>();
        for (String saisie : saisies == null ? List.<String>of() : saisies) {
            if (saisie == null || saisie.isBlank()) {
                continue;
            }
            Optional<Collectivite> commune = collectivite(toutes, convention, saisie).filter(c -> c.type() == TypeCollectivite.COMMUNE);
            if (commune.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(champ + ".communes", "« " + libelle + " » : « " + saisie.trim()
                        + " » n'est pas une commune du territoire de cette convention."));
            } else if (!codes.contains(commune.get().code())) {
                codes.add(commune.get().code());
            }
        }
        if (codes.isEmpty() && !populationImprimee && erreurs.stream().noneMatch(e -> e.champ().equals(champ + ".communes"))) {
            erreurs.add(new ErreurValidation.Erreur(champ + ".communes", "« " + libelle
                    + " » est transférée par certaines communes : indiquez lesquelles, ou la population imprimée si le document ne les liste pas."));
        }
        return codes;
    }

    private List<Collectivite> collectivites(Convention convention) {
        List<Collectivite> liste = new ArrayList<>();
        liste.add(new Collectivite(convention.territoireSiren(), convention.territoireNom(), TypeCollectivite.EPCI, populationEpci(convention)));
        convention.communesTriees().forEach(c -> liste.add(new Collectivite(c.codeInsee(), c.nom(), TypeCollectivite.COMMUNE,
                territoires.commune(c.codeInsee()).map(Commune::population).orElse(c.population()))));
        return liste;
    }

    /** The EPCI or commune of the convention a user or a document designates: by code, name, "CCBA"-like initials, "COMMUNE DE …". */
    private Optional<Collectivite> collectivite(List<Collectivite> toutes, Convention convention, String designation) {
        if (designation == null || designation.isBlank()) {
            return Optional.empty();
        }
        String texte = designation.trim();
        Optional<Collectivite> directe = toutes.stream()
                .filter(c -> c.code().equalsIgnoreCase(texte) || Textes.plier(c.nom()).equals(Textes.plier(texte)))
                .findFirst();
        if (directe.isPresent()) {
            return directe;
        }
        String nom = new NomsDeCollectivites(territoires, convention.territoireNom(), convention.codeDepartement()).nommer(texte);
        return toutes.stream().filter(c -> Textes.plier(c.nom()).equals(Textes.plier(nom))).findFirst();
    }

    private MatriceAo matrice(Convention convention, List<Collectivite> toutes) {
        Map<String, Collectivite> parCode = toutes.stream()
                .collect(Collectors.toMap(Collectivite::code, Function.identity()));
        Map<String, List<AoRepository.CelluleStockee>> parCollectivite = repository.cellules(convention.id()).stream()
                .collect(Collectors.groupingBy(AoRepository.CelluleStockee::collectiviteCode, LinkedHashMap::new, Collectors.toList()));
        List<LigneMatrice> lignes = parCollectivite.values().stream().map(cellules -> {
            AoRepository.CelluleStockee premiere = cellules.get(0);
            Collectivite c = parCode.get(premiere.collectiviteCode());
            List<CelluleCompetence> triees = cellules.stream()
                    .sorted(Comparator.comparing(s -> Competences.codes().indexOf(s.competence())))
                    .map(s -> new CelluleCompetence(s.competence(), s.mode(), s.communes().stream().map(code -> communeTransferante(parCode, code)).toList(),
                            s.modeImprime(), s.populationImprimee()))
                    .toList();
            return new LigneMatrice(premiere.collectiviteCode(), c == null ? premiere.collectiviteNom() : c.nom(), premiere.type(),
                    c == null ? null : c.population(), triees);
        }).toList();
        return new MatriceAo(repository.versionMatrice(convention.id()), lignes);
    }

    private static CommuneTransferante communeTransferante(Map<String, Collectivite> parCode, String codeInsee) {
        Collectivite commune = parCode.get(codeInsee);
        return commune == null ? new CommuneTransferante(codeInsee, codeInsee, null)
                : new CommuneTransferante(codeInsee, commune.nom(), commune.population());
    }

    private List<ProjectionAo> projections(long conventionId, List<Collectivite> toutes) {
        Map<String, String> noms = toutes.stream().collect(Collectors.toMap(Collectivite::code, Collectivite::nom));
        Map<String, List<LigneProjection>> parAo = repository.lignesProjection(conventionId).stream()
                .collect(Collectors.groupingBy(AoRepository.LigneStockee::aoCode, LinkedHashMap::new,
                        Collectors.mapping(AoRepository.LigneStockee::ligne, Collectors.toList())));
        return parAo.entrySet().stream()
                .map(e -> new ProjectionAo(e.getKey(), noms.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
    }

    private Integer populationEpci(Convention convention) {
        return territoires.epci(convention.territoireSiren()).map(Epci::population).orElse(null);
    }

    /** The calendar years of the convention's period; empty while its dates are not fixed. */
    static List<Integer> annees(Convention convention) {
        var periode = convention.periode();
        if (periode.dateDebut() == null || periode.dateFin() == null) {
            return List.of();
        }
        return IntStream.rangeClosed(periode.dateDebut().getYear(), periode.dateFin().getYear()).boxed().toList();
    }

    private static Map<String, Object> resume(MatriceAo matrice, String code) {
        Map<String, Object> resume = new LinkedHashMap<>();
        matrice.lignes().stream().filter(l -> l.code().equals(code)).flatMap(l -> l.cellules().stream()).forEach(c ->
                resume.put(c.libelleCompetence(), c.mode().libelle() + (c.modeImprime() == null ? "" : " [« " + c.modeImprime() + " »]")
                        + (c.communes().isEmpty() ? "" : " (" + c.communes().stream().map(CommuneTransferante::nom).collect(Collectors.joining(", ")) + ")")
                        + (c.populationImprimee() == null ? "" : " — population imprimée " + c.populationImprimee())));
        return resume;
    }
}
