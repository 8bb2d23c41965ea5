-- Issue 16: the "données d'exemple" flag of the portfolio and the dashboard looks for example rows of a convention; a
-- few rows are examples among hundreds of thousands, so an index of those rows alone answers without scanning.
CREATE INDEX suivi_fiche_exemple ON suivi_fiche (convention_id) WHERE exemple;
CREATE INDEX evaluation_ligne_exemple ON evaluation_ligne (convention_id) WHERE exemple;
CREATE INDEX campagne_exemple ON campagne (convention_id) WHERE exemple;
-- The same index as suivi_fiche_fiche (V8), created again by V86: one is enough, and each write kept both up to date.
DROP INDEX suivi_fiche_dernier;
