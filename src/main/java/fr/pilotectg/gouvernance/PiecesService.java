package fr.pilotectg.gouvernance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.VueConvention;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.ErreurValidation.Erreur;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of a convention (signed convention, délibérations, minutes, any document), kept in the database with
 * their SHA-256. The type comes from the bytes ({@link DetectionDeType}) and must be allowed and agree with the
 * file name's extension (a PNG named {@code .pdf} is refused). Read and downloaded by the convention's readers —
 * a porteur only those of the meetings about its fiches ({@link ReunionsService#reunionsDesFichesDe}) and of its own
 * organisation's délibérations —, added and
 * deleted by its managers; every write is journalled ({@code objet_type = 'piece'}).
 */
@Service
public class PiecesService {

    private final PiecesRepository repository;
    private final ReunionsRepository reunions;
    private final ReunionsService reunionsService;
    private final ConventionService conventions;
    private final DetectionDeType detection;
    private final Journal journal;
    private final DataSize tailleMax;

    PiecesService(PiecesRepository repository, ReunionsRepository reunions, ReunionsService reunionsService,
                  ConventionService conventions, DetectionDeType detection,
                  Journal journal, @Value("${pilote.pieces.taille-max:20MB}") DataSize tailleMax,
                  @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize plafondMultipart) {
        if (tailleMax.toBytes() <= 0 || tailleMax.compareTo(plafondMultipart) > 0) {
            throw new IllegalStateException("pilote.pieces.taille-max (" + tailleMax + ") doit être positive et au plus égale à "
                    + "spring.servlet.multipart.max-file-size (" + plafondMultipart + ") : sinon Tomcat refuse le fichier avant l'application.");
        }
        this.repository = repository;
        this.reunions = reunions;
        this.reunionsService = reunionsService;
        this.conventions = conventions;
        this.detection = detection;
        this.journal = journal;
        this.tailleMax = tailleMax;
    }

    /** "20 Mo": the configured limit as shown to users. */
    public String tailleMaxAffichee() {
        return TypeDePiece.taille(tailleMax.toBytes());
    }

    public long tailleMaxOctets() {
        return tailleMax.toBytes();
    }

    /** The pieces of a convention the current user may read, the most recent first. */
    public List<Piece> pieces(long conventionId) {
        conventions.convention(conventionId);
        Predicate<Piece> visible = visibles(conventionId);
        return repository.pieces(conventionId).stream().filter(visible).toList();
    }

    /** The pieces attached to one meeting. */
    public List<Piece> piecesDeReunion(long conventionId, long reunionId) {
        return pieces(conventionId).stream().filter(p -> Long.valueOf(reunionId).equals(p.reunionId())).toList();
    }

    /** A piece's description, if the current user may read its convention (else 403; unknown piece 404). */
    public Piece piece(long id) {
        Piece piece = repository.piece(id).orElseThrow(() -> new Introuvable("Pièce " + id + " introuvable."));
        conventions.convention(piece.conventionId());
        if (!visibles(piece.conventionId()).test(piece)) {
            throw new AccesRefuse("Cette pièce jointe ne concerne pas vos fiches : un porteur ne voit que les pièces des "
                    + "réunions qui portent sur ses fiches et celles des délibérations de son organisation.");
        }
        return piece;
    }

    /**
     * Which pieces of a convention the current user (who reads it) sees: all of them, except for a porteur, who sees
     * only those attached to a meeting about one of its fiches or to its own organisation's délibération — never more
     * than its reading right of the convention.
     */
    private Predicate<Piece> visibles(long conventionId) {
        UtilisateurConnecte moi = UtilisateurConnecte.courant();
        if (moi.role() != Role.PORTEUR) {
            return p -> true;
        }
        Set<Long> siennes = moi.organisationId() == null ? Set.of() : reunionsService.reunionsDesFichesDe(conventionId, moi.organisationId());
        Long organisation = moi.organisationId();
        return p -> p.reunionId() != null && siennes.contains(p.reunionId())
                || organisation != null && organisation.equals(p.deliberationOrganisationId());
    }

    /** A piece and its bytes, for a download. */
    public record Fichier(Piece piece, byte[] contenu) {
    }

    public Fichier fichier(long id) {
        Piece piece = piece(id);
        return new Fichier(piece, repository.contenu(id));
    }

    /** The current user may add or delete pieces of this convention. */
    public boolean modifiable(long conventionId) {
        return conventions.vue(conventionId).modifiable();
    }

    @Transactional
    public Piece ajouter(long conventionId, SaisiePiece saisie) {
        VueConvention vue = modifiable(conventionId, "ajouter");
        List<Erreur> erreurs = new ArrayList<>();
        String nom = nomFichier(saisie.nomFichier());
        byte[] contenu = saisie.contenu();
        TypeDePiece type = null;
        if (contenu == null) {
            erreurs.add(new Erreur("fichier", "Le fichier est obligatoire : choisissez le document à joindre."));
        } else if (contenu.length == 0) {
            erreurs.add(new Erreur("fichier", "Le fichier « " + Saisie.tronquer(nom) + " » est vide."));
        } else if (contenu.length > tailleMax.toBytes()) {
            erreurs.add(new Erreur("fichier", "Le fichier « " + Saisie.tronquer(nom) + " » fait " + TypeDePiece.taille(contenu.length)
                    + " : la taille maximale d'une pièce jointe est " + tailleMaxAffichee() + "."));
        } else if (Saisie.probleme(nom, 255) != null) {
            erreurs.add(new Erreur("fichier", "Le nom du fichier " + Saisie.probleme(nom, 255)));
        } else {
            DetectionDeType.Resultat resultat = detection.detecter(contenu);
            type = resultat.type();
            if (type == null) {
                erreurs.add(new Erreur("fichier", "Le fichier « " + Saisie.tronquer(nom) + " » n'est pas d'un type accepté (type reconnu : "
                        + resultat.vu() + ") : les pièces jointes sont des fichiers " + TypeDePiece.LISTE + "."));
            } else if (!type.accepteLeNom(nom)) {
                erreurs.add(new Erreur("fichier", "Le fichier « " + Saisie.tronquer(nom) + " » est en réalité un(e) " + type.description()
                        + " : son nom doit se terminer par ." + String.join(" ou .", type.extensions())
                        + ". Renommez-le ou choisissez le bon fichier."));
                type = null;
            }
        }
        CategoriePiece categorie = null;
        String saisieCategorie = texte(saisie.categorie());
        if (saisieCategorie == null) {
            erreurs.add(new Erreur("categorie", "La catégorie est obligatoire : " + categories() + "."));
        } else {
            try {
                categorie = CategoriePiece.valueOf(saisieCategorie.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                erreurs.add(new Erreur("categorie", "Catégorie « " + Saisie.tronquer(saisieCategorie) + " » inconnue : " + categories() + "."));
            }
        }
        String libelle = texte(saisie.libelle());
        String probleme = Saisie.probleme(libelle, Limites.TITRE);
        if (probleme != null) {
            erreurs.add(new Erreur("libelle", "Le libellé " + probleme));
        }
        LocalDate date = null;
        try {
            date = Saisie.date("dateDocument", "La date du document", saisie.dateDocument());
            Saisie.verifierAnnee("dateDocument", "La date du document", date);
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
        }
        Long reunionId = identifiant(erreurs, "reunionId", "La réunion", saisie.reunionId());
        if (reunionId != null && reunions.reunion(conventionId, reunionId).isEmpty()) {
            erreurs.add(new Erreur("reunionId", "La réunion n° " + reunionId + " n'appartient pas à cette convention."));
        }
        Long deliberation = identifiant(erreurs, "deliberationOrganisationId", "La délibération", saisie.deliberationOrganisationId());
        if (deliberation != null && vue.deliberations().stream().noneMatch(d -> d.deliberation().organisationId() == deliberation)) {
            erreurs.add(new Erreur("deliberationOrganisationId", "L'organisation n° " + deliberation
                    + " n'a pas de délibération enregistrée pour cette convention (page des parties)."));
        }
        if (deliberation != null && categorie != null && categorie != CategoriePiece.DELIBERATION) {
            erreurs.add(new Erreur("categorie", "Une pièce rattachée à une délibération est de la catégorie DELIBERATION."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        String sha256 = sha256(contenu);
        Piece piece = new Piece(0, conventionId, nom, libelle, type.typeMedia(), contenu.length, sha256, categorie, date, reunionId,
                deliberation, UtilisateurConnecte.identifiantCourantOuSysteme(), null);
        long id = repository.inserer(piece, contenu);
        Piece enregistree = repository.piece(id).orElseThrow();
        journal.enregistrer("piece", id, conventionId, "ajout de la pièce « " + nom + " » (" + categorie.libelle() + ")",
                Changement.entre(Map.of(), resume(enregistree)));
        return enregistree;
    }

    @Transactional
    public void supprimer(long id) {
        Piece piece = repository.piece(id).orElseThrow(() -> new Introuvable("Pièce " + id + " introuvable."));
        modifiable(piece.conventionId(), "supprimer");
        if (!repository.supprimer(id)) {
            throw new Introuvable("Pièce " + id + " introuvable.");
        }
        journal.enregistrer("piece", id, piece.conventionId(), "suppression de la pièce « " + piece.nomFichier() + " »",
                Changement.entre(resume(piece), Map.of()));
    }

    private VueConvention modifiable(long conventionId, String verbe) {
        VueConvention vue = conventions.vue(conventionId);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les pièces jointes de cette convention mais pas en " + verbe + ".");
        }
        return vue;
    }

    private static Long identifiant(List<Erreur> erreurs, String champ, String libelle, String saisie) {
        String t = texte(saisie);
        if (t == null) {
            return null;
        }
        try {
            long valeur = Long.parseLong(t);
            if (valeur > 0) {
                return valeur;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        erreurs.add(new Erreur(champ, libelle + " : « " + Saisie.tronquer(t) + " » n'est pas un identifiant."));
        return null;
    }

    /** The name as sent, without any folder a browser may prefix, without characters a file system refuses. */
    static String nomFichier(String nom) {
        if (nom == null || nom.isBlank()) {
            return "document";
        }
        String court = nom.substring(Math.max(nom.lastIndexOf('/'), nom.lastIndexOf('\\')) + 1);
        String propre = court.replaceAll("[:*?\"<>|]", " ").replaceAll("[ \\t]+", " ").strip();
        return propre.isEmpty() ? "document" : propre;
    }

    private static String categories() {
        return String.join(", ", java.util.Arrays.stream(CategoriePiece.values()).map(Enum::name).toList());
    }

    private static String texte(String saisie) {
        return saisie == null || saisie.isBlank() ? null : saisie.strip();
    }

    static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> resume(Piece p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Fichier", p.nomFichier());
        r.put("Catégorie", p.categorie().libelle());
        r.put("Type", p.format());
        r.put("Taille", p.tailleAffichee());
        r.put("SHA-256", p.sha256());
        if (p.libelle() != null) {
            r.put("Libellé", p.libelle());
        }
        if (p.dateDocument() != null) {
            r.put("Date du document", FormatFr.date(p.dateDocument()));
        }
        return r;
    }
}
