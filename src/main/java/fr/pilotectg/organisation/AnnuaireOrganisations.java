package fr.pilotectg.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurAvecCandidats;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.territoire.NameNormalizer;
import fr.pilotectg.territoire.TerritoireService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of organisations (ADR 0007): list and search with the normalised matcher, create, edit with
 * optimistic locking, merge two duplicates, deactivate; and the resolution of a name as a document prints it.
 */
@Service
public class AnnuaireOrganisations {

    /** Sorts offered by the list, each a fixed SQL expression (never the user's text). */
    public static final Map<String, String> TRIS = Map.of(
            "nom", "o.nom_normalise", "type", "o.type, o.nom_normalise", "departement", "o.code_departement, o.nom_normalise",
            "siren", "o.siren NULLS LAST, o.nom_normalise");
    public static final int TAILLE_PAGE = 20;
    public static final int CANDIDATS_MAX = 50;

    /** "Communauté de communes du Bassin d'Aubenas (CCBA)": the name, then the acronym in brackets. */
    private static final Pattern SIGLE_FINAL = Pattern.compile("^(.*\\S)\\s*\\(([^()]{2,20})\\)\\s*$");
    private static final int ALIASES_MAX = 30;

    private final AnnuaireRepository repository;
    private final FusionRepository fusions;
    private final TerritoireService territoires;
    private final Journal journal;

    AnnuaireOrganisations(AnnuaireRepository repository, FusionRepository fusions, TerritoireService territoires,
                          Journal journal) {
        this.repository = repository;
        this.fusions = fusions;
        this.territoires = territoires;
        this.journal = journal;
    }

    public PageAnnuaire<FicheOrganisation> liste(String q, TypeOrganisation type, boolean inactives, String tri, int page) {
        DroitsOrganisations.verifierConsultation(UtilisateurConnecte.courant());
        String cle = NameNormalizer.normaliserEpci(q);
        int numero = PageAnnuaire.borner(page);
        String ordre = TRIS.getOrDefault(tri == null ? "nom" : tri, TRIS.get("nom"));
        return new PageAnnuaire<>(repository.page(cle, type, inactives, ordre, TAILLE_PAGE, (numero - 1) * TAILLE_PAGE),
                repository.nombre(cle, type, inactives), numero, TAILLE_PAGE);
    }

    public FicheOrganisation fiche(long id) {
        return repository.fiche(id).orElseThrow(() -> new Introuvable("Organisation " + id + " introuvable."));
    }

