package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Saisie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages of the avenants and versions of a convention, and "Préparer la CTG suivante". */
@Controller
class AvenantsController {

    private final ConventionService conventions;
    private final VersionsService versions;
    private final AvenantsService avenants;
    private final RenouvellementService renouvellements;
    private final Photographe photographe;
    private final OrganisationService organisations;
    private final fr.pilotectg.ao.AoService ao;

    AvenantsController(ConventionService conventions, VersionsService versions, AvenantsService avenants,
                       RenouvellementService renouvellements, Photographe photographe, OrganisationService organisations,
                       fr.pilotectg.ao.AoService ao) {
        this.ao = ao;
        this.organisations = organisations;
        this.conventions = conventions;
        this.versions = versions;
        this.avenants = avenants;
        this.renouvellements = renouvellements;
        this.photographe = photographe;
    }

    @GetMapping("/conventions/{id}/avenants")
    String page(@PathVariable long id, Model model) {
        Convention c = conventions.convention(id);
        List<VersionConvention> liste = versions.versions(id);
        model.addAttribute("c", c);
        model.addAttribute("versions", liste);
        model.addAttribute("enVigueur", versions.versionEnVigueur(id));
        model.addAttribute("avenants", avenants.avenants(id));
        boolean gestionnaire = versions.peutGerer(id);
        model.addAttribute("gestionnaire", gestionnaire);
        model.addAttribute("signee", !c.statut().estAvantSignature());
        return "avenant/avenants";
    }

    @PostMapping("/conventions/{id}/versions")
    String etablir(@PathVariable long id) {
        versions.etablirVersionSignee(id);
        return "redirect:/conventions/" + id + "/avenants";
    }

    @GetMapping("/conventions/{id}/versions/{numero}")
    String version(@PathVariable long id, @PathVariable int numero, Model model) {
        model.addAttribute("c", conventions.convention(id));
        model.addAttribute("v", versions.version(id, numero));
        return "avenant/version";
    }

    @GetMapping("/conventions/{id}/versions/comparaison")
    String comparaison(@PathVariable long id, @RequestParam(required = false) Integer de, @RequestParam(required = false) Integer a,
                       Model model) {
        Convention c = conventions.convention(id);
        int enVigueur = versions.versionEnVigueur(id);
        int versionA = a == null ? enVigueur : a;
        int versionDe = de == null ? Math.max(1, versionA - 1) : de;
        model.addAttribute("c", c);
        model.addAttribute("versions", versions.versions(id));
        model.addAttribute("de", versionDe);
        model.addAttribute("a", versionA);
        model.addAttribute("differences", versionA == 0 ? null : versions.comparer(id, versionDe, versionA));
        return "avenant/comparaison";
    }

    @GetMapping("/conventions/{id}/avenants/nouveau")
    String nouveau(@PathVariable long id, Model model) {
        return formulaire(id, model, Map.of(), null);
    }

