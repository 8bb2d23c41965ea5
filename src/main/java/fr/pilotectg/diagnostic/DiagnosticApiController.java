package fr.pilotectg.diagnostic;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the shared diagnostic; same rights and error format as the pages. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/diagnostic")
@Tag(name = "Diagnostic partagé")
class DiagnosticApiController {

    private final DiagnosticService diagnostic;
    private final TableauxDiagnostic tableaux;

    DiagnosticApiController(DiagnosticService diagnostic, TableauxDiagnostic tableaux) {
        this.diagnostic = diagnostic;
        this.tableaux = tableaux;
    }

    record ThematiqueJson(String code, String libelle, List<Constat> enjeux, List<Constat> besoins) {
    }

    record DiagnosticJson(long conventionId, String titreConvention, List<TerritoireDiagnostic> territoires,
                          List<IndicateurAvecValeurs> indicateurs, List<ThematiqueJson> thematiques, TableauEaje eaje,
                          TableauAlsh alsh, TableauFinancements financements, List<Constat> afom, List<SourceDiagnostic> sources,
                          List<String> ecarts) {
    }

    @GetMapping
    @Operation(summary = "Le diagnostic : indicateurs et valeurs par territoire (nombre ou marqueur), comparateurs, "
            + "tableaux EAJE, ALSH et financements avec totaux recalculés et imprimés, AFOM, enjeux, sources, écarts signalés")
    DiagnosticJson diagnostic(@PathVariable long id, @RequestParam(required = false) String thematique) {
        Diagnostic d = diagnostic.diagnostic(id);
        List<IndicateurAvecValeurs> indicateurs = thematique == null || thematique.isBlank()
                ? d.indicateurs() : DiagnosticService.dansThematique(d.indicateurs(), thematique);
        return new DiagnosticJson(id, d.titreConvention(), d.territoires(), indicateurs,
                d.sections().stream().map(s -> new ThematiqueJson(s.code(), s.libelle(), s.enjeux(), s.besoins())).toList(),
                d.eaje(), d.alsh(), d.financements(), d.afom(), d.sources(), d.ecarts());
    }

    @PostMapping("/indicateurs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Définir un indicateur (ou redéfinir celui qui a ce code) ; un ratio nomme son numérateur et son dénominateur")
    Indicateur definirIndicateur(@PathVariable long id, @RequestBody Indicateur indicateur) {
        return diagnostic.definirIndicateur(id, indicateur);
    }

    @PostMapping("/territoires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un territoire de comparaison : du référentiel, ou défini par ses communes (QPV, bassin de vie…)")
    TerritoireDiagnostic definirTerritoire(@PathVariable long id, @RequestBody NouveauTerritoire territoire) {
        return diagnostic.definirTerritoire(id, territoire);
    }

    @PostMapping(path = "/valeurs", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Importer un fichier CSV de valeurs (séparateur « ; », UTF-8) : tout ou rien, 400 avec les erreurs par ligne")
    ResultatImport importer(@PathVariable long id, @RequestBody byte[] csv) {
        return diagnostic.importer(id, csv);
    }

    @PostMapping("/eaje")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un établissement au tableau des EAJE")
    LigneEaje ajouterEaje(@PathVariable long id, @RequestBody LigneEaje ligne) {
        return diagnostic.ajouterEaje(id, ligne);
    }

    @PostMapping("/alsh")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un accueil de loisirs au tableau des ALSH (cellules masquées : \"<5\", \"-\", \"null\")")
    LigneAlsh ajouterAlsh(@PathVariable long id, @RequestBody LigneAlsh ligne) {
        return diagnostic.ajouterAlsh(id, ligne);
    }

    @PostMapping("/financements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une ligne de financement Caf (secteur, catégorie, année, montant ou marqueur)")
    LigneFinancement ajouterFinancement(@PathVariable long id, @RequestBody LigneFinancement ligne) {
        return diagnostic.ajouterFinancement(id, ligne);
    }

    record ConstatJson(NatureConstat nature, String thematique, String texte, String source) {
    }

    record LienJson(String type, long id) {
    }

    @PostMapping("/constats")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un enjeu ou un besoin (par thématique), ou un élément de l'AFOM")
    Constat ajouterConstat(@PathVariable long id, @RequestBody ConstatJson constat) {
        return diagnostic.ajouterConstat(id, constat.nature(), constat.thematique(), constat.texte(), constat.source());
    }

    @PostMapping("/constats/{constat}/liens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Lier un enjeu à un axe (type « axe ») ou à une fiche (type « fiche ») du plan d'actions")
    LienPlan lier(@PathVariable long id, @PathVariable long constat, @RequestBody LienJson lien) {
        return diagnostic.lierEnjeu(id, constat, lien.type(), lien.id());
    }

    @DeleteMapping("/constats/{constat}/liens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer le lien d'un enjeu à un axe (type=axe) ou à une fiche (type=fiche)")
    void delier(@PathVariable long id, @PathVariable long constat, @RequestParam String type, @RequestParam("cible") long cibleId) {
        diagnostic.delierEnjeu(id, constat, type, cibleId);
    }

    @DeleteMapping("/{tableau}/{ligne}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer une ligne : tableau = territoires, indicateurs, eaje, alsh, financements, "
            + "chiffres-imprimes ou constats (les valeurs et liens qui en dépendent partent avec elle) ; "
            + "version lue facultative (indicateurs, eaje, alsh, financements, constats) : 409 si elle a changé")
    void supprimer(@PathVariable long id, @PathVariable String tableau, @PathVariable long ligne,
                   @RequestParam(required = false) Integer version) {
        diagnostic.supprimer(id, tableau, ligne, version);
    }

    record LigneDiagnosticModifiee(Integer version, Map<String, String> valeurs) {
    }

    @GetMapping("/tableaux/{tableau}")
    @Operation(summary = "Les lignes d'un tableau modifiable (eaje, alsh, financements, afom, enjeux, sources, indicateurs) : id, version "
            + "et valeurs des champs telles que les pages les montrent (rédacteurs de la convention)")
    List<LigneEditee> lignes(@PathVariable long id, @PathVariable String tableau) {
        return tableaux.page(id, TableauDiagnostic.depuisChemin(tableau)).lignes();
    }

    @PutMapping("/tableaux/{tableau}/{ligne}")
    @Operation(summary = "Modifier une ligne d'un tableau (mêmes champs que sa page, tous envoyés) avec la version lue ; "
            + "409 si la ligne a changé depuis, 400 en nommant le champ refusé")
    LigneEditee modifierLigne(@PathVariable long id, @PathVariable String tableau, @PathVariable long ligne,
                              @RequestBody LigneDiagnosticModifiee corps) {
        return tableaux.modifier(id, TableauDiagnostic.depuisChemin(tableau), ligne,
                corps.valeurs() == null ? Map.of() : corps.valeurs(), corps.version());
    }

    @PostMapping("/chiffres-imprimes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer un total ou une évolution tel qu'imprimé, comparé ensuite à la somme des lignes")
    ChiffreImprime enregistrerChiffre(@PathVariable long id, @RequestBody ChiffreImprime chiffre) {
        return diagnostic.enregistrerChiffreImprime(id, chiffre);
    }
}
