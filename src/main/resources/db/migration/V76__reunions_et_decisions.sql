-- Meetings of a convention's governance bodies and their decisions (DOMAIN 4.12). A body keeps a stable key from
-- one version of the governance to the next, so that its meetings stay attached to it.
ALTER TABLE gouvernance_instance ADD COLUMN cle UUID NOT NULL DEFAULT gen_random_uuid();

CREATE TABLE gouvernance_reunion (
    id             BIGSERIAL PRIMARY KEY,
    convention_id  BIGINT      NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
    instance_cle   UUID        NOT NULL,
    instance_nom   TEXT        NOT NULL CHECK (length(instance_nom) BETWEEN 1 AND 300),
    date           DATE,
    -- a historical meeting's date as printed when incomplete ("12 octobre", year unknown): kept and flagged
    date_texte     TEXT        CHECK (length(date_texte) <= 300),
    heure          TIME,
    lieu           TEXT        CHECK (length(lieu) <= 300),
    lien_visio     TEXT        CHECK (length(lien_visio) <= 2000),
    preparation    BOOLEAN     NOT NULL DEFAULT FALSE,
    note           TEXT        CHECK (length(note) <= 20000),
    -- [{"texte": "...", "fiche": "FA12", "annee": 2026}] and [{"organisationId": 1, "personne": null, "present": true}]
    ordre_du_jour  JSONB       NOT NULL DEFAULT '[]',
    participants   JSONB       NOT NULL DEFAULT '[]',
    compte_rendu   TEXT        NOT NULL DEFAULT '',
    exemple        BOOLEAN     NOT NULL DEFAULT FALSE,
    version        INTEGER     NOT NULL DEFAULT 1,
    CHECK (date IS NOT NULL OR date_texte IS NOT NULL)
);
CREATE INDEX gouvernance_reunion_convention ON gouvernance_reunion (convention_id, date);

CREATE TABLE gouvernance_decision (
    reunion_id                  BIGINT  NOT NULL REFERENCES gouvernance_reunion (id) ON DELETE CASCADE,
    position                    INTEGER NOT NULL,
    texte                       TEXT    NOT NULL CHECK (length(texte) BETWEEN 1 AND 20000),
    responsable_organisation_id BIGINT  REFERENCES organisation (id),
    responsable_personne        TEXT    CHECK (length(responsable_personne) <= 300),
    echeance                    DATE,
    statut                      TEXT    NOT NULL CHECK (statut IN ('A_FAIRE', 'EN_COURS', 'FAIT', 'ABANDONNEE')),
    PRIMARY KEY (reunion_id, position)
);
CREATE INDEX gouvernance_decision_responsable ON gouvernance_decision (responsable_organisation_id);