    @PostMapping("/conventions/{id}/avenants/nouveau")
    String rediger(@PathVariable long id, @RequestParam Map<String, String> saisie, Model model) {
        List<ChangementAvenant> changements = new ArrayList<>();
        try {
            if (!vide(saisie.get("dateFin"))) {
                changements.add(new ChangementAvenant(TypeChangement.PERIODE, Saisie.date("dateFin", "Nouvelle fin", saisie.get("dateFin")),
                        null, null, null, null, null, null, null, null));
            }
            if (!vide(saisie.get("ajoutTitre"))) {
                changements.add(new ChangementAvenant(TypeChangement.FICHE_AJOUTEE, null, null, null, nombre(saisie.get("ajoutNoeud")),
                        saisie.get("ajoutTitre"), null, null, null, null));
            }
            if (!vide(saisie.get("modifFiche")) && !vide(saisie.get("modifTitre"))) {
                changements.add(new ChangementAvenant(TypeChangement.FICHE_MODIFIEE, null, nombre(saisie.get("modifFiche")), null,
                        null, saisie.get("modifTitre"), null, null, null, null));
            }
            if (!vide(saisie.get("suppressionFiche"))) {
                changements.add(new ChangementAvenant(TypeChangement.FICHE_SUPPRIMEE, null, nombre(saisie.get("suppressionFiche")),
                        null, null, null, null, null, null, null));
            }
            if (!vide(saisie.get("section")) && !vide(saisie.get("sectionTexte"))) {
                changements.add(new ChangementAvenant(TypeChangement.SECTION_MODIFIEE, null, null, null, null, null, null,
                        nombre(saisie.get("section")).intValue(), null, saisie.get("sectionTexte")));
            }
            if (!vide(saisie.get("partieAjoutee"))) {
                changements.add(ChangementAvenant.partie(TypeChangement.PARTIE_AJOUTEE, organisationNommee(saisie.get("partieAjoutee")),
                        null, "ASSOCIEE".equals(saisie.get("rolePartie")) ? RolePartie.ASSOCIEE : RolePartie.SIGNATAIRE));
            }
            if (!vide(saisie.get("partieRetiree"))) {
                changements.add(ChangementAvenant.partie(TypeChangement.PARTIE_RETIREE, nombre(saisie.get("partieRetiree")), null, null));
            }
            if (!vide(saisie.get("serviceType")) || !vide(saisie.get("serviceNom"))) {
                Map<String, String> champs = new java.util.LinkedHashMap<>();
                for (String[] cle : new String[][]{{"type", "serviceType"}, {"nom", "serviceNom"}, {"commune", "serviceCommune"}}) {
                    if (!vide(saisie.get(cle[1]))) {
                        champs.put(cle[0], saisie.get(cle[1]));
                    }
                }
                changements.add(ChangementAvenant.service(TypeChangement.SERVICE_AJOUTE, null, null, champs));
            }
            if (!vide(saisie.get("serviceRetire"))) {
                changements.add(ChangementAvenant.service(TypeChangement.SERVICE_RETIRE, nombre(saisie.get("serviceRetire")), null, null));
            }
            if (!vide(saisie.get("serviceModifie"))) {
                changements.add(ChangementAvenant.service(TypeChangement.SERVICE_MODIFIE, nombre(saisie.get("serviceModifie")), null,
                        remplis(saisie, "serviceModif", AvenantsService.CHAMPS_SERVICE)));
            }
            if (!vide(saisie.get("representant"))) {
                long[] cible = cible(saisie.get("representant"));
                changements.add(ChangementAvenant.representant(cible.length == 1 ? TypeChangement.REPRESENTANT_AJOUTE
                        : TypeChangement.REPRESENTANT_MODIFIE, cible[0], cible.length == 1 ? null : cible[1], null,
                        remplis(saisie, "representant", AvenantsService.CHAMPS_REPRESENTANT)));
            }
            if (!vide(saisie.get("financementFiche"))) {
                TypeChangement type = List.of(TypeChangement.FINANCEMENT_AJOUTE, TypeChangement.FINANCEMENT_MODIFIE,
                        TypeChangement.FINANCEMENT_RETIRE).stream().filter(t -> t.name().equals(saisie.get("financementAction")))
                        .findFirst().orElseThrow(() -> new ErreurValidation("financementAction",
                                "Choisissez ce que l'avenant fait de la ligne de financement : ajoutée, montant changé ou retirée."));
                changements.add(new ChangementAvenant(type, null, nombre(saisie.get("financementFiche")), null, null, null,
                        remplis(saisie, "financement", AvenantsService.CHAMPS_FINANCEMENT), null, null, null));
            }
            if (!vide(saisie.get("aoLigne")) || !vide(saisie.get("aoMode"))) {
                TypeChangement type = List.of(TypeChangement.AO_LIGNE_AJOUTEE, TypeChangement.AO_LIGNE_MODIFIEE,
                        TypeChangement.AO_LIGNE_RETIREE).stream().filter(t -> t.name().equals(saisie.get("aoAction")))
                        .findFirst().orElseThrow(() -> new ErreurValidation("aoAction",
                                "Choisissez ce que l'avenant fait de la ligne de l'AO : ajoutée, chiffres changés ou retirée."));
                Map<String, String> champs = remplis(saisie, "ao", List.of("ligne", "mode", "actuel"));
                if (!vide(saisie.get("aoCollectivite"))) {
                    champs.put("ao", saisie.get("aoCollectivite"));
                }
                if (!vide(saisie.get("aoAnnee"))) {
                    champs.put("annee" + saisie.get("aoAnnee").strip(), java.util.Objects.requireNonNullElse(saisie.get("aoValeur"), ""));
                }
                changements.add(new ChangementAvenant(type, null, null, null, null, null, champs, null, null, null));
            }
            if (!vide(saisie.get("representantRetire"))) {
                long[] cible = cible(saisie.get("representantRetire"));
                changements.add(ChangementAvenant.representant(TypeChangement.REPRESENTANT_RETIRE, cible[0],
                        cible.length == 1 ? null : cible[1], null, null));
            }
            AvenantsService.Redaction r = avenants.rediger(id, new SaisieAvenant(saisie.get("objet"), null, changements,
                    "on".equals(saisie.get("confirmerChevauchement"))));
            return "redirect:/conventions/" + id + "/avenants/" + r.avenant().numero();
        } catch (ErreurValidation e) {
            return formulaire(id, model, saisie, e.getMessage());
        } catch (ConflitDeModification e) {
            model.addAttribute("chevauchement", true);
            return formulaire(id, model, saisie, e.getMessage());
        }
    }

