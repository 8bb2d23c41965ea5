-- Bulk imports (issue 17 item 5): a ZIP of documents gives one task per file, processed in the background by
-- whichever instance takes it first (SELECT … FOR UPDATE SKIP LOCKED), each task giving a draft or a French error.
CREATE TABLE import_lot (
    id              BIGSERIAL PRIMARY KEY,
    proprietaire_id BIGINT      NOT NULL REFERENCES utilisateur (id) ON DELETE CASCADE,
    nom_fichier     TEXT        NOT NULL,
    cree_le         TIMESTAMPTZ NOT NULL,
    expire_le       TIMESTAMPTZ NOT NULL
);
CREATE INDEX import_lot_proprietaire ON import_lot (proprietaire_id, cree_le DESC, id DESC);

CREATE TABLE import_tache (
    id           BIGSERIAL PRIMARY KEY,
    lot_id       BIGINT      NOT NULL REFERENCES import_lot (id) ON DELETE CASCADE,
    rang         INT         NOT NULL,
    nom_fichier  TEXT        NOT NULL,
    contenu      BYTEA,
    statut       TEXT        NOT NULL DEFAULT 'EN_ATTENTE' CHECK (statut IN ('EN_ATTENTE', 'FAITE', 'ECHOUEE')),
    message      TEXT,
    brouillon_id BIGINT      REFERENCES import_brouillon (id) ON DELETE SET NULL,
    traitee_le   TIMESTAMPTZ
);
CREATE INDEX import_tache_lot ON import_tache (lot_id, rang);
CREATE INDEX import_tache_en_attente ON import_tache (id) WHERE statut = 'EN_ATTENTE';
