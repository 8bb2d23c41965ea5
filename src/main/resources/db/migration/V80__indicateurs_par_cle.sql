-- Issue 15 item 10: a fiche indicator's follow-up is tied to the indicator's own id, not to its position in the fiche.
-- 1. Every indicator already written in a fiche gets its id ("cle", 12 hex characters), in the fiche's JSON.
UPDATE fiche f SET champs = jsonb_set(f.champs, '{indicateurs}', (
    SELECT jsonb_object_agg(champ.cle, CASE WHEN jsonb_typeof(champ.liste) <> 'array' THEN champ.liste ELSE (
        SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(t.elem) = 'object' AND NOT t.elem ? 'cle'
                                       THEN t.elem || jsonb_build_object('cle', substr(md5(f.id || '-' || champ.cle || '-' || t.ord || '-' || random()), 1, 12))
                                       ELSE t.elem END ORDER BY t.ord), '[]'::jsonb)
        FROM jsonb_array_elements(champ.liste) WITH ORDINALITY AS t (elem, ord)) END)
    FROM jsonb_each(f.champs -> 'indicateurs') AS champ (cle, liste)))
WHERE jsonb_typeof(f.champs -> 'indicateurs') = 'object'
  AND EXISTS (SELECT 1 FROM jsonb_each(f.champs -> 'indicateurs') AS c (cle, liste) WHERE jsonb_typeof(c.liste) = 'array');

-- 2. Each follow-up takes the id of the indicator at its position today (the data stay where they are shown now);
--    a follow-up whose position no longer exists in the fiche keeps its data under an id of its own (never shown).
ALTER TABLE indicateur_suivi ADD COLUMN indicateur_cle TEXT;
UPDATE indicateur_suivi s SET indicateur_cle = coalesce(
    (SELECT t.elem ->> 'cle' FROM fiche f, jsonb_array_elements(f.champs -> 'indicateurs' -> 'indicateurs') WITH ORDINALITY AS t (elem, ord)
     WHERE f.id = s.fiche_id AND jsonb_typeof(f.champs -> 'indicateurs' -> 'indicateurs') = 'array' AND t.ord = s.position),
    'ancien-' || s.id);
ALTER TABLE indicateur_suivi ALTER COLUMN indicateur_cle SET NOT NULL;
ALTER TABLE indicateur_suivi DROP CONSTRAINT indicateur_suivi_fiche_id_position_key;
ALTER TABLE indicateur_suivi ADD CONSTRAINT indicateur_suivi_fiche_cle UNIQUE (fiche_id, indicateur_cle);
COMMENT ON COLUMN indicateur_suivi.position IS 'Position of the indicator in the fiche when the follow-up was last saved (information only).';
