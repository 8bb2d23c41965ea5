package fr.pilotectg.offre;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.shared.Versions;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supported services annex of a convention. */
@Service
public class OffreService {

    private static final Pattern CODE_POSTAL = Pattern.compile("\\d{5}");
    private static final String CONFLIT = "Cette ligne de l'annexe a été modifiée ou supprimée par quelqu'un d'autre depuis que "
            + "vous l'avez ouverte : rien n'a été enregistré. Rechargez la page pour voir sa version actuelle.";

    private final OffreRepository repository;
    private final ConventionService conventions;
    private final TerritoireService territoires;
    private final Journal journal;

    OffreService(OffreRepository repository, ConventionService conventions, TerritoireService territoires, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.territoires = territoires;
        this.journal = journal;
    }

    /** Services in catalogue order, then by name. */
    public List<ServiceSoutenu> services(long conventionId) {
        conventions.convention(conventionId);
        return repository.services(conventionId).stream()
                .sorted(Comparator.comparing(ServiceSoutenu::type).thenComparing(s -> s.nom() == null ? "" : s.nom()))
                .toList();
    }

    /** One row, for those who may read its convention. */
    public ServiceSoutenu service(long serviceId) {
        ServiceSoutenu service = repository.service(serviceId)
                .orElseThrow(() -> new Introuvable("Aucun service n° " + serviceId + " dans les annexes."));
        conventions.convention(service.conventionId());
        return service;
    }

    /** Communes whose name is close to an unrecognised one, to fix the row. */
    public List<Commune> communesProches(ServiceSoutenu service) {
        if (!service.communeNonReconnue()) {
            return List.of();
        }
        Convention convention = conventions.convention(service.conventionId());
        List<String> essais = new ArrayList<>(List.of(service.commune()));
        // A misspelt name ("Vals-les-Baigns") contains none of the referential names: its longest words may.
        java.util.Arrays.stream(service.commune().split("[^\\p{L}]+")).filter(m -> m.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed()).forEach(essais::add);
        java.util.LinkedHashSet<Commune> proches = new java.util.LinkedHashSet<>();
        for (String essai : essais) {
            proches.addAll(territoires.rechercherCommunes(essai, convention.codeDepartement(), 8));
            if (proches.size() >= 8) {
                break;
            }
        }
        if (proches.isEmpty()) {
            proches.addAll(territoires.rechercherCommunes(service.commune(), 8));
        }
        return proches.stream().limit(8).toList();
    }

    /**
     * Adds a row of the annex. A row naming a service already listed (same type, name and commune or
     * address) adds its collectivités to that service instead of creating a duplicate.
     */
    @Transactional
    public ServiceSoutenu ajouter(long conventionId, NouveauService ligne) {
        Convention convention = modifiable(conventionId);
        verifier(ligne);
        List<String> soutiens = soutiens(convention, ligne);
        Optional<ServiceSoutenu> existant = repository.services(conventionId).stream()
                .filter(s -> memeService(s, ligne)).findFirst();
        if (existant.isPresent()) {
            ServiceSoutenu service = existant.get();
            List<String> tous = new ArrayList<>(service.collectivitesSoutien());
            soutiens.stream().filter(c -> !tous.contains(c)).forEach(tous::add);
            repository.definirSoutiens(service.id(), tous);
            repository.incrementerVersion(service.id());
            journal.enregistrer("service", service.id(), conventionId, "soutien ajouté",
                    Changement.entre(Map.of("Collectivités", service.collectivitesSoutien()), Map.of("Collectivités", tous)));
            return repository.service(service.id()).orElseThrow();
        }
        ServiceSoutenu nouveau = construire(null, convention, ligne, soutiens, 0);
        long id = repository.inserer(nouveau);
        journal.enregistrer("service", id, conventionId, "ajout à l'annexe des services", List.of(new Changement("Service", null,
                ligne.type().libelle() + (nouveau.nom() == null ? "" : " — " + nouveau.nom()))));
        return repository.service(id).orElseThrow();
    }

    /** Replaces a row with what the user typed, if nobody changed it since the version read. */
    @Transactional
    public ServiceSoutenu modifier(long serviceId, Integer version, NouveauService ligne) {
        ServiceSoutenu avant = service(serviceId);
        Convention convention = modifiable(avant.conventionId());
        int versionLue = Versions.exiger(version);
        verifier(ligne);
        ServiceSoutenu apres = construire(serviceId, convention, ligne, soutiens(convention, ligne), versionLue);
        if (!repository.modifier(apres, versionLue)) {
            throw new ConflitDeModification(CONFLIT);
        }
        journal.enregistrer("service", serviceId, avant.conventionId(), "modification d'une ligne de l'annexe des services",
                Changement.entre(instantane(avant), instantane(apres)));
        return repository.service(serviceId).orElseThrow();
    }

    /** Deletes a row, if nobody changed it since the version read. */
    @Transactional
    public void supprimer(long serviceId, Integer version) {
        ServiceSoutenu avant = service(serviceId);
        modifiable(avant.conventionId());
        int versionLue = Versions.exiger(version);
        if (!repository.supprimer(serviceId, versionLue)) {
            throw new ConflitDeModification(CONFLIT);
        }
        journal.enregistrer("service", serviceId, avant.conventionId(), "suppression d'une ligne de l'annexe des services",
                Changement.entre(instantane(avant), Map.of()));
    }

