-- Bench data only (never loaded by the app): the national size of issue 16, deterministic (no random(): every
-- figure is derived from the row numbers, so two loads give the same database). Run by bench/national.sh, or by hand:
--   psql "$URL" -v ON_ERROR_STOP=1 -v conventions=1300 -v indicateurs=5 -v annees=10 -f bench/national-donnees.sql
-- What it adds (defaults), all marked so that a new run replaces them ("CTG nationale …" conventions, "nat-" accounts,
-- "Banc national …" organisations):
--   * 1,300 conventions over every Caf of the referential (about 100), 13 per Caf, one agent per Caf ("nat-caf-<code>"),
--     one porteur per convention ("nat-porteur-<n>", carrying a third of its fiches), statuses and periods spread so that
--     some periods end within 12 months;
--   * each convention's territory: 24 communes of its Caf's département (about 31,000 communes of the 35,000 in a CTG);
--   * 50,000 fiches (20 to 57 per convention) under 4 axes, 250,000 evaluation grid lines (5 years per fiche),
--     200,000 follow-up updates (4 per fiche), 2,000 campaigns (the 700 first conventions have a closed and an open one,
--     the others an open one), half the fiches of an open campaign answered;
--   * diagnostic values: for every convention, its 24 communes, its EPCI, its département and France × :indicateurs
--     indicators × :annees years. The national figure of 35,000 communes × 50 indicators × 10 years (17.5 M values) is
--     :indicateurs = 50; the default 5 loads a tenth of it (about 1.8 M values): multiply by 10 to extrapolate the size.
-- The accounts have the password of the demo account "admin" (the bench runs against the demo profile).
\set ON_ERROR_STOP on
\if :{?conventions}
\else
  \set conventions 1300
\endif
\if :{?indicateurs}
\else
  \set indicateurs 5
\endif
\if :{?annees}
\else
  \set annees 10
\endif
SET client_min_messages = warning;
\echo 'Suppression d''un chargement précédent…'
BEGIN;
DELETE FROM convention WHERE titre LIKE 'CTG nationale %';
DELETE FROM utilisateur WHERE identifiant LIKE 'nat-%';
DELETE FROM organisation WHERE nom LIKE 'Banc national %';
COMMIT;

\echo 'Conventions, parties, communes…'
BEGIN;
CREATE TEMP TABLE nat_caf ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY o.code_departement, o.id) - 1 AS k, o.id, o.code_departement
FROM organisation o WHERE o.type = 'CAF' AND o.code_departement IS NOT NULL AND o.actif;

CREATE TEMP TABLE nat_conv ON COMMIT DROP AS
WITH y AS (SELECT extract(YEAR FROM current_date)::int AS y),
     n AS (SELECT g AS n FROM generate_series(1, :conventions) AS g)
SELECT n.n, c.id AS caf_id, c.code_departement,
       (n.n - 1) / (SELECT count(*) FROM nat_caf) AS rang_dans_caf,
       y.y, make_date(y.y - 4 + (n.n % 4), 1, 1) AS debut,
       make_date(y.y + (n.n % 4), 12, 31) AS fin,
       (ARRAY['EN_VIGUEUR', 'EN_VIGUEUR', 'EN_VIGUEUR', 'EN_VIGUEUR', 'EN_VIGUEUR', 'BILAN_INTERMEDIAIRE', 'PLAN_ACTIONS',
              'DIAGNOSTIC', 'BILAN_FINAL', 'SIGNEE'])[1 + n.n % 10] AS statut,
       20 + (n.n * 7) % 38 AS fiches
FROM n CROSS JOIN y JOIN nat_caf c ON c.k = (n.n - 1) % (SELECT count(*) FROM nat_caf);
ALTER TABLE nat_conv ADD COLUMN id BIGINT, ADD COLUMN collectivite_id BIGINT, ADD COLUMN porteur_id BIGINT;
UPDATE nat_conv SET id = nextval(pg_get_serial_sequence('convention', 'id')),
                    collectivite_id = nextval(pg_get_serial_sequence('organisation', 'id')),
                    porteur_id = nextval(pg_get_serial_sequence('organisation', 'id'));

