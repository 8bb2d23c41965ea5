#!/usr/bin/env bash
# Measures the server time of pages of the demo app: warm-up, then N sequential requests per page, prints p50/p95/max
# in ms and each page's SQL time and statements per request (pg_stat_statements, see commun.sh). Loopback only;
# bounded in count. Usage:
#   bench/pages.sh                 # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/pages.sh   # measures an app that is already running (demo data)
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-pilat}
PORT=${BENCH_PORT:-18080}

demarrer_app "$USER_NAME" titre
connecter "$USER_NAME"
sql_bench "SELECT count(*) FROM pg_stat_statements" >/dev/null || echo "(no SQL time: the database is unreachable or pg_stat_statements not loaded)"
convention=$(id_convention Pilat)
fiche=$(api "/api/v1/conventions/$convention/fiches" | python3 -c "import json,sys; print(json.load(sys.stdin)[20]['id'])")

echo "Pilote CTG — page timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N requests each"
mesurer "plan (Monts du Pilat)" "/conventions/$convention/plan"
mesurer "fiche" "/fiches/$fiche"
mesurer "programmation" "/conventions/$convention/programme"
mesurer "API fiches" "/api/v1/conventions/$convention/fiches"
