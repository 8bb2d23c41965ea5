-- Accounts administration (ADR 0008), password links and sessions (ADR 0009).
-- An agent of a Caf may administer the accounts of its Caf: a flag on the account, not a role (ADR 0008).
ALTER TABLE utilisateur ADD COLUMN administrateur_caf BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE utilisateur ADD CONSTRAINT utilisateur_administrateur_caf_agent CHECK (NOT administrateur_caf OR role = 'AGENT_CAF');
-- Optimistic locking of the account's role and state.
ALTER TABLE utilisateur ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
-- Sessions opened before this instant are ended at their next request ("Se déconnecter partout", deactivation,
-- password changed): checked on every request against PostgreSQL, so every instance of the application agrees.
ALTER TABLE utilisateur ADD COLUMN sessions_valides_apres TIMESTAMPTZ;
-- Logins of real accounts are e-mail addresses: one account per address, whatever its case.
CREATE UNIQUE INDEX utilisateur_identifiant_sans_casse ON utilisateur (lower(identifiant));
CREATE INDEX utilisateur_organisation ON utilisateur (organisation_id);

-- Single-use links to set one's password: an invitation (72 h) or a forgotten password. Only the SHA-256 of the
-- link's secret is kept.
CREATE TABLE lien_mot_de_passe (
    id             BIGSERIAL PRIMARY KEY,
    utilisateur_id BIGINT      NOT NULL REFERENCES utilisateur (id),
    nature         TEXT        NOT NULL,
    empreinte      TEXT        NOT NULL UNIQUE,
    cree_le        TIMESTAMPTZ NOT NULL,
    expire_le      TIMESTAMPTZ NOT NULL,
    utilise_le     TIMESTAMPTZ,
    CONSTRAINT lien_mot_de_passe_nature_valide CHECK (nature IN ('INVITATION', 'OUBLI')),
    CONSTRAINT lien_mot_de_passe_empreinte_sha256 CHECK (empreinte ~ '^[0-9a-f]{64}$')
);
CREATE INDEX lien_mot_de_passe_utilisateur ON lien_mot_de_passe (utilisateur_id) WHERE utilise_le IS NULL;