INSERT INTO organisation (id, nom, type, code_departement)
SELECT collectivite_id, 'Banc national communauté ' || lpad(n::text, 4, '0'), 'EPCI', code_departement FROM nat_conv
UNION ALL
SELECT porteur_id, 'Banc national centre social ' || lpad(n::text, 4, '0'), 'CENTRE_SOCIAL', code_departement FROM nat_conv;

INSERT INTO convention (id, titre, caf_id, territoire_nom, code_departement, date_debut, date_fin, duree_annees, statut)
SELECT id, 'CTG nationale ' || lpad(n::text, 4, '0') || ' — communauté ' || lpad(n::text, 4, '0') || ' (' || code_departement || ')',
       caf_id, 'Communauté ' || lpad(n::text, 4, '0'), code_departement, debut, fin,
       extract(YEAR FROM fin)::int - extract(YEAR FROM debut)::int + 1, statut
FROM nat_conv;
INSERT INTO convention_partie (convention_id, position, organisation_id, role)
SELECT id, 0, caf_id, 'SIGNATAIRE' FROM nat_conv
UNION ALL SELECT id, 1, collectivite_id, 'SIGNATAIRE' FROM nat_conv;
INSERT INTO convention_implication (convention_id, organisation_id, source)
SELECT id, porteur_id, 'banc' FROM nat_conv;

-- The communes of a département, numbered; convention r of its Caf takes the communes 24 r + 1 … 24 r + 24.
INSERT INTO convention_commune (convention_id, code_insee, nom, population)
SELECT v.id, c.code_insee, c.nom, c.population
FROM nat_conv v
JOIN (SELECT code_insee, nom, population, code_departement,
             row_number() OVER (PARTITION BY code_departement ORDER BY code_insee) - 1 AS r FROM commune) c
  ON c.code_departement = v.code_departement AND c.r / 24 = v.rang_dans_caf;

INSERT INTO utilisateur (identifiant, mot_de_passe, nom_affiche, role, organisation_id, courriel)
SELECT 'nat-caf-' || c.code_departement || '-' || c.k, (SELECT mot_de_passe FROM utilisateur WHERE identifiant = 'admin'),
       'Agent national ' || c.k, 'AGENT_CAF', c.id, NULL FROM nat_caf c
UNION ALL
SELECT 'nat-porteur-' || v.n, (SELECT mot_de_passe FROM utilisateur WHERE identifiant = 'admin'),
       'Porteur national ' || v.n, 'PORTEUR', v.porteur_id, NULL FROM nat_conv v;
COMMIT;

\echo 'Plans et fiches…'
BEGIN;
INSERT INTO plan (convention_id, modele) SELECT c.id, 'NATIONAL' FROM convention c WHERE c.titre LIKE 'CTG nationale %';
INSERT INTO plan_niveau (convention_id, rang, nom, numerotation)
SELECT c.id, r, CASE r WHEN 0 THEN 'Axe' ELSE 'Fiche action' END, 'CONTINUE'
FROM convention c, generate_series(0, 1) AS r WHERE c.titre LIKE 'CTG nationale %';
INSERT INTO plan_noeud (convention_id, rang, ordre, reference, titre)
SELECT c.id, 0, a, a::text, (ARRAY['Petite enfance', 'Enfance et jeunesse', 'Parentalité', 'Accès aux droits'])[a]
FROM convention c, generate_series(1, 4) AS a WHERE c.titre LIKE 'CTG nationale %';

CREATE TEMP TABLE nat_conv2 AS
SELECT c.id, o.id AS porteur_id, o.nom AS porteur_nom, extract(YEAR FROM current_date)::int AS y,
       20 + (substring(c.titre FROM 15 FOR 4)::int * 7) % 38 AS fiches
