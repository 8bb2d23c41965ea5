package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.PageDeResultats;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared diagnostic of a convention (DOMAIN §4.9). Readers of the convention read it; those who may change
 * the convention write it. Every write is checked whole before anything is stored, and journalled.
 */
@Service
public class DiagnosticService {

    private final DiagnosticRepository repository;
    private final ConventionService conventions;
    private final TerritoireService referentiel;
    private final PlanService plans;
    private final Journal journal;
    /** Read lazily: the features that implement it (AO) depend on this service. */
    private final ObjectProvider<PlacesDeclarees> placesDeclarees;
    private final ResumesDuDiagnostic resumes;

    DiagnosticService(DiagnosticRepository repository, ConventionService conventions, TerritoireService referentiel,
                      PlanService plans, Journal journal, ObjectProvider<PlacesDeclarees> placesDeclarees, ResumesDuDiagnostic resumes) {
        this.placesDeclarees = placesDeclarees;
        this.resumes = resumes;
        this.repository = repository;
        this.conventions = conventions;
        this.referentiel = referentiel;
        this.plans = plans;
        this.journal = journal;
    }

    // ------------------------------------------------------------------ reading

    /** The whole diagnostic, every value of every indicator: what the API and the documents give. */
    public Diagnostic diagnostic(long conventionId) {
        return diagnostic(conventionId, false);
    }

    /**
     * What the diagnostic page shows, read once: each indicator with only the values the page shows (and those it flags),
     * the others counted and summed up by SQL, so that the page reads as much whatever the number of values (issue 16).
     */
    public Diagnostic diagnosticAffiche(long conventionId) {
        return diagnostic(conventionId, true);
    }

    private Diagnostic diagnostic(long conventionId, boolean replie) {
        Convention convention = conventions.convention(conventionId);
        List<TerritoireDiagnostic> territoires = repository.territoires(conventionId);
        List<SourceDiagnostic> sources = repository.sources(conventionId);
        List<IndicateurAvecValeurs> indicateurs = replie ? assemblerReplie(conventionId, territoires, sources)
                : assembler(conventionId, territoires, sources);
        List<Constat> constats = nommerLiens(conventionId, repository.constats(conventionId));
        List<ChiffreImprime> imprimes = repository.chiffresImprimes(conventionId);
        TableauEaje eaje = TableauEaje.de(repository.eaje(conventionId), imprimes);
        return new Diagnostic(conventionId, convention.titre(), conventions.peutModifier(convention), indicateurs,
                sections(indicateurs, constats), eaje, graphiqueEaje(eaje), TableauAlsh.de(repository.alsh(conventionId), imprimes),
                TableauFinancements.de(repository.financements(conventionId), imprimes),
                constats.stream().filter(c -> c.nature().estAfom()).toList(), sources, territoires, recoupements(conventionId, eaje));
    }

    /**
     * The enjeux per thématique (the diagnostic's enjeux, with the axes and fiches they are linked to), thématiques in
     * the order their first enjeu was written: the one list the diagnostic page, the text page and the API show.
     */
    public List<EnjeuxDUneThematique> enjeux(long conventionId) {
        conventions.convention(conventionId);
        Map<String, List<Constat>> parCode = new LinkedHashMap<>();
        Map<String, String> libelles = new LinkedHashMap<>();
        for (Constat c : nommerLiens(conventionId, repository.constats(conventionId))) {
            if (c.nature() == NatureConstat.ENJEU) {
                libelles.putIfAbsent(c.thematiqueCode(), c.thematique());
                parCode.computeIfAbsent(c.thematiqueCode(), k -> new ArrayList<>()).add(c);
            }
        }
        return parCode.entrySet().stream().map(e -> new EnjeuxDUneThematique(e.getKey(), libelles.get(e.getKey()), e.getValue())).toList();
    }

    /**
     * The places of collective early-childhood care as the EAJE table, the AO projection and the services annex state
     * them: one sentence when two of them differ, none when they agree or fewer than two state a figure.
     */
    private List<String> recoupements(long conventionId, TableauEaje eaje) {
        List<PlacesDeclarees.Chiffre> chiffres = new ArrayList<>();
        BigDecimal placesEaje = eaje.places().calcule() != null ? eaje.places().calcule()
                : eaje.places().imprime() != null && eaje.places().imprime().estNombre() ? eaje.places().imprime().nombre() : null;
        if (placesEaje != null) {
            chiffres.add(new PlacesDeclarees.Chiffre("tableau EAJE du diagnostic", placesEaje));
        }
        placesDeclarees.orderedStream().forEach(source -> source.places(conventionId).ifPresent(chiffres::add));
        if (chiffres.size() < 2 || chiffres.stream().map(c -> c.places().stripTrailingZeros()).distinct().count() == 1) {
            return List.of();
        }
        return List.of("Places d'accueil collectif (EAJE PSU et micro-crèches) : " + chiffres.stream()
                .map(c -> c.source() + " " + Valeur.formater(Valeur.normaliser(c.places())))
                .collect(Collectors.joining(" ; ")) + " — ces chiffres devraient concorder");
    }

    /** Values per page of an indicator's own page (all its values, the diagnostic page showing only some). */
    static final int VALEURS_PAR_PAGE = 100;

