package fr.pilotectg.plan;

import java.util.List;

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

/** Fields a convention adds to its fiche template, through the API (issue 10 items 8 and 9). */
@RestController
@RequestMapping("/api/v1/conventions/{id}/plan/champs")
@Tag(name = "Plan d'actions")
class ChampsAjoutesApiController {

    private final ChampsAjoutes champs;

    ChampsAjoutesApiController(ChampsAjoutes champs) {
        this.champs = champs;
    }

    record ChampAjouteJson(long id, String cle, String libelle, TypeChampAjoute type, List<String> choix, int position, int version) {
        static ChampAjouteJson de(ChampAjoute c) {
            return new ChampAjouteJson(c.id(), c.cle(), c.libelle(), c.type(), c.choix(), c.ordre(), c.version());
        }
    }

    /** {@code cle}: optional at creation (derived from the label), never changed; {@code position}: 1 = first. */
    record ChampAjouteModifJson(String cle, String libelle, TypeChampAjoute type, List<String> choix, Integer position) {
        ChampsAjoutes.Definition definition() {
            return new ChampsAjoutes.Definition(cle, libelle, type, choix, position);
        }
    }

    @GetMapping
    @Operation(summary = "Les champs ajoutés par la convention à son modèle de fiche, dans leur ordre",
            description = "Leurs valeurs sont dans l'objet champs de chaque fiche, sous la clé du champ.")
    List<ChampAjouteJson> lister(@PathVariable long id) {
        return champs.champs(id).stream().map(ChampAjouteJson::de).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un champ aux fiches de la convention (gestionnaires de la convention)",
            description = "Types : TEXTE, TEXTE_LONG, OUI_NON, DATE, NOMBRE, URL (http/https seulement), LISTE, CHOIX_UNIQUE, "
                    + "CHOIX_MULTIPLE (choix obligatoires). La clé, facultative, est tirée du libellé et ne change plus.")
    ChampAjouteJson creer(@PathVariable long id, @RequestBody ChampAjouteModifJson corps) {
        return ChampAjouteJson.de(champs.creer(id, definition(corps)));
    }

    @PutMapping("/{champId}")
    @Operation(summary = "Renommer, changer le type ou les choix, déplacer un champ ajouté ; version lue obligatoire",
            description = "Un changement de type ou de choix qui ferait perdre une valeur déjà saisie est refusé (400).")
    ChampAjouteJson modifier(@PathVariable long id, @PathVariable long champId, @RequestParam int version,
                             @RequestBody ChampAjouteModifJson corps) {
        return ChampAjouteJson.de(champs.modifier(id, champId, version, definition(corps)));
    }

    @DeleteMapping("/{champId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer un champ ajouté ; ses valeurs restent dans le journal de la convention ; version lue obligatoire")
    void supprimer(@PathVariable long id, @PathVariable long champId, @RequestParam int version) {
        champs.supprimer(id, champId, version);
    }

    private static ChampsAjoutes.Definition definition(ChampAjouteModifJson corps) {
        return corps == null ? new ChampsAjoutes.Definition(null, null, null, null, null) : corps.definition();
    }
}
