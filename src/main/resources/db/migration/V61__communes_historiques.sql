-- Former communes (communes déléguées of a commune nouvelle, communes associées of a fusion-association),
-- each with the current commune that absorbed it. Filled at start by ReferentielLoader from
-- referentiel/communes-historiques.tsv.gz, reloaded with the rest of the referential.
CREATE TABLE commune_historique (
    code_ancien   TEXT NOT NULL,
    nom           TEXT NOT NULL,
    nom_normalise TEXT NOT NULL,
    nature        TEXT NOT NULL CHECK (nature IN ('DELEGUEE', 'ASSOCIEE')),
    code_insee    TEXT NOT NULL REFERENCES commune (code_insee)
);
CREATE INDEX commune_historique_nom ON commune_historique (nom_normalise text_pattern_ops);
CREATE INDEX commune_historique_commune ON commune_historique (code_insee);