FROM convention c JOIN convention_implication i ON i.convention_id = c.id AND i.source = 'banc'
JOIN organisation o ON o.id = i.organisation_id
WHERE c.titre LIKE 'CTG nationale %';

INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees, champs)
SELECT b.id, (SELECT pn.id FROM plan_noeud pn WHERE pn.convention_id = b.id AND pn.rang = 0 AND pn.ordre = 1 + (f - 1) % 4), f,
       'FA' || f, 'Fiche nationale ' || f || ' : accompagner les familles du territoire',
       ARRAY[b.y - 4, b.y - 3, b.y - 2, b.y - 1, b.y, b.y + 1],
       CASE WHEN f % 3 = 0 THEN jsonb_build_object('organisations', jsonb_build_object('porteurs',
                jsonb_build_array(jsonb_build_object('nom', b.porteur_nom, 'role', 'pilote', 'organisationId', b.porteur_id))))
            ELSE '{}'::jsonb END
FROM nat_conv2 b CROSS JOIN LATERAL generate_series(1, b.fiches) AS f;

INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
SELECT id, s.code, s.libelle, s.avancement, s.ordre, s.evaluation FROM nat_conv2,
       (VALUES ('REALISEE', 'Réalisée', 100, 0, 'REALISE'), ('EN_COURS', 'En cours', 50, 1, 'EN_COURS'),
               ('A_LANCER', 'À lancer', 0, 2, 'NON_REALISE'), ('ABANDONNEE', 'Abandonnée', NULL, 3, NULL))
           AS s(code, libelle, avancement, ordre, evaluation);
COMMIT;

\echo 'Campagnes…'
BEGIN;
-- Every convention has an open campaign of the current quarter; the 700 first also a closed one of last year.
INSERT INTO campagne (convention_id, libelle, annee, trimestre, date_limite, ouverte_le, ouverte_par, cloturee_le)
SELECT id, 'Campagne nationale ' || y || ' T4', y, 4, current_date + 20, now() - interval '10 days', 'banc', NULL FROM nat_conv2
UNION ALL
SELECT id, 'Campagne nationale ' || (y - 1) || ' T4', y - 1, 4, make_date(y - 1, 12, 15), make_date(y - 1, 11, 15), 'banc',
       make_date(y - 1, 12, 31)
FROM nat_conv2 WHERE substring((SELECT titre FROM convention WHERE convention.id = nat_conv2.id) FROM 15 FOR 4)::int <= 700;
INSERT INTO campagne_fiche (campagne_id, fiche_id)
SELECT cp.id, f.id FROM campagne cp JOIN nat_conv2 b ON b.id = cp.convention_id JOIN fiche f ON f.convention_id = b.id;
COMMIT;

\echo 'Suivi (4 points par fiche), grilles d''évaluation (5 années par fiche)…'
BEGIN;
-- Four follow-up points per fiche: the three past years, and this year's (the answer to the open campaign for the
-- even fiches).
INSERT INTO suivi_fiche (convention_id, fiche_id, campagne_id, date_point, statut, avancement, mise_en_oeuvre, auteur, cree_le)
SELECT f.convention_id, f.id,
       CASE WHEN k = 3 AND f.ordre % 2 = 0 THEN cp.id END,
       make_date(b.y - 3 + k, 1 + (f.ordre % 11), 15),
       (ARRAY['REALISEE', 'EN_COURS', 'A_LANCER', 'ABANDONNEE'])[1 + (f.ordre + k) % 4],
       CASE WHEN f.ordre % 3 = 0 THEN (f.ordre * 7 + k * 13) % 101 END,
       'Point de suivi national ' || k, 'banc',
       CASE WHEN k = 3 AND f.ordre % 2 = 0 THEN now() - interval '2 days' ELSE make_date(b.y - 3 + k, 1 + (f.ordre % 11), 15) END
