-- The period and formalities as the document writes them: the printed wording of the period, the renewal mode,
-- the number of originals as printed text. A period given as a start and a duration gets its end date
-- (start + duration − 1 day), which conventions created before lacked.
ALTER TABLE convention ADD COLUMN periode_libelle TEXT;
ALTER TABLE convention ADD COLUMN reconduction TEXT;
ALTER TABLE convention ADD COLUMN signature_nombre_originaux_texte TEXT;

UPDATE convention
   SET date_fin = (date_debut + make_interval(years => duree_annees) - INTERVAL '1 day')::date,
       version = version + 1
 WHERE date_fin IS NULL AND date_debut IS NOT NULL AND duree_annees BETWEEN 1 AND 10;
