-- Reference frameworks a convention refers to (the Caf's missions and priorities, the departmental schéma's lines,
-- a territorial project's headings): per convention, ordered frameworks of ordered items nested once.
-- Items keep their id across edits, so that fiches and axes can later be linked to them.
CREATE TABLE convention_referentiels (
    convention_id BIGINT  PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE referentiel (
    id            BIGSERIAL PRIMARY KEY,
    convention_id BIGINT  NOT NULL REFERENCES convention_referentiels (convention_id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    nom           TEXT    NOT NULL CHECK (length(nom) BETWEEN 1 AND 300),
    proprietaire  TEXT    CHECK (length(proprietaire) <= 300)
);
CREATE INDEX referentiel_convention ON referentiel (convention_id, position);

CREATE TABLE referentiel_element (
    id             BIGSERIAL PRIMARY KEY,
    referentiel_id BIGINT  NOT NULL REFERENCES referentiel (id) ON DELETE CASCADE,
    parent_id      BIGINT  REFERENCES referentiel_element (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    code           TEXT    CHECK (length(code) <= 50),
    intitule       TEXT    NOT NULL CHECK (length(intitule) BETWEEN 1 AND 300),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX referentiel_element_referentiel ON referentiel_element (referentiel_id, position);
CREATE INDEX referentiel_element_parent ON referentiel_element (parent_id);
