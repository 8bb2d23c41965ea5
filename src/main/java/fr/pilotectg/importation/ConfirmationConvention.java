package fr.pilotectg.importation;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.Deliberation;
import fr.pilotectg.convention.InformationsConvention;
import fr.pilotectg.convention.NouveauRepresentant;
import fr.pilotectg.convention.NouvelleConvention;
import fr.pilotectg.convention.Reconduction;
import fr.pilotectg.convention.Representant;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.importation.ConventionTrouvee.DeliberationTrouvee;
import fr.pilotectg.importation.ConventionTrouvee.GenreDePartie;
import fr.pilotectg.importation.ConventionTrouvee.Partie;
import fr.pilotectg.importation.ConventionTrouvee.PeriodeTrouvee;
import fr.pilotectg.importation.ConventionTrouvee.Statut;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.texte.ObjectifsService;
import fr.pilotectg.texte.SaisieObjectif;
import fr.pilotectg.texte.SaisieSection;
import fr.pilotectg.texte.TexteService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the convention of a confirmed draft through the features' public services (which check who may do it
 * and journal it), inside the confirmation's transaction; returns its id. Every party must be resolved to the
 * referential first (the review chooses among the candidates): an unresolved one, a délibération of no party, an
 * objectif conjoint binding no party are refused with a French message naming them, before anything is written.
 */
@Component
public class ConfirmationConvention {

    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final TexteService texte;
    private final ObjectifsService objectifs;

    public ConfirmationConvention(ConventionService conventions, OrganisationService organisations, TexteService texte,
                                  ObjectifsService objectifs) {
        this.conventions = conventions;
        this.organisations = organisations;
        this.texte = texte;
        this.objectifs = objectifs;
    }

    @Transactional
    public long creer(ConventionTrouvee trouvee) {
        verifier(trouvee);
        Partie caf = trouvee.caf();
        Partie epci = trouvee.epci();
        PeriodeTrouvee p = trouvee.periode();
        LocalDate debut = p == null ? null : p.dateDebut();
        LocalDate fin = p == null ? null : (p.dateFin() != null ? p.dateFin() : p.dateFinAuPlusTard());
        Integer duree = p == null || (debut != null && fin != null) ? null : p.dureeAnnees();
        String titre = trouvee.titre() == null || trouvee.titre().valeur() == null || trouvee.titre().valeur().isBlank()
                ? "Convention importée" : trouvee.titre().valeur().strip();
        String nomEpci = epci.resolution().nomReferentiel() != null ? epci.resolution().nomReferentiel() : epci.nomImprime();
        Convention c = conventions.creer(new NouvelleConvention(titre, caf.resolution().organisationId(), nomEpci, debut, fin, duree));
        long id = c.id();
        var s = trouvee.signature();
        Reconduction reconduction = trouvee.reconduction() == null ? null : Reconduction.valueOf(trouvee.reconduction().valeur());
        c = conventions.modifierInformations(id, c.version(), new InformationsConvention(titre, c.periode().dateDebut(),
                c.periode().dateFin(), c.periode().dureeAnnees(), s == null ? null : s.lieu(), s == null ? null : s.date(),
                s == null ? null : s.nombreOriginaux(), trouvee.visas().stream().map(ConventionTrouvee.Visa::texte).toList(), false,
                p == null ? null : libelle(p.libelleImprime()), reconduction, s == null ? null : s.nombreOriginauxTexte()));

        Map<String, Long> organisationDe = new HashMap<>();
        long cafId = caf.resolution().organisationId();
        organisationDe.put(caf.nomImprime(), cafId);
        long epciId = c.parties().stream().mapToLong(fr.pilotectg.convention.Partie::organisationId).filter(o -> o != cafId)
                .findFirst().orElseThrow();
        organisationDe.put(epci.nomImprime(), epciId);
        for (Partie partie : trouvee.parties()) {
            if (partie == caf || partie == epci || organisationDe.containsKey(partie.nomImprime())) {
                continue;
            }
            long organisationId = organisation(partie);
            if (c.estPartie(organisationId)) {
                organisationDe.put(partie.nomImprime(), organisationId);
                continue;
            }
            c = conventions.ajouterPartie(id, c.version(), organisationId, RolePartie.valueOf(partie.role()), partie.nomImprime());
            organisationDe.put(partie.nomImprime(), organisationId);
        }

        Map<String, Long> personneDe = new HashMap<>();
        for (Partie partie : trouvee.parties()) {
            long organisationId = organisationDe.get(partie.nomImprime());
            for (var r : partie.representants()) {
                Long personneId = personneDe.get(r.personne());
                String fonction = r.fonction() == null || r.fonction().isBlank() ? "Représentant" : r.fonction();
                c = conventions.ajouterNouveauRepresentant(id, c.version(), organisationId,
                        new NouveauRepresentant(r.civilite(), r.prenom(), r.nom(), fonction), personneId, true);
                if (personneId == null) {
                    List<Representant> reps = c.representants().stream().filter(x -> x.organisationId() == organisationId).toList();
                    personneDe.put(r.personne(), organisations.mandat(reps.get(reps.size() - 1).mandatId()).personne().id());
                }
            }
        }
        for (DeliberationTrouvee d : trouvee.deliberations()) {
            c = conventions.ajouterDeliberation(id, c.version(), new Deliberation(organisationDe.get(d.partie()),
                    d.instance(), d.date(), d.date() == null ? d.dateTexte() : null, null));
        }
        if (!trouvee.sections().isEmpty()) {
            texte.modifier(id, texte.texte(id).version(), trouvee.sections().stream()
                    .map(x -> new SaisieSection(x.nature(), x.titre(), x.texte())).toList());
        }
        if (!trouvee.objectifsConjoints().isEmpty()) {
            objectifs.modifier(id, objectifs.objectifs(id).version(), trouvee.objectifsConjoints().stream()
                    .map(o -> new SaisieObjectif(o.intitule(), null, o.libelleGroupe(),
                            List.copyOf(new LinkedHashSet<>(o.parties().stream().map(organisationDe::get).toList())), null))
                    .toList());
        }
        return id;
    }

