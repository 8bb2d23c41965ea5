-- Supported services annex: rows can be edited and deleted (optimistic locking), carry a sous-type and a
-- postal code, and keep the commune as printed when it does not resolve (code_insee null: "commune non
-- reconnue", shown as such) or a note when it resolved through a former name (a merged commune).
ALTER TABLE service_soutenu
    ADD COLUMN sous_type    TEXT,
    ADD COLUMN code_postal  TEXT,
    ADD COLUMN commune_note TEXT,
    ADD COLUMN version      INTEGER NOT NULL DEFAULT 0;
