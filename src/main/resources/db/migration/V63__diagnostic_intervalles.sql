-- A diagnostic value printed as a range ("entre 5 et 10", "12 à 14"): valeur holds the lower bound, valeur_max the
-- upper one. Never negative, never inverted.
ALTER TABLE diagnostic_valeur
    ADD COLUMN valeur_max NUMERIC,
    ADD CONSTRAINT diagnostic_valeur_intervalle CHECK (valeur_max IS NULL OR (valeur IS NOT NULL AND valeur >= 0 AND valeur_max >= valeur));
