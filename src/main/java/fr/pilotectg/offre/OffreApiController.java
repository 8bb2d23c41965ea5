package fr.pilotectg.offre;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conventions/{id}/services")
@Tag(name = "Services soutenus")
class OffreApiController {

    private final OffreService offre;

    OffreApiController(OffreService offre) {
        this.offre = offre;
    }

    record ServiceJson(long id, TypeService type, String libelleType, String typeImprime, String nom, String gestionnaire,
                       String adresse, String commune, String codeInsee, Integer capacite, List<String> collectivitesSoutien,
                       boolean horsBonusTerritoire) {

        static ServiceJson de(ServiceSoutenu s) {
            return new ServiceJson(s.id(), s.type(), s.type().libelle(), s.typeImprime(), s.nom(), s.gestionnaire(), s.adresse(),
                    s.commune(), s.codeInsee(), s.capacite(), s.collectivitesSoutien(), s.horsBonusTerritoire());
        }
    }

    @GetMapping
    @Operation(summary = "L'annexe des équipements et services soutenus, un service par ligne avec ses collectivités")
    List<ServiceJson> services(@PathVariable long id) {
        return offre.services(id).stream().map(ServiceJson::de).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une ligne de l'annexe ; un service déjà listé reçoit les collectivités de la ligne")
    ServiceJson ajouter(@PathVariable long id, @RequestBody NouveauService ligne) {
        return ServiceJson.de(offre.ajouter(id, ligne));
    }
}
