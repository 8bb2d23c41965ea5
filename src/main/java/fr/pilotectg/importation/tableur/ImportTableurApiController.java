package fr.pilotectg.importation.tableur;

import java.io.IOException;
import java.io.UncheckedIOException;

import fr.pilotectg.shared.ErreurValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The plan and follow-up tables sent back (multipart field {@code fichier}, XLSX or CSV): preview, then confirmation. */
@RestController
@Tag(name = "Import de tableur")
class ImportTableurApiController {

    private static final String DESCRIPTION = "Le fichier est le tableau exporté par Pilote CTG (xlsx ou csv), rempli ; les colonnes "
            + "sont reconnues par leur titre, dans n'importe quel ordre. Sans confirmer=true : aperçu ligne par ligne (rien "
            + "n'est écrit). Avec confirmer=true : tout est appliqué ou rien (400 si une erreur, 403 si un droit manque). "
            + "Une ligne dont la fiche a changé depuis l'export (colonne Version) est refusée.";

    private final ImportsTableur imports;

    ImportTableurApiController(ImportsTableur imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/conventions/{id}/imports/plan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importer le tableau du plan d'actions (fiches modifiées ou créées)", description = DESCRIPTION)
    ApercuTableur plan(@PathVariable long id, @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                       @RequestParam(required = false) String confirmer) {
        return importer(id, ImportsTableur.Tableau.PLAN, fichier, confirmer);
    }

    @PostMapping(path = "/api/v1/conventions/{id}/imports/suivi", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importer le tableau de suivi (mises à jour ajoutées)", description = DESCRIPTION)
    ApercuTableur suivi(@PathVariable long id, @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                        @RequestParam(required = false) String confirmer) {
        return importer(id, ImportsTableur.Tableau.SUIVI, fichier, confirmer);
    }

    private ApercuTableur importer(long id, ImportsTableur.Tableau tableau, MultipartFile fichier, String confirmer) {
        boolean confirme = confirmation(confirmer);
        byte[] contenu = contenu(fichier);
        return confirme ? imports.confirmer(id, tableau, contenu, fichier.getOriginalFilename()) : imports.apercu(id, tableau, contenu);
    }

    static boolean confirmation(String saisie) {
        if (saisie == null || saisie.isBlank() || saisie.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (saisie.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new ErreurValidation("confirmer", "confirmer vaut true (appliquer) ou false (aperçu).");
    }

    static byte[] contenu(MultipartFile fichier) {
        if (fichier == null || fichier.isEmpty()) {
            throw new ErreurValidation("fichier", "Joignez le tableau (champ fichier) : le fichier XLSX ou CSV exporté puis rempli.");
        }
        try {
            return fichier.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
