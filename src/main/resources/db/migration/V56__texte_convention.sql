-- The text of a convention: ordered sections (preamble items, numbered articles, named clauses), each with a
-- title and a rich text kept as sanitised HTML (ADR 0013). One version per convention for optimistic locking.
CREATE TABLE convention_texte (
    convention_id BIGINT  PRIMARY KEY REFERENCES convention (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE convention_section (
    convention_id BIGINT  NOT NULL REFERENCES convention_texte (convention_id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    nature        TEXT    NOT NULL CHECK (nature IN ('PREAMBULE', 'ARTICLE', 'CLAUSE')),
    titre         TEXT    NOT NULL CHECK (length(titre) BETWEEN 1 AND 300),
    texte         TEXT    NOT NULL DEFAULT '' CHECK (length(texte) <= 40000),
    PRIMARY KEY (convention_id, position)
);
