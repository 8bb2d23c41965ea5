-- Attachments of a convention (issue 14, item 4): signed convention, délibérations, minutes, any document. Stored in
-- the database (bytea) so that a backup of the database is a backup of everything; the SHA-256 is kept and shown.
CREATE TABLE piece (
    id               BIGSERIAL PRIMARY KEY,
    convention_id    BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    nom_fichier      TEXT        NOT NULL CHECK (length(nom_fichier) BETWEEN 1 AND 255),
    libelle          TEXT        CHECK (length(libelle) <= 300),
    -- detected from the bytes, never taken from the browser: application/pdf, image/png, …
    type_media       TEXT        NOT NULL CHECK (length(type_media) <= 200),
    taille           BIGINT      NOT NULL CHECK (taille > 0),
    sha256           CHAR(64)    NOT NULL,
    contenu          BYTEA       NOT NULL,
    categorie        TEXT        NOT NULL CHECK (categorie IN ('CONVENTION_SIGNEE', 'DELIBERATION', 'COMPTE_RENDU', 'AUTRE')),
    -- the date the document carries (a délibération's vote), as entered
    date_document    DATE,
    -- what the piece belongs to, besides the convention: a meeting (the piece stays with the convention when the
    -- meeting is deleted), or the délibération of one organisation
    reunion_id       BIGINT      REFERENCES gouvernance_reunion (id) ON DELETE SET NULL,
    deliberation_organisation_id BIGINT REFERENCES organisation (id),
    auteur           TEXT        NOT NULL,
    cree_le          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX piece_convention ON piece (convention_id, cree_le);
CREATE INDEX piece_reunion ON piece (reunion_id) WHERE reunion_id IS NOT NULL;
