-- Single sign-on (OpenID Connect): the e-mail domains whose unknown users get an account created at their first
-- sign-in, with the organisation and the role given to these accounts. Without a row, an unknown e-mail is refused.
CREATE TABLE connexion_unique_domaine (
    id              BIGSERIAL PRIMARY KEY,
    domaine         TEXT        NOT NULL UNIQUE,
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    role            TEXT        NOT NULL,
    cree_le         TIMESTAMPTZ NOT NULL DEFAULT now(),
    cree_par        TEXT        NOT NULL,
    CONSTRAINT connexion_unique_domaine_minuscules CHECK (domaine = lower(domaine)),
    CONSTRAINT connexion_unique_domaine_forme CHECK (domaine ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
        AND char_length(domaine) <= 253),
    -- An administrator account is never created automatically.
    CONSTRAINT connexion_unique_domaine_role CHECK (role IN ('AGENT_CAF', 'CHARGE_COOPERATION', 'PORTEUR', 'LECTEUR'))
);
CREATE INDEX utilisateur_identifiant_minuscules ON utilisateur (lower(identifiant));
