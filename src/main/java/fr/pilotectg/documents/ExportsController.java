package fr.pilotectg.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

import fr.pilotectg.convention.ConventionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spreadsheet exports (XLSX and CSV) of the tables people exchange. Same rights as the pages: the convention is read
 * (403 for a user who may not read it) before the format is checked and before anything is generated; the whole table
 * is assembled before the first byte is sent, so that an error is a clean JSON answer.
 */
@RestController
@Tag(name = "Exports tableur")
class ExportsController {

    private static final String CONVENTION = "/api/v1/conventions/{id}/exports/";

    private final ConventionService conventions;
    private final TableurPlan plan;
    private final TableurSuivi suivi;
    private final TableurEvaluation evaluation;
    private final TableurIndicateurs indicateurs;
    private final TableurServices services;
    private final TableurAo ao;
    private final TableurPortefeuille portefeuille;
    private final TableurNational national;

    ExportsController(ConventionService conventions, TableurPlan plan, TableurSuivi suivi, TableurEvaluation evaluation,
                      TableurIndicateurs indicateurs, TableurServices services, TableurAo ao, TableurPortefeuille portefeuille,
                      TableurNational national) {
        this.conventions = conventions;
        this.plan = plan;
        this.suivi = suivi;
        this.evaluation = evaluation;
        this.indicateurs = indicateurs;
        this.services = services;
        this.ao = ao;
        this.portefeuille = portefeuille;
        this.national = national;
    }

    @Operation(summary = "Plan d'actions : une ligne par fiche, une colonne par champ du modèle (xlsx ou csv)")
    @GetMapping(CONVENTION + "plan.{format}")
    void plan(@PathVariable long id, @PathVariable String format, HttpServletResponse reponse) throws IOException {
        exporter(id, format, () -> plan.classeur(id), reponse);
    }

    @Operation(summary = "Tableau de suivi : dernière mise à jour par fiche, et l'historique complet (feuille 2 du xlsx)")
    @GetMapping(CONVENTION + "suivi.{format}")
    void suivi(@PathVariable long id, @PathVariable String format, HttpServletResponse reponse) throws IOException {
        exporter(id, format, () -> suivi.classeur(id), reponse);
    }

    @Operation(summary = "Grille d'évaluation annuelle d'une année de la période (400 hors période)")
    @GetMapping(CONVENTION + "evaluation-{annee}.{format}")
    void evaluation(@PathVariable long id, @PathVariable int annee, @PathVariable String format, HttpServletResponse reponse)
            throws IOException {
        exporter(id, format, () -> evaluation.classeur(id, annee), reponse);
    }

    @Operation(summary = "Indicateurs des fiches et valeurs annuelles (les marqueurs « <5 », NS, ND restent du texte)")
    @GetMapping(CONVENTION + "indicateurs.{format}")
    void indicateurs(@PathVariable long id, @PathVariable String format, HttpServletResponse reponse) throws IOException {
        exporter(id, format, () -> indicateurs.classeur(id), reponse);
    }

    @Operation(summary = "Annexe des services soutenus")
    @GetMapping(CONVENTION + "services.{format}")
    void services(@PathVariable long id, @PathVariable String format, HttpServletResponse reponse) throws IOException {
        exporter(id, format, () -> services.classeur(id), reponse);
    }

    @Operation(summary = "Autorités organisatrices : matrice des compétences et projection (feuille 2 du xlsx)")
    @GetMapping(CONVENTION + "ao.{format}")
    void ao(@PathVariable long id, @PathVariable String format, HttpServletResponse reponse) throws IOException {
        exporter(id, format, () -> ao.classeur(id), reponse);
    }

    @Operation(summary = "Portefeuille de l'utilisateur (agent de Caf : les conventions de sa Caf ; administrateur : toutes)")
    @GetMapping("/api/v1/portefeuille.{format}")
    void portefeuille(@PathVariable String format, HttpServletResponse reponse) throws IOException {
        envoyer(ExportFormat.lire(format), portefeuille.classeur(), reponse);
    }

    @Operation(summary = "Vue nationale (administrateurs) : par département, par Caf et par statut")
    @GetMapping("/api/v1/national.{format}")
    void national(@PathVariable String format, HttpServletResponse reponse) throws IOException {
        TableurClasseur classeur = national.classeur();
        envoyer(ExportFormat.lire(format), classeur, reponse);
    }

    private void exporter(long id, String format, Supplier<TableurClasseur> classeur, HttpServletResponse reponse)
            throws IOException {
        conventions.convention(id);
        ExportFormat lu = ExportFormat.lire(format);
        envoyer(lu, classeur.get(), reponse);
    }

    private static void envoyer(ExportFormat format, TableurClasseur classeur, HttpServletResponse reponse) throws IOException {
        reponse.setContentType(format.typeDeContenu());
        String fichier = Telechargement.nomDeFichier(classeur.nomFichier()) + "." + format.extension();
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, Telechargement.contentDisposition(fichier));
        reponse.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream sortie = reponse.getOutputStream();
        if (format == ExportFormat.XLSX) {
            TableurXlsx.ecrire(classeur, sortie);
        } else {
            TableurCsv.ecrire(classeur, sortie);
        }
        sortie.flush();
    }
}
