-- Shared diagnostic of a convention (DOMAIN §4.9): indicators and their values by territory, period and
-- source; facility and financing tables with the totals the document printed; AFOM, enjeux, sources.

-- Territories the values are about: referential ones (commune by INSEE code, EPCI by SIREN, département,
-- France) and those the convention defines (QPV, bassin de vie, "EPCI sans ville-centre" = a set of communes).
CREATE TABLE diagnostic_territoire (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    cle           TEXT   NOT NULL,
    type          TEXT   NOT NULL,
    nom           TEXT   NOT NULL,
    code          TEXT,
    communes      TEXT[] NOT NULL DEFAULT '{}',
    UNIQUE (convention_id, cle)
);

CREATE TABLE diagnostic_indicateur (
    id                 BIGSERIAL PRIMARY KEY,
    convention_id      BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    code               TEXT   NOT NULL,
    libelle            TEXT   NOT NULL,
    unite              TEXT   NOT NULL,
    definition         TEXT,
    thematique         TEXT   NOT NULL,
    numerateur_code    TEXT,
    denominateur_code  TEXT,
    UNIQUE (convention_id, code)
);

-- A value is a number or a statistical marker, never both, and a marker is never stored as 0.
-- Period and source are '' when the document prints none, so that they take part in the key.
CREATE TABLE diagnostic_valeur (
    indicateur_id BIGINT NOT NULL REFERENCES diagnostic_indicateur (id) ON DELETE CASCADE,
    territoire_id BIGINT NOT NULL REFERENCES diagnostic_territoire (id) ON DELETE CASCADE,
    periode       TEXT   NOT NULL DEFAULT '',
    source        TEXT   NOT NULL DEFAULT '',
    valeur        NUMERIC,
    marqueur      TEXT,
    note          TEXT,
    PRIMARY KEY (indicateur_id, territoire_id, periode, source),
    CONSTRAINT diagnostic_valeur_ou_marqueur CHECK ((valeur IS NULL) <> (marqueur IS NULL)),
    CONSTRAINT diagnostic_marqueur_connu CHECK (marqueur IS NULL OR marqueur IN ('<5', 'NS', 'ND', 'null', '-'))
);

-- Sources of the diagnostic: statistics, surveys, workshops, studies.
CREATE TABLE diagnostic_source (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    cle           TEXT   NOT NULL,
    type          TEXT   NOT NULL,
    libelle       TEXT   NOT NULL,
    annee         INTEGER,
    date_texte    TEXT,
    emplacement   TEXT,
    UNIQUE (convention_id, cle)
);

CREATE TABLE diagnostic_eaje (
    id                         BIGSERIAL PRIMARY KEY,
    convention_id              BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    nom                        TEXT    NOT NULL,
    commune                    TEXT,
    code_insee                 TEXT,
    type                       TEXT,
    gestionnaire               TEXT,
    places                     INTEGER NOT NULL CHECK (places >= 0),
    enfants_inscrits           INTEGER CHECK (enfants_inscrits >= 0),
    taux_occupation_financier  NUMERIC,
    enfants_par_place          NUMERIC,
    part_usagers               NUMERIC,
    annee                      INTEGER,
    source                     TEXT,
    note                       TEXT
);
CREATE INDEX diagnostic_eaje_convention ON diagnostic_eaje (convention_id);

-- Cells that may hold a marker ("<5", "-", "null") have a _marqueur column beside the number.
CREATE TABLE diagnostic_alsh (
    id                                   BIGSERIAL PRIMARY KEY,
    convention_id                        BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    nom                                  TEXT    NOT NULL,
    categorie                            TEXT    NOT NULL,
    enfants_accueillis                   INTEGER CHECK (enfants_accueillis >= 0),
    enfants_aeeh                         INTEGER CHECK (enfants_aeeh >= 0),
    enfants_aeeh_marqueur                TEXT,
    heures_realisees                     NUMERIC CHECK (heures_realisees >= 0),
    heures_facturees                     NUMERIC CHECK (heures_facturees >= 0),
    actes_ouvrant_droit                  NUMERIC CHECK (actes_ouvrant_droit >= 0),
    prix_revient_heure_presence          NUMERIC,
    prix_revient_heure_facturee          NUMERIC,
    prix_revient_heure_facturee_marqueur TEXT,
    annee                                INTEGER,
    source                               TEXT
);
CREATE INDEX diagnostic_alsh_convention ON diagnostic_alsh (convention_id);

CREATE TABLE diagnostic_financement (
    id              BIGSERIAL PRIMARY KEY,
    convention_id   BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    secteur         TEXT    NOT NULL,
    categorie       TEXT    NOT NULL,
    annee           INTEGER NOT NULL,
    montant         NUMERIC,
    montant_marqueur TEXT,
    poids           NUMERIC,
    poids_marqueur  TEXT,
    CONSTRAINT diagnostic_montant_ou_marqueur CHECK ((montant IS NULL) <> (montant_marqueur IS NULL))
);
CREATE INDEX diagnostic_financement_convention ON diagnostic_financement (convention_id);

-- What the document printed as a total or an evolution, kept as printed beside what the rows add up to.
-- tableau: EAJE, ALSH, FINANCEMENT (cle = total label, composantes = categories summed), EVOLUTION (cle = sector or total).
CREATE TABLE diagnostic_chiffre_imprime (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    tableau       TEXT   NOT NULL,
    cle           TEXT   NOT NULL,
    annee         INTEGER,
    valeur        NUMERIC,
    marqueur      TEXT,
    composantes   TEXT[] NOT NULL DEFAULT '{}',
    emplacement   TEXT,
    CONSTRAINT diagnostic_chiffre_valeur_ou_marqueur CHECK ((valeur IS NULL) <> (marqueur IS NULL))
);
CREATE INDEX diagnostic_chiffre_convention ON diagnostic_chiffre_imprime (convention_id, tableau);

-- Enjeux and besoins per thématique, and the AFOM (atouts, faiblesses, opportunités, menaces).
CREATE TABLE diagnostic_constat (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    nature        TEXT   NOT NULL,
    thematique    TEXT,
    texte         TEXT   NOT NULL,
    source        TEXT
);
CREATE INDEX diagnostic_constat_convention ON diagnostic_constat (convention_id, nature);

-- An enjeu answered by an axis (node) or a fiche of the plan.
CREATE TABLE diagnostic_enjeu_lien (
    constat_id BIGINT NOT NULL REFERENCES diagnostic_constat (id) ON DELETE CASCADE,
    noeud_id   BIGINT REFERENCES plan_noeud (id) ON DELETE CASCADE,
    fiche_id   BIGINT REFERENCES fiche (id) ON DELETE CASCADE,
    CONSTRAINT diagnostic_lien_noeud_ou_fiche CHECK ((noeud_id IS NULL) <> (fiche_id IS NULL))
);
CREATE UNIQUE INDEX diagnostic_enjeu_lien_unique ON diagnostic_enjeu_lien (constat_id, COALESCE(noeud_id, -1), COALESCE(fiche_id, -1));

-- A CSV upload waiting for confirmation after its preview.
CREATE TABLE diagnostic_import (
    jeton         UUID        PRIMARY KEY,
    convention_id BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    utilisateur   TEXT        NOT NULL,
    nom_fichier   TEXT,
    contenu       TEXT        NOT NULL,
    depose_le     TIMESTAMPTZ NOT NULL DEFAULT now()
);
