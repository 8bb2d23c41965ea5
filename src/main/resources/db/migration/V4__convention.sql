-- The convention aggregate (Spring Data JDBC): root, parties, representatives, visas,
-- délibérations, communes of the territory, status history; plus per-user habilitations.
CREATE TABLE convention (
    id                   BIGSERIAL PRIMARY KEY,
    version              INTEGER NOT NULL DEFAULT 0,
    titre                TEXT    NOT NULL,
    caf_id               BIGINT  NOT NULL REFERENCES organisation (id),
    territoire_siren     TEXT,
    territoire_nom       TEXT,
    code_departement     TEXT,
    date_debut           DATE,
    date_fin             DATE,
    duree_annees         INTEGER,
    signature_lieu       TEXT,
    signature_date       DATE,
    signature_nombre_originaux INTEGER,
    statut               TEXT    NOT NULL,
    tient_lieu_schema_ao BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT convention_periode CHECK (date_fin IS NULL OR date_debut IS NULL OR date_fin > date_debut)
);
CREATE INDEX convention_caf ON convention (caf_id);

CREATE TABLE convention_partie (
    convention_id   BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id BIGINT  NOT NULL REFERENCES organisation (id),
    role            TEXT    NOT NULL,
    PRIMARY KEY (convention_id, position),
    UNIQUE (convention_id, organisation_id)
);
CREATE INDEX convention_partie_organisation ON convention_partie (organisation_id);

CREATE TABLE convention_representant (
    convention_id   BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id BIGINT  NOT NULL REFERENCES organisation (id),
    mandat_id       BIGINT  NOT NULL REFERENCES mandat (id),
    PRIMARY KEY (convention_id, position),
    UNIQUE (convention_id, mandat_id)
);

CREATE TABLE convention_visa (
    convention_id BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    texte         TEXT    NOT NULL,
    PRIMARY KEY (convention_id, position)
);

CREATE TABLE convention_deliberation (
    convention_id   BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id BIGINT  NOT NULL REFERENCES organisation (id),
    instance        TEXT    NOT NULL,
    date_deliberation DATE,
    date_texte      TEXT,
    reference       TEXT,
    PRIMARY KEY (convention_id, position)
);

CREATE TABLE convention_commune (
    convention_id BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    code_insee    TEXT   NOT NULL,
    nom           TEXT   NOT NULL,
    population    INTEGER,
    PRIMARY KEY (convention_id, code_insee)
);
CREATE INDEX convention_commune_nom ON convention_commune (lower(nom));

CREATE TABLE convention_changement_statut (
    convention_id BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    position      INTEGER     NOT NULL,
    de            TEXT,
    vers          TEXT        NOT NULL,
    par           TEXT        NOT NULL,
    le            TIMESTAMPTZ NOT NULL,
    commentaire   TEXT,
    PRIMARY KEY (convention_id, position)
);

-- Organisations involved in a convention other than as parties (porteurs of fiches…), kept by the
-- features that know them; a PORTEUR reads the conventions its organisation is involved in.
CREATE TABLE convention_implication (
    convention_id   BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    source          TEXT   NOT NULL,
    PRIMARY KEY (convention_id, organisation_id, source)
);

CREATE TABLE convention_habilitation (
    convention_id  BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    utilisateur_id BIGINT NOT NULL REFERENCES utilisateur (id) ON DELETE CASCADE,
    PRIMARY KEY (convention_id, utilisateur_id)
);

