-- Annual evaluation (annex "Évaluation annuelle"): one grid per year of the period, fiche lines,
-- transversal axes, COPIL validation that locks the year; yearly values of the fiches' indicators.

CREATE TABLE evaluation_annee (
    convention_id BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    annee         INTEGER NOT NULL,
    commentaires  TEXT,
    copil_date    DATE,
    copil_decision TEXT,
    validee_par   TEXT,
    validee_le    TIMESTAMPTZ,
    exemple       BOOLEAN NOT NULL DEFAULT FALSE,
    version       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (convention_id, annee)
);

-- A saved line of the grid. A fiche × year without a row shows its default (NON_CONCERNE when the
-- fiche is not planned that year, else pre-filled from the last follow-up of that year).
CREATE TABLE evaluation_ligne (
    convention_id BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    fiche_id      BIGINT  NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    annee         INTEGER NOT NULL,
    statut        TEXT    NOT NULL CHECK (statut IN ('REALISE', 'EN_COURS', 'NON_REALISE', 'NON_CONCERNE')),
    date_prevue   DATE,
    resultats     TEXT,
    perspectives  TEXT,
    impacts       TEXT,
    modifiee_par  TEXT        NOT NULL,
    modifiee_le   TIMESTAMPTZ NOT NULL,
    exemple       BOOLEAN NOT NULL DEFAULT FALSE,
    version       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fiche_id, annee)
);
CREATE INDEX evaluation_ligne_convention ON evaluation_ligne (convention_id, annee);

CREATE TABLE evaluation_axe_transversal (
    convention_id   BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    annee           INTEGER NOT NULL,
    axe             TEXT    NOT NULL CHECK (axe IN ('ETAT_DES_LIEUX_OFFRE', 'PARTENARIAT', 'COMMUNICATION', 'GOUVERNANCE', 'COORDINATION')),
    ouvertures      TEXT,
    fermetures      TEXT,
    faits_marquants TEXT,
    resultats       TEXT,
    perspectives    TEXT,
    impacts         TEXT,
    exemple         BOOLEAN NOT NULL DEFAULT FALSE,
    version         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (convention_id, annee, axe)
);

-- Follow-up of a fiche indicator (the indicator itself is named in the fiche's "indicateurs" field,
-- at position `position`; the label is copied so a renamed indicator keeps its history readable).
CREATE TABLE indicateur_suivi (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    fiche_id      BIGINT  NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    libelle       TEXT    NOT NULL,
    unite         TEXT,
    base_valeur   NUMERIC,
    base_annee    INTEGER,
    cible_valeur  NUMERIC,
    cible_annee   INTEGER,
    version       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (fiche_id, position)
);

-- A yearly value: a number or a statistical marker ("<5", "NS", "ND"), never both, never a marker as 0.
CREATE TABLE indicateur_suivi_valeur (
    indicateur_id BIGINT  NOT NULL REFERENCES indicateur_suivi (id) ON DELETE CASCADE,
    annee         INTEGER NOT NULL,
    valeur        NUMERIC,
    marqueur      TEXT,
    exemple       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (indicateur_id, annee),
    CONSTRAINT valeur_ou_marqueur CHECK ((valeur IS NULL) <> (marqueur IS NULL))
);
