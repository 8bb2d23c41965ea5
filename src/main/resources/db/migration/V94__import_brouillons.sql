-- Drafts of document imports (issue 17, ADR 0031): what the extraction and the analysis found in an uploaded
-- convention, reviewed and corrected by its uploader before confirmation. A draft belongs to its uploader only and
-- expires 30 days after its upload (purged daily).
CREATE TABLE import_brouillon (
    id              BIGSERIAL PRIMARY KEY,
    proprietaire_id BIGINT      NOT NULL REFERENCES utilisateur (id) ON DELETE CASCADE,
    nom_fichier     TEXT        NOT NULL,
    format          TEXT        NOT NULL,
    lignes          JSONB       NOT NULL,
    brouillon       JSONB       NOT NULL,
    statut          TEXT        NOT NULL DEFAULT 'A_REVOIR' CHECK (statut IN ('A_REVOIR', 'CONFIRME')),
    convention_id   BIGINT      REFERENCES convention (id) ON DELETE SET NULL,
    cree_le         TIMESTAMPTZ NOT NULL,
    expire_le       TIMESTAMPTZ NOT NULL,
    confirme_le     TIMESTAMPTZ,
    version         INT         NOT NULL DEFAULT 0
);
CREATE INDEX import_brouillon_proprietaire ON import_brouillon (proprietaire_id, cree_le DESC, id DESC);
CREATE INDEX import_brouillon_expiration ON import_brouillon (expire_le);
