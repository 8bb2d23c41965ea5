-- Demo follow-ups of indicators are labelled as example data, like every other example row.
ALTER TABLE indicateur_suivi ADD COLUMN exemple BOOLEAN NOT NULL DEFAULT FALSE;
