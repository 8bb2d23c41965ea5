#!/usr/bin/env bash
# Server time of the steering pages: the Aubenas dashboard (demo data) and the portfolio of the Caf de l'Ardèche
# after bench/portefeuille-donnees.sql has added 30 conventions of 40 fiches with their follow-up (bench data,
# never in the demo). Warm-up, then N sequential requests per page; prints p50/p95/max in ms. Loopback only.
#   bench/pilotage.sh     # builds the jar if needed, starts the app on a fresh data dir, loads the bench data, measures, stops it
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=caf07
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PGPORT:-15433}
LARGEUR_NOM=36
LARGEUR_CHEMIN=38
# Always its own app: the bench data goes into its embedded database through psql (BENCH_URL is not used).
BASE=

demarrer_app "$USER_NAME" titre --pilote.base-embarquee.port="$PGPORT"
PGPASSWORD=$(cat "$work/data/postgres/pilote-motdepasse") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -f bench/portefeuille-donnees.sql

id_de() { api "/api/v1/conventions?taille=100&q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$1")" \
  | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if c['titre'] == sys.argv[1]][0])" "$1"; }
aubenas=$(id_de "CTG du Bassin d'Aubenas 2026-2030")
banc=$(id_de "Banc portefeuille 01")

lignes=$(connecter caf07 && curl -fs -b "$jar" "$BASE/portefeuille" | grep -o 'id="nombre-conventions">[0-9]*' | grep -o '[0-9]*$')
echo "Pilote CTG — steering pages on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user caf07, warm-up $WARMUP, $N requests each"
echo "Portfolio of the Caf de l'Ardèche: $lignes conventions (30 bench conventions of 40 fiches + demo)"
connecter caf07
mesurer "tableau de bord (Aubenas)" "/conventions/$aubenas/tableau-de-bord"
mesurer "tableau de bord (banc, 40 fiches)" "/conventions/$banc/tableau-de-bord"
mesurer "portefeuille (caf07)" "/portefeuille"
mesurer "bilan final (banc)" "/conventions/$banc/bilans/final"
