-- Login throttling: failed logins counted per account identifier (existing or not) and per client address,
-- in the database so that every instance of the application sees the same counters.
CREATE TABLE echec_connexion (
    type          TEXT        NOT NULL,
    valeur        TEXT        NOT NULL,
    echecs        INTEGER     NOT NULL,
    debut         TIMESTAMPTZ NOT NULL,
    bloque_jusqua TIMESTAMPTZ,
    PRIMARY KEY (type, valeur),
    CONSTRAINT echec_connexion_type_valide CHECK (type IN ('COMPTE', 'ADRESSE'))
);
-- Old rows are deleted as new failures come (see TentativesDeConnexion).
CREATE INDEX echec_connexion_debut ON echec_connexion (debut);
