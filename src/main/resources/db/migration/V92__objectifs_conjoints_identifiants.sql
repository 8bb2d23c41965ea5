-- Objectifs conjoints get a stable id (issue 11 item 2): fiches and plan nodes link to them, so an objectif keeps its
-- id when it is edited or reordered (an objectif sent with its id is updated, one without is created, one not sent is
-- deleted). The position stays the document order.
ALTER TABLE convention_objectif_conjoint ADD COLUMN id BIGSERIAL;
ALTER TABLE convention_objectif_conjoint DROP CONSTRAINT convention_objectif_conjoint_pkey;
ALTER TABLE convention_objectif_conjoint ADD PRIMARY KEY (id);
CREATE INDEX convention_objectif_conjoint_convention ON convention_objectif_conjoint (convention_id, position);