    /** One indicator of the diagnostic, a page of all its values (territories and periods) in the usual order. */
    public ValeursDUnIndicateur valeursDeLIndicateur(long conventionId, long indicateurId, int page) {
        Convention convention = conventions.convention(conventionId);
        IndicateurAvecValeurs indicateur = assembler(conventionId, repository.territoires(conventionId), repository.sources(conventionId))
                .stream().filter(i -> Objects.equals(i.indicateur().id(), indicateurId)).findFirst()
                .orElseThrow(() -> new Introuvable("Cet indicateur n'est pas dans le diagnostic de cette convention."));
        int numero = Math.min(PageDeResultats.borner(page), Math.max(1, (indicateur.valeurs().size() + VALEURS_PAR_PAGE - 1) / VALEURS_PAR_PAGE));
        List<ValeurIndicateur> morceau = indicateur.valeurs().subList(Math.min(indicateur.valeurs().size(), (numero - 1) * VALEURS_PAR_PAGE),
                Math.min(indicateur.valeurs().size(), numero * VALEURS_PAR_PAGE));
        return new ValeursDUnIndicateur(conventionId, convention.titre(), indicateur.indicateur(),
                new PageDeResultats<>(morceau, indicateur.valeurs().size(), numero, VALEURS_PAR_PAGE));
    }

    /** Every indicator of the diagnostic with its values, ratios recomputed. */
    public List<IndicateurAvecValeurs> indicateurs(long conventionId) {
        conventions.convention(conventionId);
        return assembler(conventionId, repository.territoires(conventionId), repository.sources(conventionId));
    }

    /**
     * The indicators of one thématique, given by its code ("PETITE_ENFANCE") or its label ("Petite enfance"),
     * accents and case ignored.
     */
    public List<IndicateurAvecValeurs> indicateurs(long conventionId, String thematique) {
        return dansThematique(indicateurs(conventionId), thematique);
    }

    static List<IndicateurAvecValeurs> dansThematique(List<IndicateurAvecValeurs> indicateurs, String thematique) {
        String code = Thematiques.code(thematique);
        return indicateurs.stream().filter(i -> i.indicateur().thematiqueCode().equals(code)).toList();
    }

    /** The EAJE table with its totals (places, enrolled children) recomputed and compared with the printed ones. */
    public TableauEaje eaje(long conventionId) {
        conventions.convention(conventionId);
        return TableauEaje.de(repository.eaje(conventionId), repository.chiffresImprimes(conventionId));
    }

    public boolean peutModifier(long conventionId) {
        return conventions.peutModifier(conventions.convention(conventionId));
    }

    // ------------------------------------------------------------------ indicators, territories, values

