-- Optimistic locking of the signatories' consents: a decision recorded from a stale page is refused.
ALTER TABLE ao_etat ADD COLUMN version_consentements INTEGER NOT NULL DEFAULT 0;
