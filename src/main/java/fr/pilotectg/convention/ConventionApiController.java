package fr.pilotectg.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of conventions; same rights as the pages, errors as {@code {status, message, erreurs[]}}. */
@RestController
@RequestMapping("/api/v1/conventions")
@Tag(name = "Conventions")
class ConventionApiController {

    private final ConventionService conventions;

    ConventionApiController(ConventionService conventions) {
        this.conventions = conventions;
    }

    record ConventionListeJson(long id, String titre, StatutConvention statut, LocalDate dateDebut, LocalDate dateFin,
                               Integer dureeAnnees, String caf, String territoire, String departement, int nombreCommunes) {
    }

    record OrganisationJson(long id, String nom, String type, String codeInsee, String siren) {
        static OrganisationJson de(Organisation o) {
            return o == null ? null : new OrganisationJson(o.id(), o.nom(), o.type().name(), o.codeInsee(), o.siren());
        }
    }

    record RepresentantJson(long mandatId, String civilite, String prenom, String nom, String fonction, String nomComplet) {
        static RepresentantJson de(Mandat m) {
            return new RepresentantJson(m.id(), m.personne().civilite(), m.personne().prenom(), m.personne().nom(),
                    m.fonction(), m.personne().nomComplet());
        }
    }

    record PartieJson(OrganisationJson organisation, String nom, String nomImprime, RolePartie role,
                      List<RepresentantJson> representants) {
    }

    record DeliberationJson(int index, OrganisationJson organisation, String instance, LocalDate date, String dateTexte,
                            String reference) {
    }

    record CommuneJson(String codeInsee, String nom, Integer population) {
    }

    record ChangementStatutJson(StatutConvention de, StatutConvention vers, String par, OffsetDateTime le, String commentaire) {
    }

    record ConventionJson(long id, int version, String titre, StatutConvention statut, OrganisationJson caf,
                          String territoireSiren, String territoire, String departement, LocalDate dateDebut,
                          LocalDate dateFin, Integer dureeAnnees, String periodeLibelle, Reconduction reconduction,
                          String lieuSignature, LocalDate dateSignature,
                          Integer nombreOriginaux, String nombreOriginauxTexte, boolean tientLieuSchemaAo, List<String> visas, List<PartieJson> parties,
                          List<DeliberationJson> deliberations, List<CommuneJson> communes,
                          List<ChangementStatutJson> historique, List<String> manquesAvantSignature, boolean modifiable) {
    }

    record StatutJson(Integer version, StatutConvention statut, String commentaire) {
    }

    /** A party: an organisation by id, a commune by name, or any organisation by the name the document prints. */
    record PartieAjoutJson(Integer version, Long organisationId, String commune, String departement, RolePartie role,
                           String nomImprime) {
    }

    /** A representative: an existing mandate, an existing person (personneId), or a new person. */
    record RepresentantAjoutJson(Integer version, long organisationId, Long mandatId, Long personneId, String civilite,
                                 String prenom, String nom, String fonction, Boolean nouvellePersonneConfirmee) {
    }

    record CommuneAjoutJson(Integer version, String commune, String departement) {
    }

