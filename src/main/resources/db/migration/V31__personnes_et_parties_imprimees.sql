-- People administration (one person, several mandates) and parties as a document prints them (ADR 0007).
ALTER TABLE personne
    ADD COLUMN version       INTEGER NOT NULL DEFAULT 0,
    -- Comparison key of "prénom nom" (territoire.NameNormalizer), written by the application; filled at start
    -- for older rows (organisation.ClesDesOrganisations).
    ADD COLUMN nom_normalise TEXT;
CREATE INDEX personne_nom_normalise_trgm ON personne USING gin (nom_normalise gin_trgm_ops);

ALTER TABLE mandat ADD CONSTRAINT mandat_periode CHECK (fin IS NULL OR debut IS NULL OR fin >= debut);

-- The party's name as printed in the document, beside its organisation in the referential.
ALTER TABLE convention_partie ADD COLUMN nom_imprime TEXT;