    private Convention modifiable(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier l'annexe des services de cette convention.");
        }
        return convention;
    }

    private List<String> soutiens(Convention convention, NouveauService ligne) {
        NomsDeCollectivites noms = new NomsDeCollectivites(territoires, convention.territoireNom(), convention.codeDepartement());
        return (ligne.collectivitesSoutien() == null ? List.<String>of() : ligne.collectivitesSoutien()).stream()
                .filter(c -> c != null && !c.isBlank()).map(noms::nommer).distinct().toList();
    }

    private ServiceSoutenu construire(Long id, Convention convention, NouveauService ligne, List<String> soutiens, int version) {
        String codePostal = texte(ligne.codePostal());
        Lieu lieu = lieu(texte(ligne.commune()), codePostal, convention.codeDepartement());
        String gestionnaire = texte(ligne.gestionnaire());
        if (gestionnaire != null && gestionnaire.matches("(?i)^(commune|communaut).*")) {
            gestionnaire = new NomsDeCollectivites(territoires, convention.territoireNom(), convention.codeDepartement()).nommer(gestionnaire);
        }
        return new ServiceSoutenu(id, convention.id(), ligne.type(), texte(ligne.typeImprime()), texte(ligne.sousType()),
                texte(ligne.nom()), gestionnaire, texte(ligne.adresse()), codePostal, lieu.nom(), lieu.codeInsee(), lieu.note(),
                ligne.capacite(), Boolean.TRUE.equals(ligne.horsBonusTerritoire()), soutiens, version);
    }

    private record Lieu(String nom, String codeInsee, String note) {
    }

    /**
     * The commune of a row: in the convention's département, else anywhere; a name shared by several communes is
     * settled by the postal code. What does not resolve is kept as printed, without a code (commune non reconnue).
     */
    private Lieu lieu(String commune, String codePostal, String departement) {
        if (commune == null) {
            return new Lieu(null, null, null);
        }
        ResolutionCommune resolution = territoires.resoudreCommune(commune, departement);
        if (!(resolution instanceof ResolutionCommune.Trouvee)) {
            ResolutionCommune partout = territoires.resoudreCommune(commune, null);
            if (partout instanceof ResolutionCommune.Trouvee || resolution instanceof ResolutionCommune.Inconnue) {
                resolution = partout;
            }
        }
        if (resolution instanceof ResolutionCommune.Ambigue ambigue && codePostal != null) {
            List<Commune> parCode = ambigue.candidats().stream().filter(c -> c.codesPostaux().contains(codePostal)).toList();
            if (parCode.size() == 1) {
                return new Lieu(parCode.get(0).nom(), parCode.get(0).codeInsee(), null);
            }
        }
        if (resolution instanceof ResolutionCommune.Trouvee trouvee) {
            return new Lieu(trouvee.commune().nom(), trouvee.commune().codeInsee(), trouvee.note());
        }
        return new Lieu(commune, null, null);
    }

    private static Map<String, Object> instantane(ServiceSoutenu s) {
        Map<String, Object> champs = new LinkedHashMap<>();
        champs.put("Type", s.type().libelle());
        champs.put("Sous-type", s.sousType());
        champs.put("Nom", s.nom());
        champs.put("Gestionnaire", s.gestionnaire());
        champs.put("Adresse", s.adresse());
        champs.put("Code postal", s.codePostal());
        champs.put("Commune", s.commune());
        champs.put("Capacité", s.capacite() == null ? null : String.valueOf(s.capacite()));
        champs.put("Hors bonus territoire", s.horsBonusTerritoire() ? "oui" : "non");
        champs.put("Collectivités", s.collectivitesSoutien());
        return champs;
    }

    private static void verifier(NouveauService ligne) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (ligne.type() == null) {
            erreurs.add(new ErreurValidation.Erreur("type", "Le type de service est obligatoire (catalogue de la Caf, ou « Autre »)."));
        }
        if (ligne.capacite() != null && ligne.capacite() < 0) {
            erreurs.add(new ErreurValidation.Erreur("capacite", "La capacité ne peut pas être négative (" + ligne.capacite() + ")."));
        }
        if (texte(ligne.codePostal()) != null && !CODE_POSTAL.matcher(ligne.codePostal().strip()).matches()) {
            erreurs.add(new ErreurValidation.Erreur("codePostal", "Le code postal s'écrit avec cinq chiffres (reçu : « "
                    + fr.pilotectg.shared.Saisie.tronquer(ligne.codePostal()) + " »)."));
        }
        if (texte(ligne.nom()) == null && texte(ligne.typeImprime()) == null && texte(ligne.adresse()) == null) {
            erreurs.add(new ErreurValidation.Erreur("nom", "Indiquez au moins le nom, l'adresse ou l'intitulé imprimé du service."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static boolean memeService(ServiceSoutenu s, NouveauService ligne) {
        return s.type() == ligne.type()
                && Objects.equals(plie(s.nom()), plie(ligne.nom()))
                && Objects.equals(plie(s.adresse()), plie(ligne.adresse()));
    }

    private static String plie(String texte) {
        return texte == null || texte.isBlank() ? null : Textes.plier(texte);
    }

    private static String texte(String texte) {
        return texte == null || texte.isBlank() ? null : texte.trim();
    }
}
