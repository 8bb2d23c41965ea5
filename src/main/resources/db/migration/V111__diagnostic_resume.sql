-- Issue 16, ADR 0048: what the diagnostic page reads, kept at write time so that its SQL does not grow with the number
-- of values. Recomputed for the indicators a write touches (and the ratios built on them), in the same transaction.

-- Per indicator: how many values, its latest non-blank period, its (source, period) pairs in the order the page
-- prints them. A row for every indicator whose summary was computed, 0 values included: an indicator without one
-- (data written before V111, or by SQL outside the application) is computed on its first reading.
CREATE TABLE diagnostic_resume (
    indicateur_id BIGINT  PRIMARY KEY REFERENCES diagnostic_indicateur (id) ON DELETE CASCADE,
    nombre        INTEGER NOT NULL,
    derniere      TEXT    NOT NULL,
    sources       TEXT[]  NOT NULL,
    periodes      TEXT[]  NOT NULL
);

-- The values the page reads: those it shows (all of an indicator with at most 24, otherwise up to 24 of its latest
-- period) and those it may flag in "Écarts signalés" (out of bound, ten times above or below the other territories,
-- a ratio that may differ from its recomputation), with what their checks need. The value itself stays in
-- diagnostic_valeur (joined by its key).
CREATE TABLE diagnostic_valeur_lue (
    indicateur_id BIGINT  NOT NULL REFERENCES diagnostic_indicateur (id) ON DELETE CASCADE,
    territoire_id BIGINT  NOT NULL REFERENCES diagnostic_territoire (id) ON DELETE CASCADE,
    periode       TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    affichee      BOOLEAN NOT NULL,
    numerateur    NUMERIC,
    denominateur  NUMERIC,
    autres_min    NUMERIC,
    autres_max    NUMERIC,
    PRIMARY KEY (indicateur_id, territoire_id, periode, source)
);
CREATE INDEX diagnostic_valeur_lue_territoire ON diagnostic_valeur_lue (territoire_id);
