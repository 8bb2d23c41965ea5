-- The annual grid per sub-action (issue 10 item 2, ADR 0038): one line per (sub-action, year), next to the fiche's
-- own evaluation_ligne. A fiche with sub-actions rolls its grid status up from them (weighted) unless its own line
-- is saved. Kept apart from evaluation_ligne so the readers of fiche lines are unchanged.
CREATE TABLE evaluation_sous_action (
    convention_id  BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    fiche_id       BIGINT      NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    sous_action_id BIGINT      NOT NULL REFERENCES sous_action (id) ON DELETE CASCADE,
    annee          INTEGER     NOT NULL,
    statut         TEXT        NOT NULL CHECK (statut IN ('REALISE', 'EN_COURS', 'NON_REALISE', 'NON_CONCERNE')),
    resultats      TEXT,
    modifiee_par   TEXT        NOT NULL,
    modifiee_le    TIMESTAMPTZ NOT NULL,
    version        INTEGER     NOT NULL DEFAULT 1,
    PRIMARY KEY (sous_action_id, annee)
);
CREATE INDEX evaluation_sous_action_convention ON evaluation_sous_action (convention_id, annee);
