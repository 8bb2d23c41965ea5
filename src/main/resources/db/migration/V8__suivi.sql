-- Continuous follow-up of the fiches ("tableau de suivi partagé") and the update campaigns.

-- The follow-up statuses of a convention (configurable list). statut_evaluation tells how an update
-- in this status pre-fills the annual evaluation grid (REALISE, EN_COURS, NON_REALISE; null = no
-- pre-filling, e.g. "abandonnée" is decided by the COPIL).
CREATE TABLE suivi_statut (
    convention_id     BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    code              TEXT    NOT NULL,
    libelle           TEXT    NOT NULL,
    avancement_defaut INTEGER,
    ordre             INTEGER NOT NULL,
    statut_evaluation TEXT,
    PRIMARY KEY (convention_id, code),
    CONSTRAINT suivi_statut_avancement CHECK (avancement_defaut BETWEEN 0 AND 100),
    CONSTRAINT suivi_statut_evaluation CHECK (statut_evaluation IN ('REALISE', 'EN_COURS', 'NON_REALISE'))
);

-- Weight of a fiche when progress rolls up to axes and thématiques; a fiche without a row weighs 1.
CREATE TABLE suivi_poids (
    fiche_id BIGINT  PRIMARY KEY REFERENCES fiche (id) ON DELETE CASCADE,
    poids    NUMERIC NOT NULL CHECK (poids >= 0)
);

CREATE TABLE campagne (
    id             BIGSERIAL PRIMARY KEY,
    convention_id  BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    libelle        TEXT        NOT NULL,
    annee          INTEGER     NOT NULL,
    trimestre      INTEGER     NOT NULL CHECK (trimestre BETWEEN 1 AND 4),
    date_limite    DATE        NOT NULL,
    ouverte_le     TIMESTAMPTZ NOT NULL,
    ouverte_par    TEXT        NOT NULL,
    cloturee_le    TIMESTAMPTZ,
    exemple        BOOLEAN     NOT NULL DEFAULT FALSE,
    version        INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX campagne_convention ON campagne (convention_id, ouverte_le DESC);

CREATE TABLE campagne_fiche (
    campagne_id BIGINT NOT NULL REFERENCES campagne (id) ON DELETE CASCADE,
    fiche_id    BIGINT NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    PRIMARY KEY (campagne_id, fiche_id)
);

-- One dated update of a fiche. The full history is kept; the latest (date_point, id) is current.
CREATE TABLE suivi_fiche (
    id             BIGSERIAL PRIMARY KEY,
    convention_id  BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    fiche_id       BIGINT      NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    campagne_id    BIGINT      REFERENCES campagne (id) ON DELETE SET NULL,
    date_point     DATE        NOT NULL,
    statut         TEXT        NOT NULL,
    avancement     INTEGER     CHECK (avancement BETWEEN 0 AND 100),
    mise_en_oeuvre TEXT,
    realisations   TEXT,
    difficultes    TEXT,
    auteur         TEXT        NOT NULL,
    organisation_id BIGINT     REFERENCES organisation (id),
    cree_le        TIMESTAMPTZ NOT NULL,
    exemple        BOOLEAN     NOT NULL DEFAULT FALSE,
    FOREIGN KEY (convention_id, statut) REFERENCES suivi_statut (convention_id, code)
);
CREATE INDEX suivi_fiche_fiche ON suivi_fiche (fiche_id, date_point DESC, id DESC);
CREATE INDEX suivi_fiche_convention ON suivi_fiche (convention_id, date_point);

-- Reminders sent for a campaign (in the app and, when SMTP is configured, by e-mail).
CREATE TABLE campagne_relance (
    id              BIGSERIAL PRIMARY KEY,
    campagne_id     BIGINT      NOT NULL REFERENCES campagne (id) ON DELETE CASCADE,
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    envoyee_le      TIMESTAMPTZ NOT NULL,
    envoyee_par     TEXT        NOT NULL,
    courriel        TEXT,
    lue_le          TIMESTAMPTZ
);
CREATE INDEX campagne_relance_organisation ON campagne_relance (organisation_id, lue_le);
