package fr.pilotectg.gouvernance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of a convention's attachments: list, upload (multipart), download, delete. */
@RestController
@Tag(name = "Gouvernance")
class PiecesApiController {

    private final PiecesService pieces;

    PiecesApiController(PiecesService pieces) {
        this.pieces = pieces;
    }

    record PieceJson(long id, long conventionId, String nomFichier, String libelle, String typeMedia, String format, long taille,
                     String sha256, CategoriePiece categorie, LocalDate dateDocument, Long reunionId, Long deliberationOrganisationId,
                     String auteur, OffsetDateTime creeLe, String telechargement) {

        static PieceJson de(Piece p) {
            return new PieceJson(p.id(), p.conventionId(), p.nomFichier(), p.libelle(), p.typeMedia(), p.format(), p.taille(),
                    p.sha256(), p.categorie(), p.dateDocument(), p.reunionId(), p.deliberationOrganisationId(), p.auteur(),
                    p.creeLe(), "/api/v1/pieces/" + p.id());
        }
    }

    @GetMapping("/api/v1/conventions/{id}/pieces")
    @Operation(summary = "Les pièces jointes d'une convention (convention signée, délibérations, comptes rendus, autres), "
            + "les plus récentes d'abord, avec leur empreinte SHA-256")
    List<PieceJson> lister(@PathVariable long id) {
        return pieces.pieces(id).stream().map(PieceJson::de).toList();
    }

    @PostMapping(path = "/api/v1/conventions/{id}/pieces", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Joindre un fichier (champ fichier ; categorie : CONVENTION_SIGNEE, DELIBERATION, COMPTE_RENDU ou AUTRE ; "
            + "libelle, dateDocument, reunionId, deliberationOrganisationId facultatifs). Type reconnu d'après le contenu : "
            + "PDF, DOCX, ODT, XLSX, ODS, PNG ou JPEG, cohérent avec l'extension du nom ; taille limitée (pilote.pieces.taille-max)")
    PieceJson ajouter(@PathVariable long id, @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                      @RequestParam(required = false) String categorie, @RequestParam(required = false) String libelle,
                      @RequestParam(required = false) String dateDocument, @RequestParam(required = false) String reunionId,
                      @RequestParam(required = false) String deliberationOrganisationId) {
        return PieceJson.de(pieces.ajouter(id, saisie(fichier, categorie, libelle, dateDocument, reunionId, deliberationOrganisationId)));
    }

    @GetMapping("/api/v1/pieces/{id}")
    @Operation(summary = "Télécharger une pièce jointe sous son nom d'origine (lecteurs de la convention)")
    ResponseEntity<byte[]> telecharger(@PathVariable long id) {
        return telechargement(pieces.fichier(id));
    }

    @DeleteMapping("/api/v1/pieces/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer une pièce jointe (gestionnaires de la convention)")
    void supprimer(@PathVariable long id) {
        pieces.supprimer(id);
    }

    static SaisiePiece saisie(MultipartFile fichier, String categorie, String libelle, String dateDocument, String reunionId,
                              String deliberationOrganisationId) {
        byte[] contenu = null;
        String nom = null;
        if (fichier != null) {
            try {
                contenu = fichier.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nom = fichier.getOriginalFilename();
        }
        return new SaisiePiece(nom, contenu, categorie, libelle, dateDocument, reunionId, deliberationOrganisationId);
    }

    /** The bytes with their detected type, the original name (RFC 6266 with a UTF-8 name), never cached, never sniffed. */
    static ResponseEntity<byte[]> telechargement(PiecesService.Fichier f) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.piece().typeMedia()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.piece().nomFichier(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(f.contenu());
    }
}
