-- Issue 16, national size (ADR 0027): indexes for what the pages show.
-- Search by name (conventions list): trigram indexes on the folded texts the search compares with LIKE '%…%'
-- (pg_trgm is created by V30).
CREATE INDEX convention_titre_trgm ON convention USING gin (unaccent_simple(titre) gin_trgm_ops);
CREATE INDEX convention_territoire_trgm ON convention USING gin (unaccent_simple(coalesce(territoire_nom, '')) gin_trgm_ops);
CREATE INDEX convention_commune_nom_trgm ON convention_commune USING gin (unaccent_simple(nom) gin_trgm_ops);
-- Home page: from the fiches an organisation carries to the campaigns that ask them (campagne_fiche's key starts with
-- the campaign). Open campaigns already have their partial index (campagne_ouverte, V12).
CREATE INDEX campagne_fiche_fiche ON campagne_fiche (fiche_id);
-- The last follow-up point of every fiche (national view, dashboard), read in index order.
CREATE INDEX suivi_fiche_dernier ON suivi_fiche (fiche_id, date_point DESC, id DESC);
