-- Bench data only (never loaded by the app): 30 conventions of 40 fiches each for the Caf of the Aubenas demo
-- convention, with follow-up statuses, a follow-up per fiche and past year, evaluation lines, an open campaign
-- (half the fiches answered), one indicator per fiche with yearly values and a planned COPIL.
-- Run again, it replaces its own conventions ("Banc portefeuille …").
BEGIN;
DELETE FROM convention WHERE titre LIKE 'Banc portefeuille %';

CREATE TEMP TABLE banc_convention ON COMMIT DROP AS
WITH caf AS (SELECT caf_id FROM convention WHERE titre = 'CTG du Bassin d''Aubenas 2026-2030'),
     y AS (SELECT extract(YEAR FROM current_date)::int AS y)
SELECT n, (SELECT caf_id FROM caf) AS caf_id, make_date(y - 2, 1, 1) AS debut, make_date(y + 2, 12, 31) AS fin, y
FROM generate_series(1, 30) AS n, y;

ALTER TABLE banc_convention ADD COLUMN id BIGINT;
UPDATE banc_convention b SET id = nextval(pg_get_serial_sequence('convention', 'id'));
INSERT INTO convention (id, titre, caf_id, date_debut, date_fin, statut)
SELECT id, 'Banc portefeuille ' || lpad(n::text, 2, '0'), caf_id, debut, fin, 'EN_VIGUEUR' FROM banc_convention;

INSERT INTO plan (convention_id, modele) SELECT id, 'NATIONAL' FROM banc_convention;
INSERT INTO plan_niveau (convention_id, rang, nom, numerotation)
SELECT id, r, CASE r WHEN 0 THEN 'Axe' ELSE 'Fiche action' END, 'CONTINUE' FROM banc_convention, generate_series(0, 1) AS r;
INSERT INTO plan_noeud (convention_id, rang, ordre, reference, titre)
SELECT id, 0, a, a::text, 'Axe ' || a FROM banc_convention, generate_series(1, 4) AS a;
INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees)
SELECT b.id, (SELECT pn.id FROM plan_noeud pn WHERE pn.convention_id = b.id AND pn.ordre = 1 + (f - 1) / 10), f, 'FA' || f,
       'Fiche de banc ' || f,
       CASE f % 4 WHEN 0 THEN '{}'::int[] WHEN 1 THEN ARRAY[b.y - 2, b.y - 1] WHEN 2 THEN ARRAY[b.y - 1, b.y, b.y + 1]
            ELSE ARRAY[b.y, b.y + 2] END
FROM banc_convention b, generate_series(1, 40) AS f;

INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
SELECT id, s.code, s.libelle, s.avancement, s.ordre, s.evaluation FROM banc_convention,
       (VALUES ('REALISEE', 'Réalisée', 100, 0, 'REALISE'), ('EN_COURS', 'En cours', 50, 1, 'EN_COURS'),
               ('A_LANCER', 'À lancer', 0, 2, 'NON_REALISE'), ('ABANDONNEE', 'Abandonnée', NULL, 3, NULL))
           AS s(code, libelle, avancement, ordre, evaluation);

INSERT INTO campagne (convention_id, libelle, annee, trimestre, date_limite, ouverte_le, ouverte_par)
SELECT id, 'Campagne de banc', y, 4, current_date + 20, now() - interval '10 days', 'banc' FROM banc_convention;
INSERT INTO campagne_fiche (campagne_id, fiche_id)
SELECT cp.id, f.id FROM campagne cp JOIN banc_convention b ON b.id = cp.convention_id JOIN fiche f ON f.convention_id = b.id;

-- One follow-up per fiche and year up to the current one; in the current year half the fiches answer the campaign.
INSERT INTO suivi_fiche (convention_id, fiche_id, campagne_id, date_point, statut, avancement, auteur, cree_le)
SELECT f.convention_id, f.id,
       CASE WHEN a = b.y AND f.ordre % 2 = 0 THEN cp.id END,
       make_date(a, 1 + (f.ordre % 11), 15),
       (ARRAY['REALISEE', 'EN_COURS', 'A_LANCER', 'ABANDONNEE'])[1 + (f.ordre + a) % 4],
       CASE WHEN f.ordre % 3 = 0 THEN (f.ordre * 7 + a) % 101 END,
       'banc',
       CASE WHEN a = b.y AND f.ordre % 2 = 0 THEN now() - interval '2 days' ELSE make_date(a, 1 + (f.ordre % 11), 15) END
FROM fiche f JOIN banc_convention b ON b.id = f.convention_id
JOIN campagne cp ON cp.convention_id = b.id
CROSS JOIN LATERAL generate_series(b.y - 2, b.y) AS a;

-- The grid of the year before last is saved for every fiche.
INSERT INTO evaluation_ligne (convention_id, fiche_id, annee, statut, resultats, modifiee_par, modifiee_le)
SELECT f.convention_id, f.id, b.y - 2, (ARRAY['REALISE', 'EN_COURS', 'NON_REALISE', 'NON_CONCERNE'])[1 + f.ordre % 4],
       'Résultats de banc', 'banc', now()
FROM fiche f JOIN banc_convention b ON b.id = f.convention_id;

INSERT INTO indicateur_suivi (convention_id, fiche_id, position, libelle, base_valeur, base_annee, cible_valeur, cible_annee)
SELECT f.convention_id, f.id, 0, 'Indicateur de banc', 10, b.y - 3, 30, b.y + 2
FROM fiche f JOIN banc_convention b ON b.id = f.convention_id;
INSERT INTO indicateur_suivi_valeur (indicateur_id, annee, valeur, marqueur)
SELECT i.id, a, CASE WHEN a = b.y AND i.fiche_id % 5 = 0 THEN NULL ELSE 10 + a - b.y + 3 END,
       CASE WHEN a = b.y AND i.fiche_id % 5 = 0 THEN 'NS' END
FROM indicateur_suivi i JOIN banc_convention b ON b.id = i.convention_id CROSS JOIN LATERAL generate_series(b.y - 2, b.y) AS a;

-- planned COPILs are meetings of the convention's COPIL body (V104, ADR 0039)
INSERT INTO convention_gouvernance (convention_id, version) SELECT id, 1 FROM banc_convention ON CONFLICT DO NOTHING;
INSERT INTO gouvernance_instance (convention_id, position, type, nom)
SELECT id, 0, 'COPIL', 'COPIL de banc' FROM banc_convention ON CONFLICT DO NOTHING;
INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date, ordre_du_jour)
SELECT b.id, gi.cle, gi.nom, current_date + (b.n * 3), '[{"texte": "COPIL de banc", "fiche": null, "annee": null}]'
FROM banc_convention b JOIN gouvernance_instance gi ON gi.convention_id = b.id AND gi.type = 'COPIL';
COMMIT;
ANALYZE;
