-- Bench data only (never loaded by the app): one large convention "Banc exports" for the Caf of the Aubenas demo
-- convention, with :fiches fiches under 20 axes (national template, a few fields filled), three follow-up updates
-- per fiche and the follow-up statuses. Run again, it replaces its own convention. psql -v fiches=20000 -f …
BEGIN;
DELETE FROM convention WHERE titre = 'Banc exports';

CREATE TEMP TABLE banc ON COMMIT DROP AS
SELECT nextval(pg_get_serial_sequence('convention', 'id')) AS id,
       (SELECT caf_id FROM convention WHERE titre = 'CTG du Bassin d''Aubenas 2026-2030') AS caf_id,
       extract(YEAR FROM current_date)::int AS y;
INSERT INTO convention (id, titre, caf_id, date_debut, date_fin, statut)
SELECT id, 'Banc exports', caf_id, make_date(y - 2, 1, 1), make_date(y + 2, 12, 31), 'EN_VIGUEUR' FROM banc;

INSERT INTO plan (convention_id, modele) SELECT id, 'NATIONAL' FROM banc;
INSERT INTO plan_niveau (convention_id, rang, nom, numerotation)
SELECT id, r, CASE r WHEN 0 THEN 'Axe' ELSE 'Fiche action' END, 'CONTINUE' FROM banc, generate_series(0, 1) AS r;
INSERT INTO plan_noeud (convention_id, rang, ordre, reference, titre)
SELECT id, 0, a, a::text, 'Axe de banc ' || a FROM banc, generate_series(1, 20) AS a;
INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees)
SELECT b.id, n.id, f, 'FA' || f, 'Fiche de banc ' || f || ' : accompagner les familles du territoire', ARRAY[b.y - 1, b.y]
FROM banc b, generate_series(1, :fiches) AS f
JOIN LATERAL (SELECT pn.id FROM plan_noeud pn WHERE pn.convention_id = (SELECT id FROM banc) AND pn.ordre = 1 + (f % 20)) n ON true;

INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
SELECT id, s.code, s.libelle, s.avancement, s.ordre, s.evaluation FROM banc,
       (VALUES ('REALISEE', 'Réalisée', 100, 0, 'REALISE'), ('EN_COURS', 'En cours', 50, 1, 'EN_COURS'),
               ('A_LANCER', 'À lancer', 0, 2, 'NON_REALISE')) AS s(code, libelle, avancement, ordre, evaluation);

INSERT INTO suivi_fiche (convention_id, fiche_id, date_point, statut, avancement, mise_en_oeuvre, realisations, auteur, cree_le)
SELECT f.convention_id, f.id, make_date(b.y - 1, 1 + 4 * k, 15), (ARRAY['A_LANCER', 'EN_COURS', 'REALISEE'])[1 + k],
       25 * k + 25, 'Mise en œuvre de banc, point ' || k, 'Réalisations de banc : ateliers, permanences, réunions ' || k,
       'banc', make_date(b.y - 1, 1 + 4 * k, 15)
FROM fiche f JOIN banc b ON b.id = f.convention_id CROSS JOIN generate_series(0, 2) AS k;
COMMIT;
ANALYZE;
