-- Follow-up per sub-action (issue 10 item 2, ADR 0023): dated updates of one sub-action, with the convention's
-- follow-up statuses. Kept apart from suivi_fiche so that the fiche-level readers (campaigns, grid pre-filling,
-- dashboards) are unchanged; a fiche with sub-actions rolls its progress up from them.
CREATE TABLE suivi_sous_action (
    id              BIGSERIAL PRIMARY KEY,
    convention_id   BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    fiche_id        BIGINT      NOT NULL REFERENCES fiche (id) ON DELETE CASCADE,
    sous_action_id  BIGINT      NOT NULL REFERENCES sous_action (id) ON DELETE CASCADE,
    date_point      DATE        NOT NULL,
    statut          TEXT        NOT NULL,
    avancement      INTEGER     CHECK (avancement BETWEEN 0 AND 100),
    commentaire     TEXT,
    auteur          TEXT        NOT NULL,
    organisation_id BIGINT      REFERENCES organisation (id),
    cree_le         TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (convention_id, statut) REFERENCES suivi_statut (convention_id, code)
);
CREATE INDEX suivi_sous_action_sous_action ON suivi_sous_action (sous_action_id, date_point DESC, id DESC);
CREATE INDEX suivi_sous_action_convention ON suivi_sous_action (convention_id);