    @GetMapping
    @Operation(summary = "Conventions visibles par l'utilisateur (filtres optionnels)")
    List<ConventionListeJson> liste(@RequestParam(required = false) Long caf,
                                    @RequestParam(required = false) String departement,
                                    @RequestParam(required = false) StatutConvention statut,
                                    @RequestParam(required = false) Integer annee,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "100") int taille) {
        return conventions.rechercher(new FiltreConventions(caf, departement, statut, annee, q, null), page, taille)
                .elements().stream()
                .map(c -> new ConventionListeJson(c.id(), c.titre(), c.statut(), c.dateDebut(), c.dateFin(), c.dureeAnnees(),
                        c.cafNom(), c.territoireNom(), c.codeDepartement(), c.nombreCommunes()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une convention avec ses parties, représentants, délibérations et communes")
    ConventionJson convention(@PathVariable long id) {
        return json(conventions.vue(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une convention (Caf, intercommunalité du référentiel, période)")
    ConventionJson creer(@RequestBody NouvelleConvention nouvelle) {
        return json(conventions.vue(conventions.creer(nouvelle).id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier les informations générales (la version lue est obligatoire : 409 si elle a changé)")
    ConventionJson modifier(@PathVariable long id, @RequestParam int version, @RequestBody InformationsConvention infos) {
        conventions.modifierInformations(id, version, infos);
        return json(conventions.vue(id));
    }

    @PostMapping("/{id}/statut")
    @Operation(summary = "Changer de statut (transitions du cycle de vie uniquement)")
    ConventionJson statut(@PathVariable long id, @RequestBody StatutJson demande) {
        conventions.changerStatut(id, Versions.exiger(demande.version()), demande.statut(), demande.commentaire());
        return json(conventions.vue(id));
    }

    @PostMapping("/{id}/parties")
    @Operation(summary = "Ajouter une partie : une organisation par son id, une commune par son nom, ou une organisation par "
            + "le nom imprimé dans le document (nomImprime, gardé) ; un nom qui ne désigne pas une seule organisation donne "
            + "400 avec les candidates les plus proches (candidats)")
    ConventionJson ajouterPartie(@PathVariable long id, @RequestBody PartieAjoutJson demande) {
        if (demande.organisationId() != null) {
            conventions.ajouterPartie(id, Versions.exiger(demande.version()), demande.organisationId(), demande.role(),
                    demande.nomImprime());
        } else if (demande.commune() == null && demande.nomImprime() != null) {
            conventions.ajouterPartieNommee(id, Versions.exiger(demande.version()), demande.nomImprime(), demande.role());
        } else {
            conventions.ajouterCommunePartie(id, Versions.exiger(demande.version()), demande.commune(), demande.departement(), demande.role());
        }
        return json(conventions.vue(id));
    }

    @PostMapping("/{id}/representants")
    @Operation(summary = "Ajouter un représentant : un mandat existant, une personne existante (personneId) ou une nouvelle "
            + "personne ; une personne proche ayant un mandat dans une organisation liée donne 400 avec les candidats, "
            + "sauf nouvellePersonneConfirmee")
    ConventionJson ajouterRepresentant(@PathVariable long id, @RequestBody RepresentantAjoutJson demande) {
        if (demande.mandatId() != null) {
            conventions.ajouterRepresentant(id, Versions.exiger(demande.version()), demande.organisationId(), demande.mandatId());
        } else {
            conventions.ajouterNouveauRepresentant(id, Versions.exiger(demande.version()), demande.organisationId(),
                    new NouveauRepresentant(demande.civilite(), demande.prenom(), demande.nom(), demande.fonction()),
                    demande.personneId(), Boolean.TRUE.equals(demande.nouvellePersonneConfirmee()));
        }
        return json(conventions.vue(id));
    }

    @PostMapping("/{id}/communes")
    @Operation(summary = "Ajouter une commune au territoire, par son nom (ou code INSEE) et éventuellement son département")
    ConventionJson ajouterCommune(@PathVariable long id, @RequestBody CommuneAjoutJson demande) {
        conventions.ajouterCommune(id, Versions.exiger(demande.version()), demande.commune(), demande.departement());
        return json(conventions.vue(id));
    }

    private static ConventionJson json(VueConvention vue) {
        Convention c = vue.convention();
        return new ConventionJson(c.id(), c.version(), c.titre(), c.statut(), OrganisationJson.de(vue.caf()),
                c.territoireSiren(), c.territoireNom(), c.codeDepartement(), c.periode().dateDebut(), c.periode().dateFin(),
                c.periode().dureeAnnees(), c.periode().libelleImprime(), c.periode().reconduction(),
                c.signature().lieu(), c.signature().date(), c.signature().nombreOriginaux(), c.signature().nombreOriginauxTexte(),
                c.tientLieuSchemaAo(), c.visas().stream().map(Visa::texte).toList(),
                vue.parties().stream().map(p -> new PartieJson(OrganisationJson.de(p.organisation()),
                        p.organisation() == null ? null : p.organisation().nom(), p.nomImprime(), p.role(),
                        p.representants().stream().map(RepresentantJson::de).toList())).toList(),
                vue.deliberations().stream().map(d -> new DeliberationJson(d.index(), OrganisationJson.de(d.organisation()),
                        d.deliberation().instance(), d.deliberation().date(), d.deliberation().dateTexte(),
                        d.deliberation().reference())).toList(),
                c.communesTriees().stream().map(x -> new CommuneJson(x.codeInsee(), x.nom(), x.population())).toList(),
                c.historique().stream().map(h -> new ChangementStatutJson(h.de(), h.vers(), h.par(), h.le(), h.commentaire())).toList(),
                vue.manques().stream().map(Manques.Manque::message).toList(), vue.modifiable());
    }
}
