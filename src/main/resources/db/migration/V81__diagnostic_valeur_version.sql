-- Issue 15 item 9: a diagnostic value is edited where it is shown, with optimistic locking.
ALTER TABLE diagnostic_valeur ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
