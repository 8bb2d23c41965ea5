-- The annual grid's COPIL validation and the dashboard's planned COPILs become meetings of the convention's COPIL
-- (issue 14, ADR 0039). A decision may now be linked to a fiche (its owner may then be the fiche's porteur) and may be
-- the validation of an evaluation year.
ALTER TABLE gouvernance_decision ADD COLUMN fiche_id BIGINT REFERENCES fiche (id) ON DELETE SET NULL;
ALTER TABLE gouvernance_decision ADD COLUMN annee_validee INTEGER CHECK (annee_validee BETWEEN 2000 AND 2100);
CREATE INDEX gouvernance_decision_fiche ON gouvernance_decision (fiche_id);

-- Existing rows: each validated year becomes a decision "fait" of a COPIL meeting on the validation's date (one
-- meeting per date; the convention's first COPIL body, created when it has none); each planned COPIL becomes a
-- meeting of that body with its subject as agenda item. Nothing to do on a fresh database.
DO $$
DECLARE
    v         RECORD;
    cle_copil UUID;
    nom_copil TEXT;
    reunion   BIGINT;
BEGIN
    FOR v IN
        SELECT convention_id, annee, copil_date AS date, copil_decision AS decision, exemple, NULL::text AS objet
        FROM evaluation_annee WHERE copil_date IS NOT NULL
        UNION ALL
        SELECT convention_id, NULL, date_copil, NULL, FALSE, objet FROM copil_prevu
        ORDER BY 1, 3, 2
    LOOP
        SELECT cle, nom INTO cle_copil, nom_copil FROM gouvernance_instance
        WHERE convention_id = v.convention_id AND type = 'COPIL' ORDER BY position LIMIT 1;
        IF cle_copil IS NULL THEN
            INSERT INTO convention_gouvernance (convention_id, version) VALUES (v.convention_id, 1)
            ON CONFLICT (convention_id) DO UPDATE SET version = convention_gouvernance.version + 1;
            INSERT INTO gouvernance_instance (convention_id, position, type, nom)
            VALUES (v.convention_id,
                    COALESCE((SELECT max(position) + 1 FROM gouvernance_instance WHERE convention_id = v.convention_id), 0),
                    'COPIL', 'Comité de pilotage')
            RETURNING cle, nom INTO cle_copil, nom_copil;
        END IF;
        IF v.annee IS NOT NULL THEN
            SELECT id INTO reunion FROM gouvernance_reunion
            WHERE convention_id = v.convention_id AND instance_cle = cle_copil AND date = v.date ORDER BY id LIMIT 1;
            IF reunion IS NULL THEN
                INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date, ordre_du_jour, exemple)
                VALUES (v.convention_id, cle_copil, nom_copil, v.date,
                        jsonb_build_array(jsonb_build_object('texte', 'Validation de l''évaluation annuelle ' || v.annee,
                                                             'fiche', NULL, 'annee', v.annee)), v.exemple)
                RETURNING id INTO reunion;
            ELSE
                UPDATE gouvernance_reunion SET version = version + 1 WHERE id = reunion;
            END IF;
            INSERT INTO gouvernance_decision (reunion_id, position, texte, statut, annee_validee)
            VALUES (reunion, COALESCE((SELECT max(position) + 1 FROM gouvernance_decision WHERE reunion_id = reunion), 0),
                    left(COALESCE(NULLIF(btrim(v.decision), ''), 'Évaluation ' || v.annee || ' validée'), 20000), 'FAIT', v.annee);
        ELSE
            INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date, ordre_du_jour)
            VALUES (v.convention_id, cle_copil, nom_copil, v.date,
                    CASE WHEN v.objet IS NULL OR btrim(v.objet) = '' THEN '[]'::jsonb
                         ELSE jsonb_build_array(jsonb_build_object('texte', left(v.objet, 20000), 'fiche', NULL, 'annee', NULL)) END);
        END IF;
    END LOOP;
END $$;

DROP TABLE copil_prevu;
