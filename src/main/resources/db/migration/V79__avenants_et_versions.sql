-- Avenants and versions of a convention (issue 14 items 5 and 7, ADR 0025).
-- version_contractuelle: number of the version in force (0 = no signed version established yet: the contractual parts
-- stay editable, e.g. a convention recorded after its signature while its content is being typed in).
ALTER TABLE convention ADD COLUMN version_contractuelle INT NOT NULL DEFAULT 0;
-- The convention this one renews (chain of the CTG of a territory).
ALTER TABLE convention ADD COLUMN predecesseur_id BIGINT REFERENCES convention (id) ON DELETE SET NULL;
CREATE INDEX convention_predecesseur ON convention (predecesseur_id);
-- A fiche carried over from the previous CTG.
ALTER TABLE fiche ADD COLUMN predecesseur_id BIGINT REFERENCES fiche (id) ON DELETE SET NULL;

-- Snapshot of the contractual parts, as JSON built from the features' public services.
CREATE TABLE convention_version (
    convention_id  BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    numero         INT         NOT NULL CHECK (numero >= 1),
    cause          TEXT        NOT NULL,
    avenant_numero INT,
    date_effet     DATE,
    creee_par      TEXT        NOT NULL,
    creee_le       TIMESTAMPTZ NOT NULL,
    contenu        JSONB       NOT NULL,
    PRIMARY KEY (convention_id, numero)
);

-- An avenant: a typed list of changes drafted against one version in force.
CREATE TABLE avenant (
    convention_id BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    numero        INT         NOT NULL CHECK (numero >= 1),
    objet         TEXT        NOT NULL,
    statut        TEXT        NOT NULL CHECK (statut IN ('PROJET', 'SIGNE', 'EN_VIGUEUR')),
    version_base  INT         NOT NULL,
    changements   JSONB       NOT NULL,
    version_creee INT,
    cree_par      TEXT        NOT NULL,
    cree_le       TIMESTAMPTZ NOT NULL,
    signe_le      DATE,
    en_vigueur_le DATE,
    version       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (convention_id, numero)
);
