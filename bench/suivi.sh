#!/usr/bin/env bash
# Measures the follow-up pages of the demo app (Bassin d'Aubenas): warm-up, then N sequential requests per page,
# prints p50/p95/max in ms. Loopback only; bounded in count. Usage:
#   bench/suivi.sh                 # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/suivi.sh   # measures an app that is already running (demo data)
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=ccba
PORT=${BENCH_PORT:-18081}

# mesurer with the session of the given user (ccba or palabre).
mesurer_en() { jar="$work/cookies-$1"; shift; mesurer "$@"; }

demarrer_app "$USER_NAME" titre
convention=$(id_convention Aubenas)
fiche=$(api "/api/v1/conventions/$convention/fiches" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
campagne=$(api "/api/v1/fiches/$fiche/suivi" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['campagneId'])")

connecter ccba
connecter palabre
echo "Pilote CTG — follow-up timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each"
mesurer_en ccba "plan (référence, ccba)" "/conventions/$convention/plan"
mesurer_en ccba "tableau de suivi (ccba)" "/conventions/$convention/suivi"
mesurer_en ccba "suivi d'une fiche (ccba)" "/fiches/$fiche/suivi"
mesurer_en ccba "campagne (ccba)" "/campagnes/$campagne"
mesurer_en palabre "accueil (palabre)" "/"
mesurer_en ccba "API suivi (ccba)" "/api/v1/conventions/$convention/suivi"
