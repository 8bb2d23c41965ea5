package fr.pilotectg.offre;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.ResolutionCommune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supported services annex of a convention. */
@Service
public class OffreService {

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

    /**
     * Adds a row of the annex. A row naming a service already listed (same type, name and commune or
     * address) adds its collectivités to that service instead of creating a duplicate.
     */
    @Transactional
    public ServiceSoutenu ajouter(long conventionId, NouveauService ligne) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier l'annexe des services de cette convention.");
        }
        verifier(ligne);
        NomsDeCollectivites noms = new NomsDeCollectivites(territoires, convention.territoireNom(), convention.codeDepartement());
        List<String> soutiens = (ligne.collectivitesSoutien() == null ? List.<String>of() : ligne.collectivitesSoutien()).stream()
                .filter(c -> c != null && !c.isBlank()).map(noms::nommer).distinct().toList();
        Optional<ServiceSoutenu> existant = repository.services(conventionId).stream()
                .filter(s -> memeService(s, ligne)).findFirst();
        if (existant.isPresent()) {
            ServiceSoutenu service = existant.get();
            List<String> tous = new ArrayList<>(service.collectivitesSoutien());
            soutiens.stream().filter(c -> !tous.contains(c)).forEach(tous::add);
            repository.definirSoutiens(service.id(), tous);
            journal.enregistrer("service", service.id(), conventionId, "soutien ajouté",
                    Changement.entre(java.util.Map.of("Collectivités", service.collectivitesSoutien()), java.util.Map.of("Collectivités", tous)));
            return repository.services(conventionId).stream().filter(s -> s.id().equals(service.id())).findFirst().orElseThrow();
        }
        String commune = texte(ligne.commune());
        String codeInsee = null;
        if (commune != null && territoires.resoudreCommune(commune, convention.codeDepartement()) instanceof ResolutionCommune.Trouvee t) {
            commune = t.commune().nom();
            codeInsee = t.commune().codeInsee();
        }
        String gestionnaire = texte(ligne.gestionnaire());
        if (gestionnaire != null && gestionnaire.matches("(?i)^(commune|communaut).*")) {
            gestionnaire = noms.nommer(gestionnaire);
        }
        ServiceSoutenu nouveau = new ServiceSoutenu(null, conventionId, ligne.type(), texte(ligne.typeImprime()), texte(ligne.nom()),
                gestionnaire, texte(ligne.adresse()), commune, codeInsee, ligne.capacite(),
                Boolean.TRUE.equals(ligne.horsBonusTerritoire()), soutiens);
        long id = repository.inserer(nouveau);
        journal.enregistrer("service", id, conventionId, "ajout à l'annexe des services", List.of(new Changement("Service", null,
                ligne.type().libelle() + (nouveau.nom() == null ? "" : " — " + nouveau.nom()))));
        return repository.services(conventionId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static void verifier(NouveauService ligne) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (ligne.type() == null) {
            erreurs.add(new ErreurValidation.Erreur("type", "Le type de service est obligatoire (catalogue de la Caf, ou « Autre »)."));
        }
        if (ligne.capacite() != null && ligne.capacite() < 0) {
            erreurs.add(new ErreurValidation.Erreur("capacite", "La capacité ne peut pas être négative (" + ligne.capacite() + ")."));
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
