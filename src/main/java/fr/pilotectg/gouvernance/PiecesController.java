package fr.pilotectg.gouvernance;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The attachments page of a convention: list, upload form, delete with confirmation. Downloads go to the API route. */
@Controller
class PiecesController {

    private final PiecesService pieces;
    private final ConventionService conventions;
    private final GouvernanceService gouvernance;

    PiecesController(PiecesService pieces, ConventionService conventions, GouvernanceService gouvernance) {
        this.pieces = pieces;
        this.conventions = conventions;
        this.gouvernance = gouvernance;
    }

    @GetMapping("/conventions/{id}/pieces")
    String page(@PathVariable long id, Model model) {
        return page(id, model, Map.of(), Map.of());
    }

    @PostMapping("/conventions/{id}/pieces")
    String ajouter(@PathVariable long id, @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                   @RequestParam(required = false) String categorie, @RequestParam(required = false) String libelle,
                   @RequestParam(required = false) String dateDocument, @RequestParam(required = false) String reunionId,
                   @RequestParam(required = false) String deliberationOrganisationId, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        MultipartFile envoye = fichier == null || fichier.isEmpty() && (fichier.getOriginalFilename() == null
                || fichier.getOriginalFilename().isBlank()) ? null : fichier;
        try {
            Piece piece = pieces.ajouter(id, PiecesApiController.saisie(envoye, categorie, libelle, dateDocument, reunionId,
                    deliberationOrganisationId));
            redirect.addFlashAttribute("messageSucces", "Pièce « " + piece.nomFichier() + " » jointe (SHA-256 " + piece.sha256() + ").");
            return "redirect:/conventions/" + id + "/pieces";
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(x -> erreurs.merge(x.champ(), x.message(), (a, b) -> a + " " + b));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> saisie = new LinkedHashMap<>();
            saisie.put("categorie", categorie == null ? "" : categorie);
            saisie.put("libelle", libelle == null ? "" : libelle);
            saisie.put("dateDocument", dateDocument == null ? "" : dateDocument);
            saisie.put("reunionId", reunionId == null ? "" : reunionId);
            saisie.put("deliberationOrganisationId", deliberationOrganisationId == null ? "" : deliberationOrganisationId);
            return page(id, model, erreurs, saisie);
        }
    }

    @PostMapping("/conventions/{id}/pieces/{pieceId}/suppression")
    String supprimer(@PathVariable long id, @PathVariable long pieceId, RedirectAttributes redirect) {
        Piece piece = pieces.piece(pieceId);
        if (piece.conventionId() != id) {
            throw new fr.pilotectg.shared.Introuvable("Pièce " + pieceId + " introuvable dans cette convention.");
        }
        pieces.supprimer(pieceId);
        redirect.addFlashAttribute("messageSucces", "Pièce « " + piece.nomFichier() + " » supprimée.");
        return "redirect:/conventions/" + id + "/pieces";
    }

    private String page(long id, Model model, Map<String, String> erreurs, Map<String, String> saisie) {
        VueConvention vue = conventions.vue(id);
        model.addAttribute("vue", vue);
        model.addAttribute("pieces", pieces.pieces(id));
        model.addAttribute("modifiable", vue.modifiable());
        model.addAttribute("reunions", gouvernance.gouvernance(id).reunions());
        model.addAttribute("categories", CategoriePiece.values());
        model.addAttribute("tailleMax", pieces.tailleMaxAffichee());
        model.addAttribute("erreurs", erreurs.isEmpty() ? null : erreurs);
        model.addAttribute("saisie", saisie);
        Map<Long, String> organisations = new LinkedHashMap<>();
        vue.deliberations().forEach(d -> organisations.put(d.deliberation().organisationId(), d.organisation() == null
                ? "Organisation n° " + d.deliberation().organisationId() : d.organisation().nom()));
        model.addAttribute("deliberations", organisations);
        return "gouvernance/pieces";
    }
}
