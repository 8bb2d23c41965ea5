-- Audit journal: every write, who, when and what changed, recorded in the same transaction.
CREATE TABLE journal (
    id            BIGSERIAL PRIMARY KEY,
    horodatage    TIMESTAMPTZ NOT NULL DEFAULT now(),
    utilisateur   TEXT        NOT NULL,
    objet_type    TEXT        NOT NULL,
    objet_id      BIGINT,
    convention_id BIGINT,
    action        TEXT        NOT NULL,
    changements   JSONB       NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX journal_objet ON journal (objet_type, objet_id);
CREATE INDEX journal_convention ON journal (convention_id, horodatage DESC);

-- Text folding for searches by name: lower case, no accents, hyphens and apostrophes as spaces.
CREATE FUNCTION unaccent_simple(texte TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT regexp_replace(
           translate(lower(texte),
                     'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ''’-',
                     'aaaaaaceeeeiiiinooooouuuuyyoa   '),
           '\s+', ' ', 'g')
$$;