    private static String libelle(String imprime) {
        if (imprime == null) {
            return null;
        }
        String l = imprime.strip();
        return l.length() > 300 ? l.substring(0, 299).strip() + "…" : l;
    }

    private long organisation(Partie partie) {
        var r = partie.resolution();
        if (r.organisationId() != null) {
            return r.organisationId();
        }
        return organisations.communeOuCreer(r.nomReferentiel(), r.codeInsee(), r.departement()).id();
    }

    /** Every element the creation needs, checked before anything is written. */
    static void verifier(ConventionTrouvee t) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (t == null) {
            throw new ErreurValidation("convention", "Le brouillon ne contient aucune convention.");
        }
        if (t.caf() == null || t.caf().resolution() == null || t.caf().resolution().organisationId() == null) {
            erreurs.add(new ErreurValidation.Erreur("caf", "La Caf de la convention n'est pas résolue"
                    + (t.caf() == null ? "" : " (« " + t.caf().nomImprime() + " »)") + " : choisissez-la parmi les candidates."));
        }
        if (t.epci() == null || t.epci().resolution() == null || t.epci().resolution().statut() != Statut.RESOLU) {
            erreurs.add(new ErreurValidation.Erreur("epci", "L'intercommunalité (EPCI) de la convention n'est pas résolue"
                    + (t.epci() == null ? "" : " (« " + t.epci().nomImprime() + " »)") + " : choisissez-la parmi les candidates."));
        }
        List<String> noms = new ArrayList<>();
        for (int i = 0; i < t.parties().size(); i++) {
            Partie p = t.parties().get(i);
            noms.add(p.nomImprime());
            var r = p.resolution();
            boolean resolue = r != null && r.statut() == Statut.RESOLU
                    && (r.organisationId() != null || (p.genre() == GenreDePartie.COMMUNE && r.codeInsee() != null) || p == t.epci());
            if (!resolue) {
                erreurs.add(new ErreurValidation.Erreur("parties[" + i + "]", "La partie « " + p.nomImprime()
                        + " » n'est pas résolue au référentiel"
                        + (r == null || r.candidats().isEmpty() ? "" : " (candidates : " + String.join(", ",
                        r.candidats().stream().limit(5).map(ConventionTrouvee.Candidat::nom).toList()) + ")")
                        + " : choisissez la bonne, ou retirez-la du brouillon."));
            }
            if (!Objects.equals(p.role(), "SIGNATAIRE") && !Objects.equals(p.role(), "ASSOCIEE")) {
                erreurs.add(new ErreurValidation.Erreur("parties[" + i + "].role", "Le rôle de la partie « " + p.nomImprime()
                        + " » doit être SIGNATAIRE ou ASSOCIEE."));
            }
        }
        for (int i = 0; i < t.deliberations().size(); i++) {
            DeliberationTrouvee d = t.deliberations().get(i);
            if (!noms.contains(d.partie())) {
                erreurs.add(new ErreurValidation.Erreur("deliberations[" + i + "]", "La délibération « " + d.instance() + " » de « "
                        + d.partie() + " » ne se rattache à aucune partie : choisissez la partie ou retirez-la."));
            }
        }
        for (int i = 0; i < t.objectifsConjoints().size(); i++) {
            var o = t.objectifsConjoints().get(i);
            if (o.parties().isEmpty() || !noms.containsAll(o.parties())) {
                erreurs.add(new ErreurValidation.Erreur("objectifsConjoints[" + i + "]", "L'objectif conjoint « " + o.intitule()
                        + " » (" + o.libelleGroupe() + ") n'engage aucune partie connue : choisissez les signataires qu'il engage."));
            }
        }
        if (t.reconduction() != null) {
            try {
                Reconduction.valueOf(t.reconduction().valeur());
            } catch (RuntimeException e) {
                erreurs.add(new ErreurValidation.Erreur("reconduction", "Mode de reconduction inconnu : « " + t.reconduction().valeur()
                        + " » (EXPRESSE, TACITE ou AUCUNE)."));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }
}
