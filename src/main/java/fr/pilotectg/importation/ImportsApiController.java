package fr.pilotectg.importation;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of document imports (ADR 0031): upload, draft, correction, deletion, confirmation, bulk imports. */
@RestController
@Tag(name = "Imports")
class ImportsApiController {

    private final ImportsService imports;
    private final LotsDImport lots;

    ImportsApiController(ImportsService imports, LotsDImport lots) {
        this.imports = imports;
        this.lots = lots;
    }

    /** The draft as the review reads it: the three parts, their alerts first, and how many lines were extracted. */
    record BrouillonJson(long id, String nomFichier, String format, String statut, int version, Long conventionId,
                         OffsetDateTime creeLe, OffsetDateTime expireLe, List<Alerte> alertes, int lignes,
                         ConventionTrouvee convention, PlanTrouve plan, AnnexesTrouvees annexes) {

        static BrouillonJson de(ImportsService.Fiche f) {
            return new BrouillonJson(f.id(), f.nomFichier(), f.format(), f.statut(), f.version(), f.conventionId(), f.creeLe(),
                    f.expireLe(), f.brouillon().alertes(), f.lignes().size(), f.brouillon().convention(), f.brouillon().plan(),
                    f.brouillon().annexes());
        }
    }

    /** A corrected draft: the three parts as {@code GET} returned them, and the version read. */
    record BrouillonCorrige(Integer version, ConventionTrouvee convention, PlanTrouve plan, AnnexesTrouvees annexes) {
    }

    record ConfirmationJson(long brouillonId, long conventionId, String convention) {
    }

    record LotJson(long id, String nomFichier, OffsetDateTime creeLe, int documents, long traites, boolean termine,
                   List<LotsDImport.Tache> taches) {

        static LotJson de(LotsDImport.Lot l) {
            return new LotJson(l.id(), l.nomFichier(), l.creeLe(), l.taches().size(), l.faites(), l.termine(), l.taches());
        }
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe un document de convention (DOCX, ODT, PDF avec texte, texte ou Markdown, champ « fichier ») : "
            + "extraction et analyse, rien n'est créé avant la confirmation ; répond le brouillon à revoir")
    ResponseEntity<BrouillonJson> importer(@RequestParam(name = "fichier", required = false) MultipartFile fichier) {
        long id = imports.importer(nom(fichier), octets(fichier));
        return ResponseEntity.status(HttpStatus.CREATED).body(BrouillonJson.de(imports.brouillon(id)));
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "Mes brouillons d'import, les plus récents d'abord (page de 20)")
    ImportsService.Page mesBrouillons(@RequestParam(defaultValue = "0") int page) {
        ImportsService.verifierDroitDImporter();
        return imports.mesBrouillons(page, 20);
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "Un brouillon d'import de l'utilisateur : les trois parties trouvées, chaque élément avec sa source "
            + "(lignes) et sa confiance, les alertes, le nombre de lignes extraites")
    BrouillonJson brouillon(@PathVariable long id) {
        return BrouillonJson.de(imports.brouillon(id));
    }

    @GetMapping("/api/v1/imports/{id}/lignes")
    @Operation(summary = "Les lignes extraites d'un brouillon (numéro, texte, genre, niveau), auxquelles renvoient les sources")
    List<LigneExtraiteJson> lignes(@PathVariable long id) {
        return imports.brouillon(id).lignes().stream()
                .map(l -> new LigneExtraiteJson(l.numero(), l.texte(), l.genre(), l.niveau())).toList();
    }

    /** One extracted line, as sources point to it. */
    record LigneExtraiteJson(int numero, String texte, Ligne.NatureDeLigne genre, int niveau) {
    }

    @PutMapping("/api/v1/imports/{id}")
    @Operation(summary = "Remplace le brouillon par sa version corrigée (avec la version lue : 409 si quelqu'un l'a enregistré entre-temps)")
    BrouillonJson corriger(@PathVariable long id, @RequestBody BrouillonCorrige corrige) {
        if (corrige == null) {
            throw new ErreurValidation("brouillon", "Le brouillon corrigé est attendu.");
        }
        for (var partie : List.of(new Object[]{"convention", corrige.convention()}, new Object[]{"plan", corrige.plan()},
                new Object[]{"annexes", corrige.annexes()})) {
            if (partie[1] == null) {
                throw new ErreurValidation((String) partie[0], "La partie « " + partie[0] + " » est obligatoire (au moins {\"alertes\": []}).");
            }
        }
        return BrouillonJson.de(imports.modifier(id, corrige.version(),
                new Brouillon(corrige.convention(), corrige.plan(), corrige.annexes())));
    }

    @DeleteMapping("/api/v1/imports/{id}")
    @Operation(summary = "Supprime un brouillon d'import")
    ResponseEntity<Void> supprimer(@PathVariable long id) {
        imports.supprimer(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/imports/{id}/confirmation")
    @Operation(summary = "Confirme l'import : crée la convention, son plan et ses annexes en une transaction (tout ou rien), "
            + "journalisé « import du document X »")
    ResponseEntity<ConfirmationJson> confirmer(@PathVariable long id, @RequestParam(required = false) Integer version) {
        long convention = imports.confirmer(id, version);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ConfirmationJson(id, convention, "/api/v1/conventions/" + convention));
    }

    @PostMapping(path = "/api/v1/imports/lots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import par lot : une archive ZIP de documents (champ « fichier »), traités en arrière-plan, "
            + "un brouillon par document")
    ResponseEntity<LotJson> deposerLot(@RequestParam(name = "fichier", required = false) MultipartFile fichier) {
        long id = lots.deposer(nom(fichier), octets(fichier));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(LotJson.de(lots.lot(id)));
    }

    @GetMapping("/api/v1/imports/lots/{id}")
    @Operation(summary = "Avancement d'un import par lot : chaque document, son état, son brouillon ou son refus")
    LotJson lot(@PathVariable long id) {
        return LotJson.de(lots.lot(id));
    }

    static String nom(MultipartFile fichier) {
        return fichier == null ? null : fichier.getOriginalFilename();
    }

    static byte[] octets(MultipartFile fichier) {
        ImportsService.verifierDroitDImporter();
        if (fichier == null || fichier.isEmpty()) {
            throw new ErreurValidation(ImportRefuse.CHAMP, "Choisissez un fichier à importer (champ « fichier »).");
        }
        try {
            return fichier.getBytes();
        } catch (IOException e) {
            throw new ErreurValidation(ImportRefuse.CHAMP, "Le fichier n'a pas pu être reçu : recommencez l'envoi.");
        }
    }
}
