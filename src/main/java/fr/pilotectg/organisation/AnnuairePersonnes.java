package fr.pilotectg.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.Commune;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their mandates (ADR 0007): one person, several mandates in several organisations; a new person whose
 * name is close to someone holding a mandate in a related organisation is suggested first, never created twice by
 * accident.
 */
@Service
public class AnnuairePersonnes {

    public static final int TAILLE_PAGE = 20;

    private final PersonneRepository repository;
    private final OrganisationService organisations;
    private final TerritoireService territoires;
    private final Journal journal;

    AnnuairePersonnes(PersonneRepository repository, OrganisationService organisations, TerritoireService territoires,
                      Journal journal) {
        this.repository = repository;
        this.organisations = organisations;
        this.territoires = territoires;
        this.journal = journal;
    }

    public PageAnnuaire<FichePersonne> liste(String q, int page) {
        DroitsOrganisations.verifierConsultation(UtilisateurConnecte.courant());
        Saisie.verifierTexte("q", "Recherche", q, Limites.TITRE);
        String cle = fr.pilotectg.territoire.NameNormalizer.normaliser(q);
        int numero = PageAnnuaire.borner(page);
        return new PageAnnuaire<>(repository.page(cle, TAILLE_PAGE, (numero - 1) * TAILLE_PAGE), repository.nombre(cle),
                numero, TAILLE_PAGE);
    }

    public FichePersonne fiche(long id) {
        DroitsOrganisations.verifierConsultation(UtilisateurConnecte.courant());
        return lire(id);
    }

    /** A person read for a use case that checked its own rights (a convention's representatives). */
    public FichePersonne personneSansDroits(long id) {
        return lire(id);
    }

    private FichePersonne lire(long id) {
        return repository.fiche(id).orElseThrow(() -> new Introuvable("Personne " + id + " introuvable."));
    }

    /**
     * People who may be the one typed: a close normalised name ("Stéphane Heyraud" / "HEYRAUD Stephane" is not
     * matched, "Stephane HEYRAUD" is) holding a mandate in the organisation or a related one (the EPCI of a commune,
     * the communes of an EPCI).
     */
    public List<FichePersonne> doublonsProbables(String prenom, String nom, long organisationId) {
        String cle = PersonneRepository.cle(prenom, nom);
        return repository.prochesDans(cle, organisationsLiees(organisationId)).stream().map(this::lire).toList();
    }

    List<Long> organisationsLiees(long organisationId) {
        Organisation organisation = organisations.organisation(organisationId);
        Set<Long> liees = new LinkedHashSet<>(List.of(organisationId));
        if (organisation.type() == TypeOrganisation.EPCI && organisation.siren() != null) {
            liees.addAll(repository.organisationsParCodes(TypeOrganisation.COMMUNE,
                    territoires.communesDeEpci(organisation.siren()).stream().map(Commune::codeInsee).toList()));
        }
        if (organisation.type() == TypeOrganisation.COMMUNE && organisation.codeInsee() != null) {
            territoires.commune(organisation.codeInsee()).map(Commune::sirenEpci).filter(Objects::nonNull)
                    .ifPresent(siren -> liees.addAll(repository.organisationsParCodes(TypeOrganisation.EPCI, List.of(siren))));
        }
        return List.copyOf(liees);
    }

    /** A candidate person as the API and the error bodies show it. */
    public record PersonneCandidateJson(long id, String nomComplet, List<String> mandats) implements java.io.Serializable {
        public static PersonneCandidateJson de(FichePersonne p) {
            return new PersonneCandidateJson(p.id(), p.nomComplet(), p.mandats().stream()
                    .map(m -> m.fonction() + " — " + m.organisationNom()).toList());
        }
    }

