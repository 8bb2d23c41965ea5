-- Organisations, people, mandates and user accounts.
CREATE TABLE organisation (
    id               BIGSERIAL PRIMARY KEY,
    nom              TEXT    NOT NULL,
    sigle            TEXT,
    type             TEXT    NOT NULL,
    code_insee       TEXT,
    siren            TEXT,
    code_departement TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT organisation_type_valide CHECK (type IN
        ('CAF', 'EPCI', 'COMMUNE', 'DEPARTEMENT', 'ASSOCIATION', 'CENTRE_SOCIAL', 'ETAT', 'AUTRE'))
);
CREATE UNIQUE INDEX organisation_commune_unique ON organisation (code_insee) WHERE type = 'COMMUNE';
CREATE UNIQUE INDEX organisation_epci_unique ON organisation (siren) WHERE type = 'EPCI';
CREATE INDEX organisation_nom ON organisation (lower(nom));

CREATE TABLE personne (
    id       BIGSERIAL PRIMARY KEY,
    civilite TEXT,
    prenom   TEXT,
    nom      TEXT NOT NULL
);

CREATE TABLE mandat (
    id              BIGSERIAL PRIMARY KEY,
    personne_id     BIGINT NOT NULL REFERENCES personne (id),
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    fonction        TEXT   NOT NULL,
    debut           DATE,
    fin             DATE
);
CREATE INDEX mandat_organisation ON mandat (organisation_id);
CREATE INDEX mandat_personne ON mandat (personne_id);

CREATE TABLE utilisateur (
    id              BIGSERIAL PRIMARY KEY,
    identifiant     TEXT    NOT NULL UNIQUE,
    mot_de_passe    TEXT    NOT NULL,
    nom_affiche     TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    organisation_id BIGINT REFERENCES organisation (id),
    actif           BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT utilisateur_role_valide CHECK (role IN
        ('ADMIN', 'AGENT_CAF', 'CHARGE_COOPERATION', 'PORTEUR', 'LECTEUR'))
);
