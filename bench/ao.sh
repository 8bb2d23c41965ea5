#!/usr/bin/env bash
# Measures the AO page, the CDSF extract and the AO API of the Aubenas demo convention (the largest AO
# data set): warm-up, then N sequential requests per page; prints p50/p95/max in ms. Loopback only. Usage:
#   bench/ao.sh                                   # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/ao.sh   # measures an app that is already running (demo data)
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=ccba
PORT=${BENCH_PORT:-18094}
LARGEUR_NOM=22
LARGEUR_CHEMIN=36

demarrer_app "$USER_NAME" Aubenas
connecter "$USER_NAME"
convention=$(id_convention Aubenas)

echo "Pilote CTG — AO timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N requests each"
mesurer "page AO" "/conventions/$convention/ao"
mesurer "extrait CDSF" "/conventions/$convention/extrait-cdsf"
mesurer "API AO" "/api/v1/conventions/$convention/ao"