    /**
     * Creates a person with their mandates. When someone close already holds a mandate in a related organisation,
     * refuses (400 listing them) unless {@code confirme}: the user then reuses that person or confirms a new one.
     */
    @Transactional
    public FichePersonne creer(SaisiePersonne saisie, boolean confirme) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        return creerSansDroits(saisie, confirme);
    }

    /** As {@link #creer}, the caller having checked the rights (a convention's representatives). */
    @Transactional
    public FichePersonne creerSansDroits(SaisiePersonne saisie, boolean confirme) {
        SaisiePersonne propre = verifier(saisie);
        if (!confirme) {
            Set<FichePersonne> proches = new LinkedHashSet<>();
            for (SaisiePersonne.SaisieMandat m : propre.mandats()) {
                proches.addAll(doublonsProbables(propre.prenom(), propre.nom(), m.organisationId()));
            }
            if (!proches.isEmpty()) {
                throw doublons(propre, List.copyOf(proches));
            }
        }
        long id = repository.inserer(propre.civilite(), propre.prenom(), propre.nom());
        FichePersonne personne = lire(id);
        journal.enregistrer("personne", id, null, "création", List.of(new Changement("Personne", null, personne.nomComplet())));
        for (SaisiePersonne.SaisieMandat m : propre.mandats()) {
            ajouterMandat(id, m);
        }
        return lire(id);
    }

    static ErreurAvecCandidats doublons(SaisiePersonne saisie, List<FichePersonne> proches) {
        return new ErreurAvecCandidats("nom", "Une personne proche existe déjà dans une organisation liée : "
                + String.join(" ; ", proches.stream().map(p -> p.nomComplet() + " (" + String.join(", ", p.mandats().stream()
                        .map(m -> m.fonction() + " — " + m.organisationNom()).toList()) + ")").toList())
                + ". Choisissez-la dans la liste pour ne pas la créer deux fois, ou confirmez qu'il s'agit d'une autre personne.",
                proches.stream().map(PersonneCandidateJson::de).toList());
    }

    @Transactional
    public FichePersonne modifier(long id, int version, SaisiePersonne saisie) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        FichePersonne avant = lire(id);
        SaisiePersonne propre = verifier(saisie);
        if (!repository.modifier(id, version, propre.civilite(), propre.prenom(), propre.nom())) {
            throw new ConflitDeModification("Cette personne a été modifiée par quelqu'un d'autre entre-temps : rechargez la "
                    + "page pour voir ses valeurs actuelles, puis refaites votre modification.");
        }
        if (!Objects.equals(avant.nomComplet(), lire(id).nomComplet())) {
            journal.enregistrer("personne", id, null, "modification",
                    List.of(new Changement("Personne", avant.nomComplet(), lire(id).nomComplet())));
        }
        for (SaisiePersonne.SaisieMandat m : propre.mandats()) {
            if (m.id() == null) {
                ajouterMandat(id, m);
            } else {
                var ancien = avant.mandats().stream().filter(x -> x.id() == m.id()).findFirst()
                        .orElseThrow(() -> new ErreurValidation("mandats", "Le mandat n° " + m.id() + " n'est pas un mandat de cette personne."));
                repository.modifierMandat(m.id(), id, m.organisationId(), m.fonction(), m.debut(), m.fin());
                journal.enregistrer("mandat", m.id(), null, "modification", Changement.entre(resume(ancien.fonction(),
                        ancien.organisationNom(), ancien.debut(), ancien.fin()), resume(m.fonction(),
                        organisations.organisation(m.organisationId()).nom(), m.debut(), m.fin())));
            }
        }
        return lire(id);
    }

    /** Adds one mandate to an existing person (also used when a convention reuses the person). */
    @Transactional
    public Mandat ajouterMandat(long personneId, String fonction, long organisationId) {
        SaisiePersonne.SaisieMandat m = verifierMandat(new SaisiePersonne.SaisieMandat(null, organisationId, fonction, null, null), 0);
        lire(personneId);
        long id = ajouterMandat(personneId, m);
        repository.toucher(personneId);
        return organisations.mandat(id);
    }

    private long ajouterMandat(long personneId, SaisiePersonne.SaisieMandat m) {
        Organisation organisation = organisations.organisation(m.organisationId());
        long id = repository.insererMandat(personneId, organisation.id(), m.fonction(), m.debut(), m.fin());
        journal.enregistrer("mandat", id, null, "création", List.of(new Changement("Mandat", null,
                lire(personneId).nomComplet() + ", " + m.fonction() + " — " + organisation.nom())));
        return id;
    }

    private static Map<String, Object> resume(String fonction, String organisation, LocalDate debut, LocalDate fin) {
        Map<String, Object> valeurs = new LinkedHashMap<>();
        valeurs.put("Fonction", fonction);
        valeurs.put("Organisation", organisation);
        valeurs.put("Début", debut == null ? null : debut.toString());
        valeurs.put("Fin", fin == null ? null : fin.toString());
        valeurs.values().removeIf(Objects::isNull);
        return valeurs;
    }

    private SaisiePersonne verifier(SaisiePersonne s) {
        if (s == null || s.nom() == null || s.nom().isBlank()) {
            throw new ErreurValidation("nom", "Le nom de la personne est obligatoire.");
        }
        Saisie.verifierTexte("nom", "Nom", s.nom(), Limites.TITRE);
        Saisie.verifierTexte("prenom", "Prénom", s.prenom(), Limites.TITRE);
        Saisie.verifierTexte("civilite", "Civilité", s.civilite(), Limites.TITRE);
        List<SaisiePersonne.SaisieMandat> mandats = new ArrayList<>();
        List<SaisiePersonne.SaisieMandat> saisis = s.mandats() == null ? List.of() : s.mandats();
        if (saisis.size() > 50) {
            throw new ErreurValidation("mandats", "Au plus 50 mandats par envoi.");
        }
        for (int i = 0; i < saisis.size(); i++) {
            mandats.add(verifierMandat(saisis.get(i), i));
        }
        return new SaisiePersonne(texte(s.civilite()), texte(s.prenom()), s.nom().strip(), mandats);
    }

    private SaisiePersonne.SaisieMandat verifierMandat(SaisiePersonne.SaisieMandat m, int i) {
        String champ = "mandats[" + i + "]";
        if (m == null) {
            throw new ErreurValidation(champ, "Mandat vide.");
        }
        if (m.organisationId() == null) {
            throw new ErreurValidation(champ + ".organisationId", "Choisissez l'organisation du mandat.");
        }
        Organisation organisation = organisations.organisations(List.of(m.organisationId())).stream().findFirst()
                .orElseThrow(() -> new ErreurValidation(champ + ".organisationId", "L'organisation n° " + m.organisationId()
                        + " n'existe pas : cherchez-la dans la liste des organisations."));
        if (m.fonction() == null || m.fonction().isBlank()) {
            throw new ErreurValidation(champ + ".fonction", "La fonction est obligatoire (par exemple « Maire »).");
        }
        Saisie.verifierTexte(champ + ".fonction", "Fonction", m.fonction(), Limites.TITRE);
        for (var date : new Object[][] {{".debut", m.debut()}, {".fin", m.fin()}}) {
            LocalDate jour = (LocalDate) date[1];
            if (jour != null && (jour.getYear() < 1900 || jour.getYear() > Limites.ANNEE_MAX)) {
                throw new ErreurValidation(champ + date[0], "Date de mandat hors des années acceptées (1900 à " + Limites.ANNEE_MAX + ").");
            }
        }
        if (m.debut() != null && m.fin() != null && m.fin().isBefore(m.debut())) {
            throw new ErreurValidation(champ + ".fin", "La fin du mandat précède son début.");
        }
        return new SaisiePersonne.SaisieMandat(m.id(), organisation.id(), m.fonction().strip(), m.debut(), m.fin());
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
