-- Personal API tokens: only the SHA-256 of a token is kept (with a short prefix to recognise it);
-- the token itself is shown once, at creation.
CREATE TABLE jeton_api (
    id                   BIGSERIAL PRIMARY KEY,
    utilisateur_id       BIGINT      NOT NULL REFERENCES utilisateur (id),
    nom                  TEXT        NOT NULL,
    prefixe              TEXT        NOT NULL,
    empreinte            TEXT        NOT NULL UNIQUE,
    cree_le              TIMESTAMPTZ NOT NULL,
    expire_le            DATE,
    derniere_utilisation TIMESTAMPTZ,
    revoque_le           TIMESTAMPTZ,
    CONSTRAINT jeton_api_nom_longueur CHECK (char_length(nom) BETWEEN 1 AND 100),
    CONSTRAINT jeton_api_empreinte_sha256 CHECK (empreinte ~ '^[0-9a-f]{64}$')
);
CREATE INDEX jeton_api_utilisateur ON jeton_api (utilisateur_id) WHERE revoque_le IS NULL;
