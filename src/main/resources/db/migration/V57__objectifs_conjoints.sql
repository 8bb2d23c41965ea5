-- Objectifs conjoints of a convention (Article 4 of the national model): each binds a group of signatories,
-- a set of the convention's parties ("pour la CCBA", "pour les quatre signataires"), with an optional text.
CREATE TABLE convention_objectifs (
    convention_id BIGINT  PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE convention_objectif_conjoint (
    convention_id    BIGINT   NOT NULL REFERENCES convention_objectifs (convention_id) ON DELETE CASCADE,
    position         INTEGER  NOT NULL,
    intitule         TEXT     NOT NULL CHECK (length(intitule) BETWEEN 1 AND 300),
    texte            TEXT     NOT NULL DEFAULT '',
    libelle_groupe   TEXT     CHECK (length(libelle_groupe) <= 300),
    organisation_ids BIGINT[] NOT NULL CHECK (cardinality(organisation_ids) >= 1),
    PRIMARY KEY (convention_id, position)
);
