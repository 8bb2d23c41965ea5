-- Steering views (dashboards, portfolio, bilans): planned COPIL meetings, the synthesis sections of the
-- mid-term and final bilans, and the evaluation of the previous CTG attached to a convention.

CREATE TABLE copil_prevu (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    date_copil    DATE        NOT NULL,
    objet         TEXT,
    cree_par      TEXT        NOT NULL,
    cree_le       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX copil_prevu_convention ON copil_prevu (convention_id, date_copil);

CREATE TABLE bilan_synthese (
    convention_id           BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    type                    TEXT        NOT NULL CHECK (type IN ('INTERMEDIAIRE', 'FINAL')),
    realisations            TEXT,
    changements_habitants   TEXT,
    partenariat_gouvernance TEXT,
    recommandations         TEXT,
    modifiee_par            TEXT        NOT NULL,
    modifiee_le             TIMESTAMPTZ NOT NULL,
    version                 INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (convention_id, type)
);

-- The previous CTG's evaluation as one document (JSON read into the EvaluationPrecedente record, which
-- validates it): it is read and written whole, never queried by part.
CREATE TABLE evaluation_precedente (
    convention_id BIGINT      PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    contenu       JSONB       NOT NULL,
    modifiee_par  TEXT        NOT NULL,
    modifiee_le   TIMESTAMPTZ NOT NULL,
    version       INTEGER     NOT NULL DEFAULT 0
);

-- The portfolio looks up the open campaign of many conventions at once.
CREATE INDEX campagne_ouverte ON campagne (convention_id) WHERE cloturee_le IS NULL;
CREATE INDEX suivi_fiche_campagne ON suivi_fiche (campagne_id, fiche_id);
-- The "données d'exemple" badge looks for example values of a convention's indicators.
CREATE INDEX indicateur_suivi_convention ON indicateur_suivi (convention_id);
