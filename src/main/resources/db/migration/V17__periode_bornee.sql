-- A convention's period stays within the years the product deals with and lasts at most ten years, whatever
-- writes it (the application checks it first, with a message naming the field). NOT VALID: rows written before
-- are not re-checked here, new writes are.
ALTER TABLE convention ADD CONSTRAINT convention_periode_bornee CHECK (
    (date_debut IS NULL OR date_debut BETWEEN DATE '2000-01-01' AND DATE '2100-12-31')
    AND (date_fin IS NULL OR date_fin BETWEEN DATE '2000-01-01' AND DATE '2100-12-31')
    AND (date_debut IS NULL OR date_fin IS NULL OR date_fin <= date_debut + INTERVAL '10 years')
) NOT VALID;