    /**
     * Active organisations a typed name may designate, best first: same normalised name, alias, sigle or SIREN
     * (score 1), then names containing it or close to it. Anyone signed in may search (forms of every role use it).
     */
    public List<Candidat> candidats(String q, TypeOrganisation type, int limite) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        Saisie.verifierTexte("q", "Recherche", q, Limites.TITRE);
        String texte = q.strip();
        String sigle = null;
        Matcher m = SIGLE_FINAL.matcher(texte);
        if (m.matches()) {
            texte = m.group(1);
            sigle = m.group(2);
        }
        String cle = NameNormalizer.normaliserEpci(texte);
        if (cle.isEmpty()) {
            return List.of();
        }
        return repository.candidats(cle, sigle, type, Math.min(Math.max(1, limite), CANDIDATS_MAX));
    }

    /**
     * The one organisation a printed name designates (exactly one candidate of score 1), or a 400 listing the
     * closest candidates for the user to choose from.
     */
    public Organisation resoudre(String champ, String nomImprime) {
        if (nomImprime == null || nomImprime.isBlank()) {
            throw new ErreurValidation(champ, "Indiquez le nom de l'organisation, ou choisissez-la dans la liste des candidates.");
        }
        List<Candidat> candidats = candidats(nomImprime, null, 8);
        List<Candidat> exacts = candidats.stream().filter(Candidat::exact).toList();
        if (exacts.size() == 1) {
            return exacts.get(0).organisation();
        }
        String quoi = "« " + Saisie.tronquer(nomImprime.strip()) + " »";
        if (exacts.size() > 1) {
            throw new ErreurAvecCandidats(champ, quoi + " désigne plusieurs organisations : choisissez la bonne dans la liste "
                    + "des candidates (" + descriptions(exacts) + ").", exacts.stream().map(CandidatJson::de).toList());
        }
        throw new ErreurAvecCandidats(champ, quoi + " ne correspond à aucune organisation du référentiel. "
                + (candidats.isEmpty() ? "Aucune organisation proche : créez-la dans « Organisations » puis ajoutez-la."
                : "Les plus proches sont listées : choisissez-en une (" + descriptions(candidats) + ")."),
                candidats.stream().map(CandidatJson::de).toList());
    }

    private static String descriptions(List<Candidat> candidats) {
        return String.join(" ; ", candidats.stream().limit(5).map(Candidat::description).toList());
    }

    /** A candidate as the API and the error bodies show it. */
    public record CandidatJson(long id, String nom, String sigle, TypeOrganisation type, String typeLibelle,
                               String codeDepartement, String siren, double score, String correspondance)
            implements java.io.Serializable {
        public static CandidatJson de(Candidat c) {
            Organisation o = c.organisation();
            return new CandidatJson(o.id(), o.nom(), o.sigle(), o.type(), o.type().libelle(), o.codeDepartement(), o.siren(),
                    c.score(), c.correspondance());
        }
    }

    @Transactional
    public FicheOrganisation creer(SaisieOrganisation saisie) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        SaisieOrganisation propre = verifier(saisie, null);
        long id = repository.inserer(propre);
        repository.remplacerAliases(id, propre.aliases());
        FicheOrganisation creee = fiche(id);
        journal.enregistrer("organisation", id, null, "création", Changement.entre(Map.of(), resume(creee)));
        return creee;
    }

    @Transactional
    public FicheOrganisation modifier(long id, int version, SaisieOrganisation saisie) {
        DroitsOrganisations.verifierGestion(UtilisateurConnecte.courant());
        FicheOrganisation avant = fiche(id);
        SaisieOrganisation propre = verifier(saisie, id);
        if (avant.type() == TypeOrganisation.COMMUNE && propre.type() != TypeOrganisation.COMMUNE) {
            throw new ErreurValidation("type", "Une commune du référentiel reste une commune.");
        }
        if (!repository.modifier(id, version, propre)) {
            throw conflit();
        }
        repository.remplacerAliases(id, propre.aliases());
        FicheOrganisation apres = fiche(id);
        journal.enregistrer("organisation", id, null, "modification", Changement.entre(resume(avant), resume(apres)));
        return apres;
    }

    /** Deactivated: hidden from pickers and searches, kept with every reference to it. */
    @Transactional
    public FicheOrganisation desactiver(long id, int version) {
        DroitsOrganisations.verifierAdministration(UtilisateurConnecte.courant());
        FicheOrganisation avant = fiche(id);
        if (!avant.actif()) {
            throw new ErreurValidation("id", avant.nom() + " est déjà désactivée.");
        }
        if (!repository.changerActif(id, version, false, null)) {
            throw conflit();
        }
        journal.enregistrer("organisation", id, null, "désactivation", List.of(new Changement("Active", "oui", "non")));
        return fiche(id);
    }

    @Transactional
    public FicheOrganisation reactiver(long id, int version) {
        DroitsOrganisations.verifierAdministration(UtilisateurConnecte.courant());
        FicheOrganisation avant = fiche(id);
        if (avant.fusionneeDans() != null) {
            throw new ErreurValidation("id", avant.nom() + " a été fusionnée dans une autre organisation : elle ne se réactive pas.");
        }
        if (!repository.changerActif(id, version, true, null)) {
            throw conflit();
        }
        journal.enregistrer("organisation", id, null, "réactivation", List.of(new Changement("Active", "non", "oui")));
        return fiche(id);
    }

    /**
     * Merges a duplicate into the organisation kept, in one transaction: every reference (parties, representatives'
     * mandates, accounts, deliberations, follow-ups…) moves to the kept one, which takes the duplicate's name, sigle
     * and aliases as aliases; the duplicate stays, deactivated, pointing at it. Both are journalled.
     */
    @Transactional
    public FicheOrganisation fusionner(long doublonId, int versionDoublon, long gardeeId, int versionGardee) {
        DroitsOrganisations.verifierAdministration(UtilisateurConnecte.courant());
        if (doublonId == gardeeId) {
            throw new ErreurValidation("gardeeId", "Choisissez deux organisations différentes à fusionner.");
        }
        FicheOrganisation doublon = fiche(doublonId);
        FicheOrganisation gardee = fiche(gardeeId);
        if (!gardee.actif()) {
            throw new ErreurValidation("gardeeId", gardee.nom() + " est désactivée : fusionnez dans une organisation active.");
        }
        if (!doublon.actif()) {
            throw new ErreurValidation("doublonId", doublon.nom() + " est déjà désactivée ou fusionnée.");
        }
        if (doublon.version() != versionDoublon || gardee.version() != versionGardee) {
            throw conflit();
        }
        Map<String, Integer> deplacees;
        try {
            deplacees = fusions.deplacer(doublonId, gardeeId);
        } catch (DuplicateKeyException e) {
            throw new ErreurValidation("doublonId", doublon.nom() + " et " + gardee.nom() + " figurent toutes deux au même "
                    + "endroit (par exemple parties de la même convention) : retirez le doublon de cette convention, puis fusionnez.");
        }
        fusions.reprendreAliases(doublonId, gardeeId);
        repository.ajouterAlias(gardeeId, doublon.nom());
        if (doublon.sigle() != null) {
            repository.ajouterAlias(gardeeId, doublon.sigle());
        }
        if (!repository.changerActif(doublonId, versionDoublon, false, gardeeId)
                || !repository.changerActif(gardeeId, versionGardee, true, null)) {
            throw conflit();
        }
        String resume = deplacees.isEmpty() ? "aucune référence" : deplacees.toString();
        journal.enregistrer("organisation", doublonId, null, "fusion", List.of(
                new Changement("Fusionnée dans", null, gardee.nom() + " (n° " + gardeeId + ")"),
                new Changement("Références déplacées", null, resume)));
        journal.enregistrer("organisation", gardeeId, null, "fusion", List.of(
                new Changement("Doublon absorbé", null, doublon.nom() + " (n° " + doublonId + ")"),
                new Changement("Références reprises", null, resume)));
        return fiche(gardeeId);
    }

    private SaisieOrganisation verifier(SaisieOrganisation s, Long id) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (s == null) {
            throw new ErreurValidation("nom", "Le nom de l'organisation est obligatoire.");
        }
        String nom = texte(s.nom());
        if (nom == null) {
            erreurs.add(new ErreurValidation.Erreur("nom", "Le nom de l'organisation est obligatoire."));
        }
        if (s.type() == null) {
            erreurs.add(new ErreurValidation.Erreur("type", "Choisissez le type d'organisation."));
        }
        String siren = null;
        try {
            siren = Siren.verifier("siren", s.siren());
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
        }
        String departement = texte(s.codeDepartement());
        if (departement != null) {
            departement = departement.toUpperCase();
            if (territoires.departement(departement).isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur("codeDepartement", "Département inconnu : « "
                        + Saisie.tronquer(departement) + " » (code à 2 ou 3 caractères, par exemple 07, 2A ou 974)."));
            }
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : s.aliases() == null ? List.<String>of() : s.aliases()) {
            String propre = texte(alias);
            if (propre != null && aliases.stream().noneMatch(a -> a.equalsIgnoreCase(propre)) && !propre.equalsIgnoreCase(nom)) {
                Saisie.verifierTexte("aliases", "Autre nom", propre, Limites.TITRE);
                aliases.add(propre);
            }
        }
        if (aliases.size() > ALIASES_MAX) {
            erreurs.add(new ErreurValidation.Erreur("aliases", "Au plus " + ALIASES_MAX + " autres noms par organisation."));
        }
        Saisie.verifierTexte("nom", "Nom", nom, Limites.TITRE);
        Saisie.verifierTexte("sigle", "Sigle", s.sigle(), Limites.TITRE);
        Saisie.verifierTexte("adresse", "Adresse", s.adresse(), Limites.TEXTE);
        if (siren != null && s.type() != null) {
            var autre = repository.memeSiren(siren, s.type(), id);
            if (autre.isPresent()) {
                erreurs.add(new ErreurValidation.Erreur("siren", "Le SIREN " + siren + " est déjà celui de « " + autre.get().nom()
                        + " » (n° " + autre.get().id() + ") : modifiez-la plutôt, ou fusionnez les deux."));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new SaisieOrganisation(s.type(), nom, texte(s.sigle()), siren, departement, texte(s.adresse()), aliases);
    }

    private static Map<String, Object> resume(FicheOrganisation o) {
        Map<String, Object> valeurs = new LinkedHashMap<>();
        valeurs.put("Nom", o.nom());
        valeurs.put("Type", o.type().libelle());
        valeurs.put("Sigle", o.sigle());
        valeurs.put("SIREN", o.siren());
        valeurs.put("Département", o.codeDepartement());
        valeurs.put("Adresse", o.adresse());
        valeurs.put("Autres noms", o.aliases().isEmpty() ? null : String.join(" ; ", o.aliases()));
        valeurs.values().removeIf(Objects::isNull);
        return valeurs;
    }

    private static ConflitDeModification conflit() {
        return new ConflitDeModification("Cette organisation a été modifiée par quelqu'un d'autre entre-temps : "
                + "rechargez la page pour voir ses valeurs actuelles, puis refaites votre modification.");
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
