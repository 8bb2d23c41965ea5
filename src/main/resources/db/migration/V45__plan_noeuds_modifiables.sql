-- Nodes become editable (issue 10): a context sentence ("En s'appuyant sur…"), and a heading the source document
-- lost kept as missing rather than invented. The title column stays filled ("(intitulé manquant)") so that every
-- reader of node titles keeps working; the flag says the heading is missing.
ALTER TABLE plan_noeud ADD COLUMN contexte TEXT;
ALTER TABLE plan_noeud ADD COLUMN intitule_manquant BOOLEAN NOT NULL DEFAULT false;

-- A node is deleted softly with everything under it, as one batch (lot_suppression = the id of the node the user
-- deleted), so that "Annuler la suppression" brings back exactly that content and links to it stay.
ALTER TABLE plan_noeud ADD COLUMN supprime_le TIMESTAMPTZ;
ALTER TABLE plan_noeud ADD COLUMN lot_suppression BIGINT;
ALTER TABLE fiche ADD COLUMN lot_suppression BIGINT;
