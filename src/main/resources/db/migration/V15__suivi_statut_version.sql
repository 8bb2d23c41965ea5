-- Optimistic locking of the follow-up statuses: a rename or removal made from a stale page is refused.
ALTER TABLE suivi_statut ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
