-- Supported facilities and services of a convention (annex "équipements et services soutenus"),
-- each supported by one or several collectivités.
CREATE TABLE service_soutenu (
    id                    BIGSERIAL PRIMARY KEY,
    convention_id         BIGINT  NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    type                  TEXT    NOT NULL,
    type_imprime          TEXT,
    nom                   TEXT,
    gestionnaire          TEXT,
    adresse               TEXT,
    commune               TEXT,
    code_insee            TEXT,
    capacite              INTEGER,
    hors_bonus_territoire BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT service_capacite_positive CHECK (capacite IS NULL OR capacite >= 0)
);
CREATE INDEX service_soutenu_convention ON service_soutenu (convention_id, type);

CREATE TABLE service_soutien (
    service_id   BIGINT  NOT NULL REFERENCES service_soutenu (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    collectivite TEXT    NOT NULL,
    PRIMARY KEY (service_id, position)
);
