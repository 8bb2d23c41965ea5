-- Governance of a convention (DOMAIN 4.12): its bodies (COPIL, COTECH, commissions, networks, plenary) with their
-- members, ordered missions, frequency and thématiques, and its chargés de coopération with their ETP split by
-- thématique. Edited as one versioned whole per convention, like the text and the objectifs conjoints.
CREATE TABLE convention_gouvernance (
    convention_id BIGINT  PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE gouvernance_instance (
    convention_id    BIGINT  NOT NULL REFERENCES convention_gouvernance (convention_id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    type             TEXT    NOT NULL CHECK (type IN ('COPIL', 'COTECH', 'COMMISSION', 'RESEAU', 'PLENIERE', 'AUTRE')),
    nom              TEXT    NOT NULL CHECK (length(nom) BETWEEN 1 AND 300),
    frequence        TEXT    CHECK (length(frequence) <= 300),
    reunions_par_an  INTEGER CHECK (reunions_par_an BETWEEN 0 AND 366),
    missions         JSONB   NOT NULL DEFAULT '[]',
    thematiques      JSONB   NOT NULL DEFAULT '[]',
    PRIMARY KEY (convention_id, position)
);

-- A member: an organisation of the referential (a party or not) and an optional person, as printed.
CREATE TABLE gouvernance_membre (
    convention_id   BIGINT  NOT NULL,
    instance        INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    organisation_id BIGINT  NOT NULL REFERENCES organisation (id),
    personne        TEXT    CHECK (length(personne) <= 300),
    fonction        TEXT    CHECK (length(fonction) <= 300),
    consultatif     BOOLEAN NOT NULL DEFAULT FALSE,
    copresident     BOOLEAN NOT NULL DEFAULT FALSE,
    secretariat     BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (convention_id, instance, position),
    FOREIGN KEY (convention_id, instance) REFERENCES gouvernance_instance (convention_id, position) ON DELETE CASCADE
);
CREATE INDEX gouvernance_membre_organisation ON gouvernance_membre (organisation_id);

CREATE TABLE gouvernance_charge_cooperation (
    convention_id   BIGINT       NOT NULL REFERENCES convention_gouvernance (convention_id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    personne        TEXT         NOT NULL CHECK (length(personne) BETWEEN 1 AND 300),
    employeur_id    BIGINT       NOT NULL REFERENCES organisation (id),
    etp             NUMERIC(5,2) NOT NULL CHECK (etp > 0 AND etp <= 100),
    -- [{"thematique": "Petite enfance", "etp": 0.75}, ...]: the parts add up to etp (checked by the service)
    repartition     JSONB        NOT NULL DEFAULT '[]',
    date_debut      DATE,
    date_fin        DATE,
    financement_caf TEXT         CHECK (length(financement_caf) <= 20000),
    fiche           TEXT         CHECK (length(fiche) <= 50),
    PRIMARY KEY (convention_id, position)
);
CREATE INDEX gouvernance_charge_employeur ON gouvernance_charge_cooperation (employeur_id);