FROM fiche f JOIN nat_conv2 b ON b.id = f.convention_id
JOIN campagne cp ON cp.convention_id = b.id AND cp.cloturee_le IS NULL
CROSS JOIN generate_series(0, 3) AS k;

INSERT INTO evaluation_ligne (convention_id, fiche_id, annee, statut, resultats, modifiee_par, modifiee_le)
SELECT f.convention_id, f.id, a, (ARRAY['REALISE', 'EN_COURS', 'NON_REALISE', 'NON_CONCERNE', 'REALISE'])[1 + (f.ordre + a) % 5],
       'Résultats nationaux ' || a, 'banc', now()
FROM fiche f JOIN nat_conv2 b ON b.id = f.convention_id CROSS JOIN generate_series(b.y - 4, b.y) AS a;
COMMIT;

\echo 'Diagnostic (territoires × indicateurs × années)…'
BEGIN;
INSERT INTO diagnostic_territoire (convention_id, cle, type, nom, code)
SELECT cc.convention_id, 'c' || cc.code_insee, 'COMMUNE', cc.nom, cc.code_insee
FROM convention_commune cc JOIN nat_conv2 b ON b.id = cc.convention_id
UNION ALL
SELECT c.id, 'epci', 'EPCI', c.territoire_nom, NULL FROM convention c JOIN nat_conv2 b ON b.id = c.id
UNION ALL
SELECT c.id, 'departement', 'DEPARTEMENT', d.nom, d.code FROM convention c JOIN nat_conv2 b ON b.id = c.id
JOIN departement d ON d.code = c.code_departement
UNION ALL
SELECT b.id, 'france', 'FRANCE', 'France', 'FR' FROM nat_conv2 b;

INSERT INTO diagnostic_indicateur (convention_id, code, libelle, unite, thematique)
SELECT b.id, 'IND' || lpad(i::text, 2, '0'), 'Indicateur national ' || i,
       CASE WHEN i % 2 = 0 THEN '%' ELSE 'nombre' END,
       (ARRAY['Démographie', 'Petite enfance', 'Enfance et jeunesse', 'Parentalité', 'Accès aux droits'])[1 + i % 5]
FROM nat_conv2 b CROSS JOIN generate_series(1, :indicateurs) AS i;

INSERT INTO diagnostic_valeur (indicateur_id, territoire_id, periode, source, valeur, marqueur)
SELECT di.id, t.id, (b.y - a)::text, 'Banc national',
       CASE WHEN (t.id + di.id + a) % 23 = 0 THEN NULL ELSE ((t.id * 31 + di.id * 17 + a * 7) % 1000) / 10.0 END,
       CASE WHEN (t.id + di.id + a) % 23 = 0 THEN '<5' END
FROM nat_conv2 b
JOIN diagnostic_indicateur di ON di.convention_id = b.id
JOIN diagnostic_territoire t ON t.convention_id = b.id
CROSS JOIN generate_series(1, :annees) AS a;
COMMIT;

\echo 'Statistiques du planificateur…'
ANALYZE;
SELECT (SELECT count(*) FROM convention WHERE titre LIKE 'CTG nationale %') AS conventions,
       (SELECT count(DISTINCT caf_id) FROM convention WHERE titre LIKE 'CTG nationale %') AS cafs,
       (SELECT count(*) FROM fiche) AS fiches,
       (SELECT count(*) FROM evaluation_ligne) AS lignes_de_grille,
       (SELECT count(*) FROM suivi_fiche) AS points_de_suivi,
       (SELECT count(*) FROM campagne) AS campagnes,
       (SELECT count(*) FROM diagnostic_valeur) AS valeurs_de_diagnostic,
       (SELECT count(DISTINCT code_insee) FROM convention_commune) AS communes_en_ctg,
       pg_size_pretty(pg_database_size(current_database())) AS taille;
