package fr.pilotectg.convention;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The convention aggregate (DOMAIN §4.3). Immutable: every change returns a new convention, after
 * checking the rules that keep it consistent.
 */
@Table("convention")
public record Convention(
        @Id Long id,
        @Version Integer version,
        String titre,
        long cafId,
        String territoireSiren,
        String territoireNom,
        String codeDepartement,
        @Embedded.Empty Periode periode,
        @Embedded.Empty(prefix = "signature_") Signature signature,
        StatutConvention statut,
        boolean tientLieuSchemaAo,
        @MappedCollection(idColumn = "convention_id", keyColumn = "position") List<Partie> parties,
        @MappedCollection(idColumn = "convention_id", keyColumn = "position") List<Representant> representants,
        @MappedCollection(idColumn = "convention_id", keyColumn = "position") List<Visa> visas,
        @MappedCollection(idColumn = "convention_id", keyColumn = "position") List<Deliberation> deliberations,
        @MappedCollection(idColumn = "convention_id") Set<CommuneDuTerritoire> communes,
        @MappedCollection(idColumn = "convention_id", keyColumn = "position") List<ChangementStatut> historique) {

    public Convention {
        if (titre == null || titre.isBlank()) {
            throw new ErreurValidation("titre", "Le titre de la convention est obligatoire.");
        }
        periode = periode == null ? Periode.INCONNUE : periode;
        signature = signature == null ? Signature.AUCUNE : signature;
        parties = List.copyOf(parties == null ? List.of() : parties);
        representants = List.copyOf(representants == null ? List.of() : representants);
        visas = List.copyOf(visas == null ? List.of() : visas);
        deliberations = List.copyOf(deliberations == null ? List.of() : deliberations);
        communes = Set.copyOf(communes == null ? Set.of() : communes);
        historique = List.copyOf(historique == null ? List.of() : historique);
    }

    public static Convention nouvelle(String titre, long cafId, String territoireSiren, String territoireNom,
                                      String codeDepartement, Periode periode, String auteur, OffsetDateTime le) {
        return new Convention(null, null, titre.trim(), cafId, territoireSiren, territoireNom, codeDepartement, periode,
                Signature.AUCUNE, StatutConvention.PREPARATION, false, List.of(), List.of(), List.of(), List.of(),
                Set.of(), List.of(new ChangementStatut(null, StatutConvention.PREPARATION, auteur, le, "Création")));
    }

    public Convention avecInformations(String nouveauTitre, Periode nouvellePeriode, Signature nouvelleSignature,
                                       List<Visa> nouveauxVisas, boolean tientLieuSchema) {
        return new Convention(id, version, nouveauTitre, cafId, territoireSiren, territoireNom, codeDepartement,
                nouvellePeriode, nouvelleSignature, statut, tientLieuSchema, parties, representants, nouveauxVisas,
                deliberations, communes, historique);
    }

    public Convention avecPartie(long organisationId, RolePartie role, String nomOrganisation) {
        return avecPartie(organisationId, role, nomOrganisation, null);
    }

    /** As {@link #avecPartie(long, RolePartie, String)}, keeping the name the document prints for it. */
    public Convention avecPartie(long organisationId, RolePartie role, String nomOrganisation, String nomImprime) {
        if (role == null) {
            throw new ErreurValidation("role", "Choisissez le rôle de la partie : signataire ou associée.");
        }
        if (estPartie(organisationId)) {
            throw new ErreurValidation("organisationId", nomOrganisation + " est déjà partie à cette convention.");
        }
        List<Partie> nouvelles = new ArrayList<>(parties);
        nouvelles.add(new Partie(organisationId, role,
                nomImprime == null || nomImprime.isBlank() || nomImprime.strip().equals(nomOrganisation) ? null : nomImprime.strip()));
        return avecParties(nouvelles, representants);
    }

    public Convention sansPartie(long organisationId, String nomOrganisation) {
        if (!estPartie(organisationId)) {
            throw new ErreurValidation("organisationId", nomOrganisation + " n'est pas partie à cette convention.");
        }
        if (organisationId == cafId) {
            throw new ErreurValidation("organisationId", "La Caf de la convention ne peut pas en être retirée.");
        }
        return avecParties(
                parties.stream().filter(p -> p.organisationId() != organisationId).toList(),
                representants.stream().filter(r -> r.organisationId() != organisationId).toList());
    }

    /** The mandate must belong to the party it represents. */
    public Convention avecRepresentant(Mandat mandat, long organisationRepresentee, String nomOrganisation) {
        if (!estPartie(organisationRepresentee)) {
            throw new ErreurValidation("organisationId", nomOrganisation + " n'est pas partie à cette convention.");
        }
        if (mandat.organisationId() != organisationRepresentee) {
            // Says nothing of the mandate: it may be the mandate of a person of a convention the user may not read.
            throw new ErreurValidation("mandatId", "Le mandat n° " + mandat.id() + " n'est pas un mandat de " + nomOrganisation
                    + " : choisissez une personne de cette organisation, ou ajoutez-la.");
        }
        if (representants.stream().anyMatch(r -> r.mandatId() == mandat.id())) {
            throw new ErreurValidation("mandatId", mandat.personne().nomComplet() + " représente déjà "
                    + nomOrganisation + " à ce titre.");
        }
        List<Representant> nouveaux = new ArrayList<>(representants);
        nouveaux.add(new Representant(organisationRepresentee, mandat.id()));
        return avecParties(parties, nouveaux);
    }

    public Convention sansRepresentant(long mandatId) {
        return avecParties(parties, representants.stream().filter(r -> r.mandatId() != mandatId).toList());
    }

    public Convention avecDeliberation(Deliberation deliberation) {
        if (!estPartie(deliberation.organisationId())) {
            throw new ErreurValidation("organisationId", "Seule une partie à la convention peut délibérer sur elle.");
        }
        if (deliberation.instance() == null || deliberation.instance().isBlank()) {
            throw new ErreurValidation("instance", "L'instance qui délibère est obligatoire (par exemple « conseil municipal »).");
        }
        List<Deliberation> nouvelles = new ArrayList<>(deliberations);
        nouvelles.add(deliberation);
        return avecDeliberations(nouvelles);
    }

    public Convention sansDeliberation(int index) {
        if (index < 0 || index >= deliberations.size()) {
            throw new ErreurValidation("deliberation", "Cette délibération n'existe plus.");
        }
        List<Deliberation> nouvelles = new ArrayList<>(deliberations);
        nouvelles.remove(index);
        return avecDeliberations(nouvelles);
    }

    public Convention avecCommune(CommuneDuTerritoire commune) {
        if (communes.stream().anyMatch(c -> c.codeInsee().equals(commune.codeInsee()))) {
            throw new ErreurValidation("commune", commune.nom() + " fait déjà partie du territoire de la convention.");
        }
        return avecCommunes(Stream.concat(communes.stream(), Stream.of(commune)).collect(Collectors.toSet()));
    }

    public Convention sansCommune(String codeInsee) {
        return avecCommunes(communes.stream().filter(c -> !c.codeInsee().equals(codeInsee)).collect(Collectors.toSet()));
    }

    public Convention avecCommunes(Set<CommuneDuTerritoire> nouvelles) {
        return new Convention(id, version, titre, cafId, territoireSiren, territoireNom, codeDepartement, periode,
                signature, statut, tientLieuSchemaAo, parties, representants, visas, deliberations, nouvelles, historique);
    }

    /** Only the transitions of the lifecycle; signing needs what a signed convention must show. */
    public Convention avecStatut(StatutConvention vers, String auteur, OffsetDateTime le, String commentaire) {
        if (vers == null) {
            throw new ErreurValidation("statut", "Choisissez le nouveau statut.");
        }
        if (!statut.peutPasserA(vers)) {
            throw new ErreurValidation("statut", "Passage interdit du statut « " + statut.libelle() + " » au statut « "
                    + vers.libelle() + " ». Statuts possibles : " + libelles(statut.suivantsPermis()) + ".");
        }
        if (vers == StatutConvention.SIGNEE) {
            List<String> bloquants = Manques.bloquantsPourSignature(this);
            if (!bloquants.isEmpty()) {
                throw new ErreurValidation("statut", "Signature impossible : " + String.join(" ; ", bloquants) + ".");
            }
        }
        List<ChangementStatut> suite = new ArrayList<>(historique);
        suite.add(new ChangementStatut(statut, vers, auteur, le, commentaire == null || commentaire.isBlank() ? null : commentaire.trim()));
        return new Convention(id, version, titre, cafId, territoireSiren, territoireNom, codeDepartement, periode,
                signature, vers, tientLieuSchemaAo, parties, representants, visas, deliberations, communes, suite);
    }

    /**
     * The end of a convention in force: expiry ("échue") after its end date, or the effect of a résiliation. Not a
     * transition a user chooses: only a convention signed and not yet ended may end.
     */
    public Convention terminee(StatutConvention vers, String auteur, OffsetDateTime le, String commentaire) {
        if (vers != StatutConvention.ECHUE && vers != StatutConvention.RESILIEE) {
            throw new IllegalArgumentException("Fin de convention : " + vers);
        }
        if (!statut.estEnCours()) {
            throw new ErreurValidation("statut", "La convention est au statut « " + statut.libelle()
                    + " » : seule une convention signée et pas encore terminée peut être " + (vers == StatutConvention.ECHUE ? "échue." : "résiliée."));
        }
        List<ChangementStatut> suite = new ArrayList<>(historique);
        suite.add(new ChangementStatut(statut, vers, auteur, le, commentaire));
        return new Convention(id, version, titre, cafId, territoireSiren, territoireNom, codeDepartement, periode,
                signature, vers, tientLieuSchemaAo, parties, representants, visas, deliberations, communes, suite);
    }

    public boolean estPartie(long organisationId) {
        return parties.stream().anyMatch(p -> p.organisationId() == organisationId);
    }

    public List<Representant> representantsDe(long organisationId) {
        return representants.stream().filter(r -> r.organisationId() == organisationId).toList();
    }

    public List<CommuneDuTerritoire> communesTriees() {
        return communes.stream().sorted(Comparator.comparing(CommuneDuTerritoire::nom)).toList();
    }

    private Convention avecParties(List<Partie> nouvellesParties, List<Representant> nouveauxRepresentants) {
        return new Convention(id, version, titre, cafId, territoireSiren, territoireNom, codeDepartement, periode,
                signature, statut, tientLieuSchemaAo, nouvellesParties, nouveauxRepresentants, visas, deliberations,
                communes, historique);
    }

    private Convention avecDeliberations(List<Deliberation> nouvelles) {
        return new Convention(id, version, titre, cafId, territoireSiren, territoireNom, codeDepartement, periode,
                signature, statut, tientLieuSchemaAo, parties, representants, visas, nouvelles, communes, historique);
    }

    private static String libelles(Set<StatutConvention> statuts) {
        if (statuts.isEmpty()) {
            return "aucun (statut final)";
        }
        return statuts.stream().map(s -> "« " + s.libelle() + " »").collect(Collectors.joining(", "));
    }
}
