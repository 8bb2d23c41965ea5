-- Optimistic locking of the diagnostic's indicator definitions, edited on their page like the other tables (issue 15
-- item 9).
ALTER TABLE diagnostic_indicateur ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
