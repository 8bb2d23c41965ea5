package fr.pilotectg.gouvernance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An attachment of a convention, without its bytes (read separately when downloaded). */
public record Piece(long id, long conventionId, String nomFichier, String libelle, String typeMedia, long taille, String sha256,
                    CategoriePiece categorie, LocalDate dateDocument, Long reunionId, Long deliberationOrganisationId,
                    String auteur, OffsetDateTime creeLe) {

    /** The label if one was given, else the file name. */
    public String titre() {
        return libelle == null ? nomFichier : libelle;
    }

    /** "1,2 Mo", "34 ko", "512 octets". */
    public String tailleAffichee() {
        return TypeDePiece.taille(taille);
    }

    /** The short name of the detected type: PDF, DOCX, PNG… */
    public String format() {
        TypeDePiece type = TypeDePiece.deTypeMedia(typeMedia);
        return type == null ? typeMedia : type.name();
    }
}
