-- AO competence matrix as the document prints it: the mode in the document's own words beside the normalised
-- one ("exercée par la commune (moins de 10 000 habitants)"), and for "certaines communes" the population the
-- document prints, kept even when it does not list the transferring communes (the computed sum is shown beside it).
ALTER TABLE ao_competence
    ADD COLUMN mode_imprime        TEXT,
    ADD COLUMN population_imprimee INTEGER CHECK (population_imprimee IS NULL OR population_imprimee >= 0);