    @GetMapping("/conventions/{id}/avenants/{numero}")
    String avenant(@PathVariable long id, @PathVariable int numero, Model model) {
        model.addAttribute("c", conventions.convention(id));
        model.addAttribute("avenant", avenants.avenant(id, numero));
        model.addAttribute("differences", avenants.differences(id, numero));
        model.addAttribute("gestionnaire", versions.peutGerer(id));
        return "avenant/avenant";
    }

    @PostMapping("/conventions/{id}/avenants/{numero}/statut")
    String statut(@PathVariable long id, @PathVariable int numero, @RequestParam Integer version, @RequestParam StatutAvenant statut,
                  @RequestParam(required = false) String date) {
        LocalDate le = vide(date) ? null : Saisie.date("date", "Date", date);
        avenants.changerStatut(id, numero, version, statut, le);
        return "redirect:/conventions/" + id + "/avenants/" + numero;
    }

    @GetMapping("/conventions/{id}/renouvellement")
    String renouvellement(@PathVariable long id, Model model) {
        model.addAttribute("c", conventions.convention(id));
        model.addAttribute("possible", renouvellements.peutRenouveler(id));
        model.addAttribute("fiches", renouvellements.fichesReconductibles(id));
        VueConvention vue = conventions.vue(id);
        model.addAttribute("parties", vue.parties());
        model.addAttribute("deDroit", vue.parties().stream().filter(p -> RenouvellementService.partieDeDroit(vue.convention(),
                p.organisation())).map(p -> p.organisation().id()).toList());
        return "avenant/renouvellement";
    }

    /** The page always shows the parties and representatives: those not ticked are not carried over. */
    @PostMapping("/conventions/{id}/renouvellement")
    String renouveler(@PathVariable long id, @RequestParam(name = "fiches", required = false) List<Long> fiches,
                      @RequestParam(name = "parties", required = false) List<Long> parties,
                      @RequestParam(name = "representants", required = false) List<Long> representants,
                      @RequestParam(required = false) String titre) {
        Convention nouvelle = renouvellements.renouveler(id, new SaisieRenouvellement(fiches == null ? List.of() : fiches,
                titre, null, null, parties == null ? List.of() : parties, representants == null ? List.of() : representants));
        return "redirect:/conventions/" + nouvelle.id();
    }

