-- Sub-actions of a fiche (issue 10 item 2, ADR 0023): the ordered "actions clés" of the short template, the sub-items of
-- a roadmap action. Written with their fiche (same version, same transaction, journal). A removed sub-action is kept
-- (supprimee_le) so that its follow-up history stays attached to it; it is no longer shown nor counted.
CREATE TABLE sous_action (
    id                      BIGSERIAL PRIMARY KEY,
    fiche_id                BIGINT      NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    ordre                   INTEGER     NOT NULL,
    libelle                 TEXT        NOT NULL CHECK (length(btrim(libelle)) > 0),
    porteur_organisation_id BIGINT      REFERENCES organisation (id),
    porteur_nom             TEXT,
    debut                   DATE CHECK (debut IS NULL OR extract(day FROM debut) = 1),
    fin                     DATE CHECK (fin IS NULL OR extract(day FROM fin) = 1),
    annees                  INTEGER[]   NOT NULL DEFAULT '{}',
    poids                   NUMERIC     NOT NULL DEFAULT 1 CHECK (poids >= 0 AND poids <= 1000),
    supprimee_le            TIMESTAMPTZ,
    CHECK (fin IS NULL OR debut IS NULL OR fin >= debut)
);
CREATE INDEX sous_action_fiche ON sous_action (fiche_id, ordre) WHERE supprimee_le IS NULL;
