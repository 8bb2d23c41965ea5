package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.shared.Personnes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Update campaigns through the API (issue 15 item 9): same rights, checks and journal as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Campagnes de mise à jour")
class CampagnesApiController {

    private final CampagneService campagnes;
    private final Personnes personnes;

    CampagnesApiController(CampagneService campagnes, Personnes personnes) {
        this.campagnes = campagnes;
        this.personnes = personnes;
    }

    /** A campaign; {@code ouvertePar} is the opener's name and organisation, never a login. */
    record CampagneJson(long id, long conventionId, String libelle, int annee, int trimestre, LocalDate dateLimite,
                        OffsetDateTime ouverteLe, String ouvertePar, OffsetDateTime clotureeLe, boolean ouverte, int version) {
    }

    record ReponseJson(long ficheId, String reference, String titre, List<String> porteurs, LocalDate datePoint, String statut,
                       Integer avancement, String auteur) {
    }

    record RelanceJson(String organisation, OffsetDateTime envoyeeLe, String envoyeePar, String etatCourriel, OffsetDateTime lueLe) {
    }

    record VueCampagneJson(CampagneJson campagne, String conventionTitre, List<ReponseJson> fiches, List<RelanceJson> relances) {
    }

    private CampagneJson json(Campagne c) {
        return new CampagneJson(c.id(), c.conventionId(), c.libelle(), c.annee(), c.trimestre(), c.dateLimite(), c.ouverteLe(),
                personnes.nom(c.ouvertePar()), c.clotureeLe(), c.ouverte(), c.version());
    }

    @GetMapping("/conventions/{id}/campagnes")
    @Operation(summary = "Les campagnes de la convention, la plus récente en premier")
    List<CampagneJson> campagnes(@PathVariable long id) {
        return campagnes.campagnes(id).stream().map(this::json).toList();
    }

    @PostMapping("/conventions/{id}/campagnes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ouvrir une campagne : les porteurs des fiches listées sont invités à mettre à jour leur suivi (gestionnaires)")
    @ApiResponse(responseCode = "400", description = "Libellé, année, trimestre ou date limite invalide ; fiche d'une autre convention ; aucune fiche")
    CampagneJson ouvrir(@PathVariable long id, @RequestBody NouvelleCampagne campagne) {
        return json(campagnes.ouvrir(id, campagne));
    }

    @GetMapping("/campagnes/{id}")
    @Operation(summary = "Une campagne : ses fiches avec leur réponse, ses relances")
    VueCampagneJson campagne(@PathVariable long id) {
        VueCampagne vue = campagnes.vue(id);
        return new VueCampagneJson(json(vue.campagne()), vue.conventionTitre(), vue.lignes().stream().map(l -> l.reponse() == null
                ? new ReponseJson(l.ficheId(), l.reference(), l.titre(), l.porteurs(), null, null, null, null)
                : new ReponseJson(l.ficheId(), l.reference(), l.titre(), l.porteurs(), l.reponse().datePoint(), l.reponse().statut(),
                        l.reponse().avancement(), personnes.nom(l.reponse().auteur()))).toList(),
                vue.relances().stream().map(r -> new RelanceJson(r.organisation(), r.envoyeeLe(), personnes.nom(r.envoyeePar()),
                        r.etatCourriel(), r.lueLe())).toList());
    }

    @PostMapping("/campagnes/{id}/cloture")
    @Operation(summary = "Clôturer une campagne (version lue obligatoire ; 409 si modifiée entre-temps)")
    CampagneJson cloturer(@PathVariable long id, @RequestParam int version) {
        return json(campagnes.cloturer(id, version));
    }

    @PostMapping("/campagnes/{id}/relance")
    @Operation(summary = "Relancer les porteurs des fiches sans réponse (rappel dans l'application et courriel si configuré)")
    ResultatRelance relancer(@PathVariable long id) {
        return campagnes.relancer(id);
    }
}