    private String formulaire(long id, Model model, Map<String, String> saisie, String erreur) {
        Convention c = conventions.convention(id);
        model.addAttribute("c", c);
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreur", erreur);
        model.addAttribute("possible", !c.statut().estAvantSignature() && versions.peutGerer(id));
        model.addAttribute("actuel", c.statut().estAvantSignature() ? null : photographe.photographier(id));
        model.addAttribute("typesService", fr.pilotectg.offre.TypeService.values());
        model.addAttribute("financeurs", fr.pilotectg.plan.Financeur.values());
        model.addAttribute("modesAccueil", fr.pilotectg.ao.ModeAccueil.values());
        model.addAttribute("collectivitesAo", c.statut().estAvantSignature() ? List.of() : ao.collectivites(id));
        model.addAttribute("representants", c.statut().estAvantSignature() ? List.of() : conventions.vue(id).parties().stream()
                .flatMap(p -> p.representants().stream().map(m -> new RepresentantEnVigueur(p.organisation().id() + ":" + m.id(),
                        m.personne().nomComplet() + ", " + m.fonction() + " (" + p.organisation().nom() + ")"))).toList());
        return "avenant/nouveau";
    }

    /** A representative in force as the form offers it: {@code cle} "organisationId:mandatId". */
    record RepresentantEnVigueur(String cle, String libelle) {
    }

    /** The fields typed in the form under {@code prefixe} + the key capitalised ("serviceModifNom"), blank ones left out. */
    private static Map<String, String> remplis(Map<String, String> saisie, String prefixe, List<String> cles) {
        Map<String, String> champs = new java.util.LinkedHashMap<>();
        for (String cle : cles) {
            String valeur = saisie.get(prefixe + Character.toUpperCase(cle.charAt(0)) + cle.substring(1));
            if (!vide(valeur)) {
                champs.put(cle, valeur);
            }
        }
        return champs;
    }

    /** "12" (a party) or "12:345" (a party and one of its representatives' mandates). */
    private static long[] cible(String texte) {
        String[] morceaux = texte.strip().split(":", -1);
        if (morceaux.length > 2) {
            throw new ErreurValidation("representant", "Choix de représentant illisible : « " + Saisie.tronquer(texte) + " ».");
        }
        long[] ids = new long[morceaux.length];
        for (int i = 0; i < morceaux.length; i++) {
            Long id = nombre(morceaux[i]);
            if (id == null) {
                throw new ErreurValidation("representant", "Choix de représentant illisible : « " + Saisie.tronquer(texte) + " ».");
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The one organisation of the referential with this name or acronym (else 400 on the field). */
    private long organisationNommee(String nom) {
        List<Organisation> trouvees = organisations.parNom(nom);
        if (trouvees.size() == 1) {
            return trouvees.get(0).id();
        }
        throw new ErreurValidation("partieAjoutee", trouvees.isEmpty()
                ? "Aucune organisation du référentiel ne s'appelle « " + Saisie.tronquer(nom) + " » : vérifiez le nom ou le sigle, "
                + "ou créez-la (Organisations) avant de rédiger l'avenant."
                : "Plusieurs organisations s'appellent « " + Saisie.tronquer(nom) + " » (" + String.join(", ", trouvees.stream()
                .map(o -> o.nom() + (o.codeDepartement() == null ? "" : " (" + o.codeDepartement() + ")")).toList())
                + ") : ajoutez-la d'abord depuis la page des parties d'une convention en préparation, ou précisez son sigle.");
    }

    private static boolean vide(String texte) {
        return texte == null || texte.isBlank();
    }

    private static Long nombre(String texte) {
        if (vide(texte)) {
            return null;
        }
        try {
            return Long.valueOf(texte.strip());
        } catch (NumberFormatException e) {
            throw new ErreurValidation("changements", "Choix illisible : « " + Saisie.tronquer(texte) + " ».");
        }
    }
}
