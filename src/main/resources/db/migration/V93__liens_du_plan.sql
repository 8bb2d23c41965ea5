-- Links from fiches and plan nodes (axes…) to the items of the convention's reference frameworks and to its
-- objectifs conjoints (issue 11 item 2). A link goes when either end is deleted.
CREATE TABLE plan_lien_referentiel (
    fiche_id               BIGINT REFERENCES fiche (id) ON DELETE CASCADE,
    noeud_id               BIGINT REFERENCES plan_noeud (id) ON DELETE CASCADE,
    referentiel_element_id BIGINT NOT NULL REFERENCES referentiel_element (id) ON DELETE CASCADE,
    CHECK ((fiche_id IS NULL) <> (noeud_id IS NULL))
);
CREATE UNIQUE INDEX plan_lien_referentiel_fiche ON plan_lien_referentiel (fiche_id, referentiel_element_id) WHERE fiche_id IS NOT NULL;
CREATE UNIQUE INDEX plan_lien_referentiel_noeud ON plan_lien_referentiel (noeud_id, referentiel_element_id) WHERE noeud_id IS NOT NULL;
CREATE INDEX plan_lien_referentiel_element ON plan_lien_referentiel (referentiel_element_id);

CREATE TABLE plan_lien_objectif (
    fiche_id             BIGINT REFERENCES fiche (id) ON DELETE CASCADE,
    noeud_id             BIGINT REFERENCES plan_noeud (id) ON DELETE CASCADE,
    objectif_conjoint_id BIGINT NOT NULL REFERENCES convention_objectif_conjoint (id) ON DELETE CASCADE,
    CHECK ((fiche_id IS NULL) <> (noeud_id IS NULL))
);
CREATE UNIQUE INDEX plan_lien_objectif_fiche ON plan_lien_objectif (fiche_id, objectif_conjoint_id) WHERE fiche_id IS NOT NULL;
CREATE UNIQUE INDEX plan_lien_objectif_noeud ON plan_lien_objectif (noeud_id, objectif_conjoint_id) WHERE noeud_id IS NOT NULL;
CREATE INDEX plan_lien_objectif_objectif ON plan_lien_objectif (objectif_conjoint_id);
