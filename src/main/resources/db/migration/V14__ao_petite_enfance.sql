-- Early-childhood organising authority (AO) of a convention: competence matrix, schéma projection
-- table, and the signatories' consent to sending the early-childhood extract to the CDSF.

-- One version per part, for optimistic locking of the matrix and of the projection tables.
CREATE TABLE ao_etat (
    convention_id      BIGINT  PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    version_matrice    INTEGER NOT NULL DEFAULT 0,
    version_projection INTEGER NOT NULL DEFAULT 0
);

-- A collectivité of the convention (its EPCI by SIREN, or a commune by INSEE code) and how it holds
-- each of the four competences.
CREATE TABLE ao_competence (
    convention_id     BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    collectivite_code TEXT   NOT NULL,
    collectivite_nom  TEXT   NOT NULL,
    collectivite_type TEXT   NOT NULL CHECK (collectivite_type IN ('EPCI', 'COMMUNE')),
    competence        TEXT   NOT NULL,
    mode              TEXT   NOT NULL,
    PRIMARY KEY (convention_id, collectivite_code, competence)
);

-- Communes that transferred a competence, when only some did.
CREATE TABLE ao_commune_transferante (
    convention_id     BIGINT NOT NULL,
    collectivite_code TEXT   NOT NULL,
    competence        TEXT   NOT NULL,
    code_insee        TEXT   NOT NULL,
    PRIMARY KEY (convention_id, collectivite_code, competence, code_insee),
    FOREIGN KEY (convention_id, collectivite_code, competence)
        REFERENCES ao_competence (convention_id, collectivite_code, competence) ON DELETE CASCADE
);

CREATE TABLE ao_projection_ligne (
    id                          BIGSERIAL PRIMARY KEY,
    convention_id               BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    ao_code                     TEXT    NOT NULL,
    position                    INTEGER NOT NULL,
    mode_accueil                TEXT    NOT NULL,
    libelle                     TEXT,
    actuel                      NUMERIC(10, 2) CHECK (actuel IS NULL OR actuel >= 0),
    actuel_precision            TEXT,
    besoins_emplois_competences TEXT,
    autres_besoins              TEXT,
    projets_type                TEXT,
    projets_cout_calendrier     TEXT,
    ingenierie                  TEXT,
    UNIQUE (convention_id, ao_code, position)
);

CREATE TABLE ao_projection_annee (
    ligne_id  BIGINT  NOT NULL REFERENCES ao_projection_ligne (id) ON DELETE CASCADE,
    annee     INTEGER NOT NULL,
    valeur    NUMERIC(10, 2) CHECK (valeur IS NULL OR valeur >= 0),
    precision TEXT,
    PRIMARY KEY (ligne_id, annee)
);

CREATE TABLE cdsf_consentement (
    convention_id   BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    decision        TEXT        NOT NULL CHECK (decision IN ('DONNE', 'REFUSE')),
    date_decision   DATE        NOT NULL,
    enregistre_par  TEXT        NOT NULL,
    enregistre_le   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (convention_id, organisation_id)
);
