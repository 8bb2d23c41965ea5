-- The action plan of a convention: configurable levels, nodes (axes, enjeux…), fiches actions whose
-- fields follow the template chosen by the convention, stored as typed JSON validated by the app.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE plan (
    convention_id     BIGINT PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    modele            TEXT    NOT NULL,
    comptes_declares  JSONB   NOT NULL DEFAULT '[]'::jsonb,
    calendrier        JSONB   NOT NULL DEFAULT '[]'::jsonb,
    notes             JSONB   NOT NULL DEFAULT '[]'::jsonb,
    version           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plan_niveau (
    convention_id BIGINT  NOT NULL REFERENCES plan (convention_id) ON DELETE CASCADE,
    rang          INTEGER NOT NULL,
    nom           TEXT    NOT NULL,
    numerotation  TEXT    NOT NULL,
    prefixe       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (convention_id, rang)
);

CREATE TABLE plan_noeud (
    id             BIGSERIAL PRIMARY KEY,
    convention_id  BIGINT  NOT NULL REFERENCES plan (convention_id) ON DELETE CASCADE,
    parent_id      BIGINT REFERENCES plan_noeud (id) ON DELETE CASCADE,
    rang           INTEGER NOT NULL,
    ordre          INTEGER NOT NULL,
    reference      TEXT,
    titre          TEXT    NOT NULL,
    texte          TEXT,
    objectifs      JSONB   NOT NULL DEFAULT '[]'::jsonb,
    compte_declare JSONB,
    version        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_noeud_convention ON plan_noeud (convention_id, parent_id, ordre);

CREATE TABLE fiche (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT  NOT NULL REFERENCES plan (convention_id) ON DELETE CASCADE,
    noeud_id      BIGINT REFERENCES plan_noeud (id) ON DELETE SET NULL,
    ordre         INTEGER NOT NULL,
    reference     TEXT,
    titre         TEXT    NOT NULL,
    champs        JSONB   NOT NULL DEFAULT '{}'::jsonb,
    annees        INTEGER[] NOT NULL DEFAULT '{}',
    echeances     TEXT,
    notes         JSONB   NOT NULL DEFAULT '[]'::jsonb,
    supprimee_le  TIMESTAMPTZ,
    texte_integral TEXT,
    recherche     TSVECTOR,
    version       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fiche_convention ON fiche (convention_id, noeud_id, ordre) WHERE supprimee_le IS NULL;
CREATE INDEX fiche_recherche ON fiche USING gin (recherche);
CREATE INDEX fiche_champs ON fiche USING gin (champs jsonb_path_ops);
