-- Optional start and end months of a fiche (issue 10 item 6), stored as the first day of the month.
-- The free "Échéances" text stays as printed; the planned years are derived from these months when given.
ALTER TABLE fiche ADD COLUMN debut DATE, ADD COLUMN fin DATE;
ALTER TABLE fiche ADD CONSTRAINT fiche_mois_entiers
    CHECK ((debut IS NULL OR extract(DAY FROM debut) = 1) AND (fin IS NULL OR extract(DAY FROM fin) = 1));
ALTER TABLE fiche ADD CONSTRAINT fiche_fin_apres_debut CHECK (debut IS NULL OR fin IS NULL OR fin >= debut);
