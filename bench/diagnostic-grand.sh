#!/usr/bin/env bash
# Issue 16 benchmark: the diagnostic page of a convention with 15 000 indicator values (5 indicators × 300 territories
# — France, Ardèche and 298 communes — × 10 years, imported by CSV into a throw-away convention): its HTML size and
# time (p50/p95/max), and the page of all the values of one indicator (page 1 and the last page). Loopback only. Usage:
#   bench/diagnostic-grand.sh                 # builds the jar if needed, starts the demo app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/diagnostic-grand.sh   # measures an app already running with the demo data
# The two imports of the CSV (all values, then all replaced) are timed: what a write costs.
# Knobs: INDICATEURS (5), COMMUNES (298), ANNEES (10), TOUTES=0 (skip the pages of all values, slow beyond 15 000
# values: e.g. COMMUNES=1998 TOUTES=0 for a 100 000-line import), N / WARMUP (see commun.sh).
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=caf07
PORT=${BENCH_PORT:-18094}
INDICATEURS=${INDICATEURS:-5}
COMMUNES=${COMMUNES:-298}
ANNEES=${ANNEES:-10}
LARGEUR_NOM=30
LARGEUR_CHEMIN=48

demarrer_app "$USER_NAME" Aubenas
connecter "$USER_NAME"
aubenas=$(id_convention Aubenas)
caf=$(api "/api/v1/conventions/$aubenas" | python3 -c "import json,sys; print(json.load(sys.stdin)['caf']['id'])")
convention=$(api /api/v1/conventions -H 'Content-Type: application/json' \
  -d "{\"titre\":\"Bench grand diagnostic $(date +%s)\",\"cafId\":$caf,\"epci\":\"CC du Bassin d'Aubenas\",\"dateDebut\":\"2026-01-01\",\"dateFin\":\"2030-12-31\"}" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
for i in $(seq 1 "$INDICATEURS"); do
  api "/api/v1/conventions/$convention/diagnostic/indicateurs" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"code\":\"IND_$i\",\"libelle\":\"Indicateur $i\",\"unite\":\"%\",\"thematique\":\"Petite enfance\"}"
done
python3 - "$INDICATEURS" "$COMMUNES" "$ANNEES" "$work/valeurs.csv" <<'PY'
import gzip, sys, itertools
indicateurs, nombre, annees, sortie = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with gzip.open("src/main/resources/referentiel/communes.tsv.gz", "rt", encoding="utf-8") as f:
    next(f)
    communes = [l.split("\t")[0] for l in itertools.islice(f, nombre)]
with open(sortie, "w", encoding="utf-8") as out:
    out.write("indicateur;territoire;periode;valeur;source\n")
    for i in range(1, indicateurs + 1):
        for a in range(2015, 2015 + annees):
            out.write(f"IND_{i};France;{a};{i}0,5;Insee\nIND_{i};Ardèche;{a};{i}1,5;Insee\n")
            for n, c in enumerate(communes):
                out.write(f"IND_{i};{c};{a};{(n * 7 + a) % 100},25;Insee\n")
PY
valeurs=$(($(wc -l < "$work/valeurs.csv") - 1))
echo "Pilote CTG — large diagnostic on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
# The write cost: the import of every value, then the same file again (every value replaced), each in one request.
for essai in premier remplacement; do
  sql_bench "SELECT pg_stat_statements_reset()" >/dev/null || true
  duree=$(api "/api/v1/conventions/$convention/diagnostic/valeurs" -o /dev/null -H 'Content-Type: text/csv' \
    --data-binary @"$work/valeurs.csv" -w '%{time_total}')
  # With the SQL statistics: the import's SQL time, and the part of it that recomputes what the page reads (ADR 0048).
  sql=$(sql_bench "SELECT round(coalesce(sum(total_exec_time), 0)::numeric) || ' ms of SQL, of which '
      || round(coalesce(sum(total_exec_time) FILTER (WHERE query ~ 'diagnostic_(resume|valeur_lue)'), 0)::numeric)
      || ' ms recomputing the summaries' FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'") || sql=""
  echo "import CSV ($essai) $valeurs lignes : $(python3 -c "print(f'{float(\"$duree\") * 1000:.0f} ms')")${sql:+ ($sql)}, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
taille=$(curl -fs -b "$jar" "$BASE/conventions/$convention/diagnostic" | wc -c)
echo "$valeurs values, page HTML $taille bytes"
mesurer "page diagnostic ($valeurs valeurs)" "/conventions/$convention/diagnostic"
indicateur=$(api "/api/v1/conventions/$convention/diagnostic" | python3 -c "import json,sys; print(json.load(sys.stdin)['indicateurs'][0]['indicateur']['id'])")
if [ "${TOUTES:-1}" = 1 ] && curl -fs -o /dev/null -b "$jar" "$BASE/conventions/$convention/diagnostic/indicateurs/$indicateur"; then
  mesurer "toutes les valeurs, page 1" "/conventions/$convention/diagnostic/indicateurs/$indicateur"
  mesurer "toutes les valeurs, page 30" "/conventions/$convention/diagnostic/indicateurs/$indicateur?page=30"
fi