    /** Creates the indicator, or updates the one with the same code. */
    @Transactional
    public Indicateur definirIndicateur(long conventionId, Indicateur indicateur) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "code", indicateur.code(), "Le code de l'indicateur est obligatoire (par exemple TAUX_COUVERTURE_EAJE).");
        exiger(erreurs, "libelle", indicateur.libelle(), "Le libellé de l'indicateur est obligatoire.");
        exiger(erreurs, "unite", indicateur.unite(), "L'unité est obligatoire (%, enfants, €, places…).");
        exiger(erreurs, "thematique", indicateur.thematique(), "La thématique est obligatoire (par exemple « Petite enfance »).");
        if ((indicateur.numerateur() == null || indicateur.numerateur().isBlank()) != (indicateur.denominateur() == null || indicateur.denominateur().isBlank())) {
            erreurs.add(new ErreurValidation.Erreur(indicateur.numerateur() == null || indicateur.numerateur().isBlank() ? "numerateur" : "denominateur",
                    "Un ratio a un numérateur et un dénominateur : indiquez les deux codes d'indicateurs, ou aucun."));
        }
        if (erreurs.isEmpty() && indicateur.numerateur() != null && !indicateur.numerateur().isBlank()) {
            List<String> codes = repository.indicateurs(conventionId).stream().map(Indicateur::code).toList();
            for (String champ : List.of("numerateur", "denominateur")) {
                String code = champ.equals("numerateur") ? indicateur.numerateur().strip() : indicateur.denominateur().strip();
                if (!codes.contains(code) || code.equals(indicateur.code().strip())) {
                    erreurs.add(new ErreurValidation.Erreur(champ, "« " + code + " » n'est pas un autre indicateur de ce diagnostic."));
                }
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        Indicateur propre = new Indicateur(null, indicateur.code().strip(), indicateur.libelle().strip(), indicateur.unite().strip(),
                texte(indicateur.definition()), indicateur.thematique().strip(), texte(indicateur.numerateur()), texte(indicateur.denominateur()));
        resumes.verrouiller(conventionId);
        long id = repository.enregistrerIndicateur(conventionId, propre);
        // Its unit or its terms may have changed what the page flags.
        resumes.recalculer(conventionId, List.of(id));
        journal.enregistrer("diagnostic", conventionId, conventionId, "indicateur défini",
                List.of(new Changement("Indicateur", null, propre.code() + " — " + propre.libelle())));
        return new Indicateur(id, propre.code(), propre.libelle(), propre.unite(), propre.definition(), propre.thematique(),
                propre.numerateur(), propre.denominateur());
    }

    @Transactional
    public TerritoireDiagnostic definirTerritoire(long conventionId, NouveauTerritoire nouveau) {
        Convention convention = verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "cle", nouveau.cle(), "La clé du territoire est obligatoire (par exemple « qpv-centre »).");
        exiger(erreurs, "nom", nouveau.nom(), "Le nom du territoire est obligatoire.");
        if (nouveau.type() == null) {
            erreurs.add(new ErreurValidation.Erreur("type", "Le type de territoire est obligatoire."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        List<TerritoireDiagnostic> existants = repository.territoires(conventionId);
        if (existants.stream().anyMatch(t -> t.cle().equalsIgnoreCase(nouveau.cle().strip()))) {
            throw new ErreurValidation("cle", "Le diagnostic a déjà un territoire de clé « " + nouveau.cle().strip() + " ».");
        }
        String code = texte(nouveau.code());
        List<String> communes = new ArrayList<>();
        switch (nouveau.type()) {
            case COMMUNE -> verifierCode(code, referentiel.commune(code).isPresent(), "code INSEE de commune");
            case EPCI -> verifierCode(code, referentiel.epci(code).isPresent(), "SIREN d'EPCI");
            case DEPARTEMENT -> verifierCode(code, referentiel.departement(code).isPresent(), "code de département");
            case FRANCE -> code = "FR";
            default -> communes.addAll(communes(nouveau.communes(), convention.codeDepartement()));
        }
        TerritoireDiagnostic territoire = new TerritoireDiagnostic(null, nouveau.cle().strip(), nouveau.type(), nouveau.nom().strip(),
                code, communes);
        long id = repository.insererTerritoire(conventionId, territoire);
        journal.enregistrer("diagnostic", conventionId, conventionId, "territoire de comparaison ajouté",
                List.of(new Changement("Territoire", null, territoire.nom() + " (" + territoire.type().libelle() + ")")));
        return new TerritoireDiagnostic(id, territoire.cle(), territoire.type(), territoire.nom(), territoire.code(), territoire.communes());
    }

    @Transactional
    public SourceDiagnostic ajouterSource(long conventionId, SourceDiagnostic source) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "libelle", source.libelle(), "Le libellé de la source est obligatoire.");
        if (source.type() == null) {
            erreurs.add(new ErreurValidation.Erreur("type", "Le type de source est obligatoire (statistique, enquête, atelier, autre)."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        String cle = texte(source.cle()) != null ? source.cle().strip() : "source-" + UUID.randomUUID().toString().substring(0, 8);
        SourceDiagnostic propre = new SourceDiagnostic(null, cle, source.type(), source.libelle().strip(), source.annee(),
                texte(source.date()), texte(source.emplacement()));
        long id = repository.insererSource(conventionId, propre);
        journal.enregistrer("diagnostic", conventionId, conventionId, "source ajoutée", List.of(new Changement("Source", null, propre.libelle())));
        return new SourceDiagnostic(id, cle, propre.type(), propre.libelle(), propre.annee(), propre.date(), propre.emplacement());
    }

    /** Records values as an import would: all are checked first, and none is written if one is wrong. */
    @Transactional
    public ResultatImport enregistrerValeurs(long conventionId, List<NouvelleValeur> valeurs) {
        List<FichierCsv.Ligne> lignes = new ArrayList<>();
        for (int i = 0; i < valeurs.size(); i++) {
            NouvelleValeur v = valeurs.get(i);
            Map<String, String> champs = new HashMap<>();
            champs.put("indicateur", v.indicateur());
            champs.put("territoire", v.territoire());
            champs.put("periode", v.periode());
            champs.put("source", v.source());
            champs.put("valeur", v.valeur() == null ? "" : v.valeur().estIntervalle() ? v.valeur().texte()
                    : v.valeur().estNombre() ? v.valeur().nombre().toPlainString() : v.valeur().marqueur().code());
            champs.put("note", v.note());
            lignes.add(new FichierCsv.Ligne(i + 1, champs));
        }
        Convention convention = verifierEcriture(conventionId);
        PreparationImport preparation = PreparationImport.de(new FichierCsv(FichierCsv.CONNUES, lignes, lignes.size()), List.of(),
                repository.indicateurs(conventionId), resolveur(convention));
        return ecrire(conventionId, preparation);
    }

    /** Imports a CSV file of values in one transaction; any error refuses the whole file, naming each line. */
    @Transactional
    public ResultatImport importer(long conventionId, byte[] contenu) {
        Convention convention = verifierEcriture(conventionId);
        return ecrire(conventionId, preparer(convention, FichierCsv.texte(contenu)));
    }

    /**
     * Checks an uploaded CSV without importing it: counts, first lines, errors. When it has no error it is kept
     * until confirmed (by the same user) with the token of the answer.
     */
    @Transactional
    public ApercuImport preparerImport(long conventionId, String nomFichier, byte[] contenu) {
        Convention convention = verifierEcriture(conventionId);
        String texte = FichierCsv.texte(contenu);
        PreparationImport preparation = preparer(convention, texte);
        UUID jeton = null;
        if (preparation.nombreErreurs() == 0) {
            jeton = UUID.randomUUID();
            repository.enregistrerImport(jeton, conventionId, UtilisateurConnecte.courant().identifiant(), nomFichier, texte);
        }
        List<PreparationImport.ValeurPreparee> valeurs = preparation.valeurs();
        List<List<String>> premieres = preparation.fichier().lignes().stream().limit(10)
                .map(l -> preparation.fichier().colonnes().stream().map(l::champ).toList()).toList();
        return new ApercuImport(jeton, nomFichier, preparation.nombreDeLignes(), valeurs.size(),
                (int) valeurs.stream().filter(v -> !v.valeur().estNombre()).count(),
                preparation.nouveauxTerritoires().stream().map(preparation::libelle).toList(),
                preparation.fichier().colonnes(), premieres, preparation.erreurs(), preparation.nombreErreurs());
    }

    /** Imports a previewed file; it is checked again, since the diagnostic may have changed meanwhile. */
    @Transactional
    public ResultatImport confirmerImport(long conventionId, UUID jeton) {
        Convention convention = verifierEcriture(conventionId);
        String texte = repository.importEnAttente(jeton, conventionId, UtilisateurConnecte.courant().identifiant())
                .orElseThrow(() -> new Introuvable("Ce dépôt de fichier n'existe plus : déposez le fichier à nouveau."));
        ResultatImport resultat = ecrire(conventionId, preparer(convention, texte));
        repository.supprimerImport(jeton);
        return resultat;
    }

    private PreparationImport preparer(Convention convention, String texte) {
        return PreparationImport.de(texte, repository.indicateurs(convention.id()), resolveur(convention));
    }

    private ResolveurTerritoires resolveur(Convention convention) {
        return new ResolveurTerritoires(referentiel, convention.territoireSiren(), repository.territoires(convention.id()));
    }

    private ResultatImport ecrire(long conventionId, PreparationImport preparation) {
        if (preparation.nombreErreurs() > 0) {
            throw preparation.refus();
        }
        resumes.verrouiller(conventionId);
        Map<String, Long> idsNouveaux = new HashMap<>();
        for (TerritoireDiagnostic t : preparation.nouveauxTerritoires()) {
            idsNouveaux.put(t.cle(), repository.insererTerritoire(conventionId, t));
        }
        List<ValeurBrute> brutes = preparation.valeurs().stream()
                .map(v -> new ValeurBrute(v.indicateur().id(), v.territoire().id() != null ? v.territoire().id() : idsNouveaux.get(v.territoire().cle()),
                        v.periode(), v.source(), v.valeur(), v.note()))
                .toList();
        int ecrites = brutes.isEmpty() ? 0 : repository.copierValeurs(brutes);
        resumes.recalculer(conventionId, brutes.stream().map(ValeurBrute::indicateurId).distinct().toList());
        int marqueurs = (int) brutes.stream().filter(v -> !v.valeur().estNombre()).count();
        journal.enregistrer("diagnostic", conventionId, conventionId, "valeurs d'indicateurs importées",
                List.of(new Changement("Valeurs", null, ecrites + " valeur(s), dont " + marqueurs + " marqueur(s) ; "
                        + idsNouveaux.size() + " territoire(s) ajouté(s)")));
        return new ResultatImport(preparation.nombreDeLignes(), ecrites, marqueurs, idsNouveaux.size());
    }

    // ------------------------------------------------------------------ facility and financing tables

    @Transactional
    public LigneEaje ajouterEaje(long conventionId, LigneEaje ligne) {
        Convention convention = verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "nom", ligne.nom(), "Le nom de l'établissement est obligatoire.");
        if (ligne.places() == null) {
            erreurs.add(new ErreurValidation.Erreur("places", "Le nombre de places est obligatoire."));
        }
        positif(erreurs, "places", "Le nombre de places ne peut pas être négatif", ligne.places() == null ? null : BigDecimal.valueOf(ligne.places()));
        positif(erreurs, "enfantsInscrits", "Le nombre d'enfants inscrits ne peut pas être négatif", ligne.enfantsInscrits() == null ? null : BigDecimal.valueOf(ligne.enfantsInscrits()));
        positif(erreurs, "tauxOccupationFinancier", "Le taux d'occupation financier ne peut pas être négatif", ligne.tauxOccupationFinancier());
        positif(erreurs, "enfantsParPlace", "Le nombre d'enfants par place ne peut pas être négatif", ligne.enfantsParPlace());
        positif(erreurs, "partUsagers", "La participation des usagers ne peut pas être négative", ligne.partUsagers());
        annee(erreurs, ligne.annee());
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        String commune = texte(ligne.commune());
        String codeInsee = texte(ligne.codeInsee());
        if (commune != null && referentiel.resoudreCommune(commune, convention.codeDepartement()) instanceof ResolutionCommune.Trouvee t) {
            commune = t.commune().nom();
            codeInsee = t.commune().codeInsee();
        }
        LigneEaje propre = new LigneEaje(null, ligne.nom().strip(), commune, codeInsee, texte(ligne.type()), texte(ligne.gestionnaire()),
                ligne.places(), ligne.enfantsInscrits(), ligne.tauxOccupationFinancier(), ligne.enfantsParPlace(), ligne.partUsagers(),
                ligne.annee(), texte(ligne.source()), texte(ligne.note()));
        long id = repository.insererEaje(conventionId, propre);
        journal.enregistrer("diagnostic", conventionId, conventionId, "établissement ajouté au tableau des EAJE",
                List.of(new Changement("EAJE", null, propre.nom() + " — " + propre.places() + " places")));
        return new LigneEaje(id, propre.nom(), propre.commune(), propre.codeInsee(), propre.type(), propre.gestionnaire(), propre.places(),
                propre.enfantsInscrits(), propre.tauxOccupationFinancier(), propre.enfantsParPlace(), propre.partUsagers(),
                propre.annee(), propre.source(), propre.note());
    }

    @Transactional
    public LigneAlsh ajouterAlsh(long conventionId, LigneAlsh ligne) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "nom", ligne.nom(), "Le nom de l'accueil de loisirs est obligatoire.");
        if (ligne.categorie() == null) {
            erreurs.add(new ErreurValidation.Erreur("categorie", "La catégorie est obligatoire (PERISCOLAIRE, EXTRASCOLAIRE, EXTRASCOLAIRE_SCOUT, ADOS)."));
        }
        positif(erreurs, "enfantsAccueillis", "Le nombre d'enfants accueillis ne peut pas être négatif", ligne.enfantsAccueillis() == null ? null : BigDecimal.valueOf(ligne.enfantsAccueillis()));
        positif(erreurs, "enfantsAeeh", "Le nombre d'enfants AEEH ne peut pas être négatif", ligne.enfantsAeeh() == null ? null : ligne.enfantsAeeh().nombre());
        positif(erreurs, "heuresRealisees", "Le nombre d'heures réalisées ne peut pas être négatif", ligne.heuresRealisees());
        positif(erreurs, "heuresFacturees", "Le nombre d'heures facturées ne peut pas être négatif", ligne.heuresFacturees());
        positif(erreurs, "actesOuvrantDroit", "Le nombre d'actes ouvrant droit ne peut pas être négatif", ligne.actesOuvrantDroit());
        annee(erreurs, ligne.annee());
        if (ligne.enfantsAeeh() != null && ligne.enfantsAeeh().estNombre() && ligne.enfantsAeeh().nombre().stripTrailingZeros().scale() > 0) {
            erreurs.add(new ErreurValidation.Erreur("enfantsAeeh", "Le nombre d'enfants AEEH est un nombre entier."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        long id = repository.insererAlsh(conventionId, ligne);
        journal.enregistrer("diagnostic", conventionId, conventionId, "accueil ajouté au tableau des ALSH",
                List.of(new Changement("ALSH", null, ligne.nom().strip())));
        return new LigneAlsh(id, ligne.nom(), ligne.categorie(), ligne.enfantsAccueillis(), ligne.enfantsAeeh(), ligne.heuresRealisees(),
                ligne.heuresFacturees(), ligne.actesOuvrantDroit(), ligne.prixRevientHeurePresence(), ligne.prixRevientHeureFacturee(),
                ligne.annee(), ligne.source());
    }

    @Transactional
    public LigneFinancement ajouterFinancement(long conventionId, LigneFinancement ligne) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        exiger(erreurs, "secteur", ligne.secteur(), "Le secteur financé est obligatoire.");
        exiger(erreurs, "categorie", ligne.categorie(), "La catégorie (le sous-total auquel la ligne appartient) est obligatoire.");
        annee(erreurs, ligne.annee());
        if (ligne.montant() == null) {
            erreurs.add(new ErreurValidation.Erreur("montant", "Le montant est obligatoire : un nombre ou un marqueur (" + Marqueur.codesConnus() + ")."));
        } else if (ligne.montant().estNombre()) {
            positif(erreurs, "montant", "Le montant ne peut pas être négatif", ligne.montant().nombre());
        }
        if (ligne.poids() != null && ligne.poids().estNombre()
                && (ligne.poids().nombre().signum() < 0 || ligne.poids().nombre().compareTo(BigDecimal.valueOf(100)) > 0)) {
            erreurs.add(new ErreurValidation.Erreur("poids", "Le poids est un pourcentage, entre 0 et 100 (facultatif)."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        long id = repository.insererFinancement(conventionId, ligne);
        journal.enregistrer("diagnostic", conventionId, conventionId, "ligne de financement ajoutée",
                List.of(new Changement("Financement", null, ligne.secteur() + " " + ligne.annee() + " : " + ligne.montant().texte())));
        return new LigneFinancement(id, ligne.secteur(), ligne.categorie(), ligne.annee(), ligne.montant(), ligne.poids());
    }

    /** Records a total or an evolution as printed (replacing the one of the same table, key and year). */
    @Transactional
    public ChiffreImprime enregistrerChiffreImprime(long conventionId, ChiffreImprime chiffre) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (chiffre.tableau() == null) {
            erreurs.add(new ErreurValidation.Erreur("tableau", "Le tableau est obligatoire (EAJE, ALSH, FINANCEMENT, EVOLUTION)."));
        }
        exiger(erreurs, "cle", chiffre.cle(), "La clé du chiffre imprimé est obligatoire.");
        if (chiffre.valeur() == null) {
            erreurs.add(new ErreurValidation.Erreur("valeur", "La valeur imprimée est obligatoire."));
        }
        if (chiffre.tableau() == TableauImprime.ALSH && chiffre.cle() != null
                && Arrays.stream(CategorieAlsh.values()).noneMatch(c -> c.name().equals(chiffre.cle()))) {
            erreurs.add(new ErreurValidation.Erreur("cle", "Pour le tableau ALSH, la clé est une catégorie : PERISCOLAIRE, EXTRASCOLAIRE, EXTRASCOLAIRE_SCOUT ou ADOS."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        long id = repository.enregistrerChiffre(conventionId, chiffre);
        journal.enregistrer("diagnostic", conventionId, conventionId, "chiffre imprimé enregistré",
                List.of(new Changement(chiffre.tableau() + " " + chiffre.cle() + (chiffre.annee() == null ? "" : " " + chiffre.annee()),
                        null, chiffre.valeur().texte())));
        return new ChiffreImprime(id, chiffre.tableau(), chiffre.cle(), chiffre.annee(), chiffre.valeur(), chiffre.composantes(), chiffre.emplacement());
    }

    // ------------------------------------------------------------------ enjeux, besoins, AFOM

    @Transactional
    public Constat ajouterConstat(long conventionId, NatureConstat nature, String thematique, String texte, String source) {
        verifierEcriture(conventionId);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (nature == null) {
            erreurs.add(new ErreurValidation.Erreur("nature", "Indiquez s'il s'agit d'un enjeu, d'un besoin, d'un atout, d'une faiblesse, d'une opportunité ou d'une menace."));
        }
        exiger(erreurs, "texte", texte, "Le texte est obligatoire.");
        if (nature != null && !nature.estAfom() && texte(thematique) == null) {
            erreurs.add(new ErreurValidation.Erreur("thematique", "Un enjeu ou un besoin se rattache à une thématique."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        Constat constat = new Constat(null, nature, texte(thematique), texte.strip(), texte(source), List.of());
        long id = repository.insererConstat(conventionId, constat);
        journal.enregistrer("diagnostic", conventionId, conventionId, nature.libelle().toLowerCase() + " : ajout",
                List.of(new Changement(nature.libelle(), null, constat.texte())));
        return new Constat(id, nature, constat.thematique(), constat.texte(), constat.source(), List.of());
    }

    /** Links an enjeu to an axis (node) or a fiche of the convention's plan: {@code type} is "axe" or "fiche". */
    @Transactional
    public LienPlan lierEnjeu(long conventionId, long constatId, String type, long cibleId) {
        verifierEcriture(conventionId);
        Constat constat = repository.constat(constatId).filter(c -> repository.conventionDuConstat(constatId) == conventionId)
                .orElseThrow(() -> new Introuvable("Enjeu " + constatId + " introuvable dans le diagnostic de cette convention."));
        if (constat.nature() != NatureConstat.ENJEU) {
            throw new ErreurValidation("constat", "Seul un enjeu se lie au plan d'actions.");
        }
        if (!LienPlan.AXE.equals(type) && !LienPlan.FICHE.equals(type)) {
            throw new ErreurValidation("type", "Le lien porte sur un « axe » ou une « fiche ».");
        }
        LienPlan lien = ciblesDuPlan(conventionId).get(type + ":" + cibleId);
        if (lien == null) {
            throw new ErreurValidation(type, (LienPlan.AXE.equals(type) ? "L'axe " : "La fiche ") + cibleId
                    + " n'appartient pas au plan d'actions de cette convention.");
        }
        repository.lier(constatId, lien);
        journal.enregistrer("diagnostic", conventionId, conventionId, "enjeu lié au plan",
                List.of(new Changement("Enjeu « " + constat.texte() + " »", null, lien.texte())));
        return lien;
    }

    /** Removes one row of a table of the diagnostic (with what depends on it), so that any row written can be undone. */
    @Transactional
    public void supprimer(long conventionId, String tableau, long ligneId) {
        supprimer(conventionId, tableau, ligneId, null);
    }

    /** As {@link #supprimer(long, String, long)}; with the version read (rows edited on pages), 409 if it changed. */
    @Transactional
    public void supprimer(long conventionId, String tableau, long ligneId, Integer version) {
        verifierEcriture(conventionId);
        LigneDiagnostic ligne = LigneDiagnostic.depuisChemin(tableau);
        if (version != null && ligne.versionnee && repository.version(conventionId, ligne, ligneId)
                .filter(lue -> !lue.equals(version)).isPresent()) {
            throw new fr.pilotectg.shared.ConflitDeModification(TableauxDiagnostic.CONFLIT);
        }
        boolean valeurs = ligne == LigneDiagnostic.TERRITOIRES || ligne == LigneDiagnostic.INDICATEURS;
        if (valeurs) {
            resumes.verrouiller(conventionId);
        }
        if (!repository.supprimer(conventionId, ligne, ligneId)) {
            throw new Introuvable("Aucun(e) " + ligne.libelle + " n° " + ligneId + " dans le diagnostic de cette convention.");
        }
        if (valeurs) {
            // Its values go by cascade: the other territories' comparisons and the ratios built on it change.
            resumes.recalculerTout(conventionId);
        }
        journal.enregistrer("diagnostic", conventionId, conventionId, "suppression",
                List.of(new Changement(ligne.libelle, "n° " + ligneId, null)));
    }

    /** Removes the link of an enjeu to an axis or a fiche. */
    @Transactional
    public void delierEnjeu(long conventionId, long constatId, String type, long cibleId) {
        verifierEcriture(conventionId);
        if (!LienPlan.AXE.equals(type) && !LienPlan.FICHE.equals(type)) {
            throw new ErreurValidation("type", "Le lien porte sur un « axe » ou une « fiche ».");
        }
        if (!repository.delier(conventionId, constatId, new LienPlan(type, cibleId, null, null))) {
            throw new Introuvable("L'enjeu " + constatId + " n'est pas lié à cet élément du plan.");
        }
        journal.enregistrer("diagnostic", conventionId, conventionId, "lien d'un enjeu au plan retiré",
                List.of(new Changement("Enjeu n° " + constatId, type + " n° " + cibleId, null)));
    }

    // ------------------------------------------------------------------ assembling the views

    private List<IndicateurAvecValeurs> assembler(long conventionId, List<TerritoireDiagnostic> territoires, List<SourceDiagnostic> sources) {
        List<Indicateur> indicateurs = repository.indicateurs(conventionId);
        Map<Long, TerritoireDiagnostic> parId = territoires.stream().collect(Collectors.toMap(TerritoireDiagnostic::id, t -> t));
        Map<String, String> libellesSources = sources.stream()
                .collect(Collectors.toMap(SourceDiagnostic::cle, SourceDiagnostic::libelle, (a, b) -> a));
        Map<Long, List<ValeurBrute>> parIndicateur = repository.valeurs(conventionId).stream()
                .collect(Collectors.groupingBy(ValeurBrute::indicateurId));
        Map<String, Indicateur> parCode = indicateurs.stream().collect(Collectors.toMap(Indicateur::code, i -> i));
        List<IndicateurAvecValeurs> resultat = new ArrayList<>();
        for (Indicateur indicateur : indicateurs) {
            Map<String, ValeurBrute> numerateurs = indicateur.estRatio() ? parCle(parIndicateur, parCode.get(indicateur.numerateur())) : Map.of();
            Map<String, ValeurBrute> denominateurs = indicateur.estRatio() ? parCle(parIndicateur, parCode.get(indicateur.denominateur())) : Map.of();
            List<ValeurBrute> brutes = parIndicateur.getOrDefault(indicateur.id(), List.of());
            List<ValeurIndicateur> valeurs = brutes.stream().map(v -> valeurIndicateur(indicateur, v, parId, libellesSources,
                    nombre(numerateurs.get(cle(v))), nombre(denominateurs.get(cle(v))),
                    brutes.stream().filter(a -> a != v && a.periode().equals(v.periode()) && a.territoireId() != v.territoireId())
                            .map(ValeurBrute::valeur).toList())).sorted(ORDRE).toList();
            resultat.add(new IndicateurAvecValeurs(indicateur, valeurs));
        }
        return resultat;
    }

    /** The usual order of an indicator's values: by kind of territory, territory, latest period first. */
    private static final Comparator<ValeurIndicateur> ORDRE = Comparator.comparing((ValeurIndicateur v) -> v.territoire().type().ordinal())
            .thenComparing(v -> v.territoire().id()).thenComparing(ValeurIndicateur::periode, Comparator.reverseOrder());

    /**
     * The indicators as the diagnostic page shows them, from two statements whatever the number of values, both reading
     * what the writes stored (ADR 0048, {@link ResumesDuDiagnostic}): each indicator's count, latest period, sources and
     * periods; then only the values shown and those that may be flagged, each with what its checks need (a ratio's
     * terms, the extreme values of the other territories). The values are then built and checked by the same code as
     * {@link #assembler}, so the page shows the same figures and écarts.
     */
    private List<IndicateurAvecValeurs> assemblerReplie(long conventionId, List<TerritoireDiagnostic> territoires,
                                                        List<SourceDiagnostic> sources) {
        List<Indicateur> indicateurs = repository.indicateurs(conventionId);
        Map<Long, TerritoireDiagnostic> parId = territoires.stream().collect(Collectors.toMap(TerritoireDiagnostic::id, t -> t));
        Map<String, String> libellesSources = sources.stream()
                .collect(Collectors.toMap(SourceDiagnostic::cle, SourceDiagnostic::libelle, (a, b) -> a));
        Map<Long, DiagnosticRepository.Resume> resumes = repository.resumes(conventionId);
        if (resumes.containsValue(null)) {
            // Values written before V111 or by SQL outside the application (bench/national-donnees.sql): computed once here.
            this.resumes.calculerAvantLecture(conventionId);
            resumes = repository.resumes(conventionId);
        }
        Map<Long, List<DiagnosticRepository.ValeurLue>> lues = repository.valeursLues(conventionId).stream()
                .collect(Collectors.groupingBy(l -> l.valeur().indicateurId()));
        List<IndicateurAvecValeurs> resultat = new ArrayList<>();
        for (Indicateur indicateur : indicateurs) {
            record Lue(ValeurIndicateur valeur, boolean affichee) {
            }
            List<Lue> valeurs = lues.getOrDefault(indicateur.id(), List.of()).stream()
                    .map(l -> new Lue(valeurIndicateur(indicateur, l.valeur(), parId, libellesSources, l.numerateur(), l.denominateur(),
                            Stream.of(l.autresMin(), l.autresMax()).filter(Objects::nonNull).map(Valeur::de).toList()), l.affichee()))
                    .sorted(Comparator.comparing(Lue::valeur, ORDRE)).toList();
            DiagnosticRepository.Resume resume = resumes.getOrDefault(indicateur.id(), new DiagnosticRepository.Resume(0, "", List.of()));
            resultat.add(IndicateurAvecValeurs.replie(indicateur, valeurs.stream().filter(Lue::affichee).map(Lue::valeur).toList(),
                    new IndicateurAvecValeurs.Repli(resume.nombre(), IndicateurAvecValeurs.sourcesEtPeriodes(resume.sourcesEtPeriodes().stream()
                            .map(sp -> new String[]{libellesSources.getOrDefault(sp[0], sp[0]), sp[1]})),
                            valeurs.stream().map(Lue::valeur).filter(v -> v.ecart() || v.plausibilite() != null).toList())));
        }
        return resultat;
    }

    /** A stored value as shown: its territory and source named, a ratio recomputed, its plausibility checked. */
    private static ValeurIndicateur valeurIndicateur(Indicateur indicateur, ValeurBrute v, Map<Long, TerritoireDiagnostic> territoires,
                                                     Map<String, String> libellesSources, BigDecimal numerateur,
                                                     BigDecimal denominateur, List<Valeur> comparateurs) {
        BigDecimal calcule = indicateur.estRatio() ? ratio(indicateur, numerateur, denominateur) : null;
        boolean ecart = calcule != null && v.valeur().estNombre() && (v.valeur().estIntervalle()
                ? !v.valeur().contient(calcule.setScale(v.valeur().max().scale(), RoundingMode.HALF_UP))
                : calcule.setScale(v.valeur().nombre().scale(), RoundingMode.HALF_UP).compareTo(v.valeur().nombre()) != 0);
        return new ValeurIndicateur(territoires.get(v.territoireId()), v.periode(), v.source(),
                libellesSources.getOrDefault(v.source(), v.source()), v.valeur(), v.note(),
                calcule == null ? null : calcule.setScale(2, RoundingMode.HALF_UP), ecart,
                Plausibilite.verifier(indicateur, v.valeur(), comparateurs));
    }

    /** The number of a ratio's term (the lower bound of a range), null for a marker or no value. */
    private static BigDecimal nombre(ValeurBrute terme) {
        return terme == null || !terme.valeur().estNombre() ? null : terme.valeur().nombre();
    }

    private static Map<String, ValeurBrute> parCle(Map<Long, List<ValeurBrute>> parIndicateur, Indicateur indicateur) {
        if (indicateur == null) {
            return Map.of();
        }
        Map<String, ValeurBrute> parCle = new HashMap<>();
        parIndicateur.getOrDefault(indicateur.id(), List.of()).forEach(v -> parCle.putIfAbsent(cle(v), v));
        return parCle;
    }

    /** Numerator and denominator are taken for the same territory and period, whatever their source. */
    private static String cle(ValeurBrute v) {
        return v.territoireId() + "|" + v.periode();
    }

    private static BigDecimal ratio(Indicateur indicateur, BigDecimal numerateur, BigDecimal denominateur) {
        if (numerateur == null || denominateur == null || denominateur.signum() == 0) {
            return null;
        }
        return numerateur.multiply(indicateur.facteur()).divide(denominateur, 6, RoundingMode.HALF_UP);
    }

    private static List<SectionThematique> sections(List<IndicateurAvecValeurs> indicateurs, List<Constat> constats) {
        Map<String, String> libelles = new LinkedHashMap<>();
        indicateurs.stream().filter(i -> i.nombreDeValeurs() > 0)
                .forEach(i -> libelles.putIfAbsent(i.indicateur().thematiqueCode(), i.indicateur().thematique()));
        constats.stream().filter(c -> !c.nature().estAfom()).forEach(c -> libelles.putIfAbsent(c.thematiqueCode(), c.thematique()));
        List<SectionThematique> sections = new ArrayList<>();
        libelles.forEach((code, libelle) -> {
            List<IndicateurAvecValeurs> dansSection = indicateurs.stream()
                    .filter(i -> i.indicateur().thematiqueCode().equals(code) && i.nombreDeValeurs() > 0).toList();
            List<IndicateurAvecValeurs> figures = dansSection.stream().filter(i -> i.nombreDeValeurs() > 1).toList();
            sections.add(new SectionThematique(code, libelle, figures, figures.stream().map(DiagnosticService::graphique).toList(),
                    dansSection.stream().filter(i -> i.nombreDeValeurs() == 1).toList(),
                    constats.stream().filter(c -> c.nature() == NatureConstat.ENJEU && c.thematiqueCode().equals(code)).toList(),
                    constats.stream().filter(c -> c.nature() == NatureConstat.BESOIN && c.thematiqueCode().equals(code)).toList()));
        });
        return sections;
    }

    private static Graphique graphique(IndicateurAvecValeurs i) {
        return Graphique.barres(i.indicateur().libelle() + " — comparaison des territoires", i.affichees().stream()
                .map(v -> new Graphique.Entree(v.territoire().nom() + (v.periode().isBlank() ? "" : " (" + v.periode() + ")"),
                        v.valeur(), i.indicateur().unite()))
                .toList());
    }

    private static Graphique graphiqueEaje(TableauEaje eaje) {
        return Graphique.barres("Places par établissement d'accueil du jeune enfant", eaje.lignes().stream()
                .filter(l -> l.places() != null).map(l -> new Graphique.Entree(l.nom(), Valeur.de(l.places()), "places")).toList());
    }

    /** Gives each link to the plan its reference and title; links to what the plan no longer has are dropped. */
    private List<Constat> nommerLiens(long conventionId, List<Constat> constats) {
        if (constats.stream().allMatch(c -> c.liens().isEmpty())) {
            return constats;
        }
        Map<String, LienPlan> cibles = ciblesDuPlan(conventionId);
        return constats.stream().map(c -> new Constat(c.id(), c.nature(), c.thematique(), c.texte(), c.source(),
                c.liens().stream().map(l -> cibles.get(l.type() + ":" + l.id())).filter(Objects::nonNull).toList())).toList();
    }

    private Map<String, LienPlan> ciblesDuPlan(long conventionId) {
        Optional<ArbrePlan> plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN).map(VuePlan::arbre);
        if (plan.isEmpty()) {
            return Map.of();
        }
        ArbrePlan arbre = plan.get();
        Map<String, LienPlan> cibles = new HashMap<>();
        arbre.branches().forEach(b -> cibles.put(LienPlan.AXE + ":" + b.noeud().id(),
                new LienPlan(LienPlan.AXE, b.noeud().id(), b.noeud().reference(), b.noeud().titre())));
        arbre.fichesDansLOrdre().forEach(f -> cibles.put(LienPlan.FICHE + ":" + f.id(),
                new LienPlan(LienPlan.FICHE, f.id(), f.reference(), f.titre())));
        return cibles;
    }

    // ------------------------------------------------------------------ checks

    private Convention verifierEcriture(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter le diagnostic de cette convention mais pas le modifier.");
        }
        return convention;
    }

    private List<String> communes(List<String> noms, String departement) {
        List<String> codes = new ArrayList<>();
        for (String nom : noms == null ? List.<String>of() : noms) {
            ResolutionCommune resolution = referentiel.resoudreCommune(nom, departement);
            if (resolution instanceof ResolutionCommune.Trouvee t) {
                codes.add(t.commune().codeInsee());
            } else if (resolution instanceof ResolutionCommune.Ambigue a) {
                throw new ErreurValidation("communes", "« " + nom + " » désigne plusieurs communes : " + a.candidats().stream()
                        .map(c -> c.nom() + " (" + c.codeInsee() + ")").collect(Collectors.joining(", ")) + ". Écrivez le code INSEE.");
            } else {
                throw new ErreurValidation("communes", "Commune inconnue du référentiel : « " + nom + " ».");
            }
        }
        return codes;
    }

    private static void verifierCode(String code, boolean connu, String quoi) {
        if (code == null || !connu) {
            throw new ErreurValidation("code", code == null ? "Le " + quoi + " est obligatoire pour ce type de territoire."
                    : "« " + code + " » n'est pas un " + quoi + " du référentiel.");
        }
    }

    private static void exiger(List<ErreurValidation.Erreur> erreurs, String champ, String valeur, String message) {
        if (valeur == null || valeur.isBlank()) {
            erreurs.add(new ErreurValidation.Erreur(champ, message));
        }
    }

    private static void positif(List<ErreurValidation.Erreur> erreurs, String champ, String libelle, BigDecimal valeur) {
        if (valeur != null && valeur.signum() < 0) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " (" + Valeur.formater(valeur) + ")."));
        } else if (valeur != null && valeur.compareTo(BigDecimal.valueOf(Limites.NOMBRE_MAX)) > 0) {
            erreurs.add(new ErreurValidation.Erreur(champ, "Valeur trop grande (au plus " + FormatFr.nombre(Limites.NOMBRE_MAX) + ")."));
        }
    }

    private static void annee(List<ErreurValidation.Erreur> erreurs, Integer annee) {
        if (annee != null && (annee < Limites.ANNEE_MIN - 20 || annee > Limites.ANNEE_MAX)) {
            erreurs.add(new ErreurValidation.Erreur("annee", "Année invalide (" + annee + ") : entre " + (Limites.ANNEE_MIN - 20)
                    + " et " + Limites.ANNEE_MAX + "."));
        }
    }

    private static String texte(String texte) {
        return texte == null || texte.isBlank() ? null : texte.strip();
    }
}
