-- Fields a convention adds to its fiche template (issue 10 item 8, ADR 0016). A field keeps its key for life (the key
-- names its values in every fiche); a removed field is kept, marked removed, so that its key is never reused and its
-- values, written to the journal on removal, are not shown any more.
CREATE TABLE plan_champ (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT  NOT NULL REFERENCES plan (convention_id) ON DELETE CASCADE,
    cle           TEXT    NOT NULL,
    libelle       TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    choix         JSONB   NOT NULL DEFAULT '[]'::jsonb,
    ordre         INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    supprime_le   TIMESTAMPTZ,
    UNIQUE (convention_id, cle)
);

-- Values of the added fields, with the fiche's other fields: one JSON object keyed by the field's key.
ALTER TABLE fiche ADD COLUMN champs_ajoutes JSONB NOT NULL DEFAULT '{}'::jsonb;
