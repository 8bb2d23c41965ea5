#!/usr/bin/env bash
# Measures the annual evaluation pages of the demo app (CTG du Bassin d'Aubenas, 32 fiches): warm-up, then N
# sequential requests per page, prints p50/p95/max in ms. Loopback only; bounded in count. Usage:
#   bench/evaluation.sh                 # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/evaluation.sh   # measures an app that is already running (demo data)
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-ccba}
PORT=${BENCH_PORT:-18080}

demarrer_app "$USER_NAME" Aubenas
connecter "$USER_NAME"
convention=$(id_convention Aubenas)
fiche=$(api "/api/v1/conventions/$convention/fiches" | python3 -c "import json,sys; print(json.load(sys.stdin)[9]['id'])")

echo "Pilote CTG — evaluation timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N requests each"
mesurer "grille 2026 (Aubenas)" "/conventions/$convention/evaluation/2026"
mesurer "ligne (formulaire)" "/conventions/$convention/evaluation/2026/lignes/$fiche"
mesurer "indicateurs (Aubenas)" "/conventions/$convention/indicateurs"
mesurer "API grille 2026" "/api/v1/conventions/$convention/evaluation/2026"
