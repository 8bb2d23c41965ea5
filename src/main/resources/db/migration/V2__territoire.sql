-- Territory referential (Code officiel géographique). Départements, EPCI and communes are filled at
-- start by ReferentielLoader from src/main/resources/referentiel/, and reloaded whole when the
-- version recorded in referentiel_territoire differs from the shipped one.

CREATE TABLE departement (
    code        TEXT PRIMARY KEY,
    nom         TEXT NOT NULL,
    code_region TEXT NOT NULL,
    nom_region  TEXT NOT NULL
);

CREATE TABLE epci (
    siren              TEXT PRIMARY KEY,
    nom                TEXT    NOT NULL,
    nom_normalise      TEXT    NOT NULL,
    type               TEXT    NOT NULL,
    code_departement   TEXT    NOT NULL REFERENCES departement (code),
    codes_departements TEXT[]  NOT NULL,
    population         INTEGER NOT NULL,
    population_totale  INTEGER NOT NULL
);
CREATE INDEX epci_nom_normalise ON epci (nom_normalise);

CREATE TABLE commune (
    code_insee       TEXT PRIMARY KEY,
    nom              TEXT   NOT NULL,
    nom_normalise    TEXT   NOT NULL,
    code_departement TEXT   NOT NULL REFERENCES departement (code),
    siren_epci       TEXT REFERENCES epci (siren),
    population       INTEGER,
    codes_postaux    TEXT[] NOT NULL
);
-- text_pattern_ops serves both equality and prefix LIKE whatever the database collation.
CREATE INDEX commune_nom_normalise ON commune (nom_normalise text_pattern_ops);
CREATE INDEX commune_epci ON commune (siren_epci);

-- Other spellings met in real documents, by normalised form (see NameNormalizer). No foreign key to
-- commune on purpose: aliases are seeded here before the first load and survive every reload.
CREATE TABLE commune_alias (
    alias_normalise TEXT NOT NULL,
    code_insee      TEXT NOT NULL,
    alias           TEXT NOT NULL,
    PRIMARY KEY (alias_normalise, code_insee)
);
INSERT INTO commune_alias (alias_normalise, code_insee, alias) VALUES
    ('tarenteise', '42306', 'Tarenteise'),                  -- Tarentaise (42), misspelt in the Monts du Pilat CTG
    ('saint julien molin', '42246', 'Saint-Julien-Molin');  -- Saint-Julien-Molin-Molette (42), shortened

-- The referential version loaded (a single row).
CREATE TABLE referentiel_territoire (
    id        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version   TEXT        NOT NULL,
    charge_le TIMESTAMPTZ NOT NULL DEFAULT now(),
    duree_ms  BIGINT      NOT NULL
);
