-- Optimistic locking of the diagnostic's rows edited on their pages (issue 15 item 9): a save names the version it
-- read and is refused when the row changed meanwhile.
ALTER TABLE diagnostic_eaje ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE diagnostic_alsh ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE diagnostic_financement ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE diagnostic_constat ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE diagnostic_source ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
