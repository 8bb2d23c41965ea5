#!/usr/bin/env bash
# Measures the follow-up pages of the demo app (Bassin d'Aubenas): warm-up, then N sequential requests per page,
# prints p50/p95/max in ms. Loopback only; bounded in count. Usage:
#   bench/suivi.sh                 # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/suivi.sh   # measures an app that is already running (demo data)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-300}
WARMUP=${WARMUP:-100}
PORT=${BENCH_PORT:-18081}
BASE=${BENCH_URL:-}
work=$(mktemp -d)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

if [ -z "$BASE" ]; then
  ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    --logging.level.root=WARN > "$work/app.log" 2>&1 &
  pid=$!
  BASE="http://localhost:$PORT"
  for _ in $(seq 1 120); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && curl -fs -u "ccba:demo" "$BASE/api/v1/conventions" | grep -q titre && break
    sleep 1
  done
fi

connecter() {
  local utilisateur=$1 jar="$work/cookies-$1"
  curl -fs -c "$jar" -b "$jar" "$BASE/connexion" -o "$work/login.html"
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -c "$jar" -b "$jar" -o /dev/null -d "username=$utilisateur&password=demo&_csrf=$csrf" "$BASE/connexion"
}

api() { curl -fs -u "ccba:demo" "$BASE$1"; }
convention=$(api /api/v1/conventions | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if 'Aubenas' in c['titre']][0])")
fiche=$(api "/api/v1/conventions/$convention/fiches" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
campagne=$(api "/api/v1/fiches/$fiche/suivi" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['campagneId'])")

mesurer() {
  local utilisateur=$1 nom=$2 chemin=$3
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$work/cookies-$utilisateur" -o /dev/null "$BASE$chemin"; done
  for _ in $(seq 1 "$N"); do curl -fs -b "$work/cookies-$utilisateur" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/mesure.txt"
  python3 - "$nom" "$chemin" "$work/mesure.txt" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{nom:<28} {chemin:<40} n={len(t):<5} p50={p(0.50):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms")
PY
}

connecter ccba
connecter palabre
echo "Pilote CTG — follow-up timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each"
mesurer ccba "plan (référence, ccba)" "/conventions/$convention/plan"
mesurer ccba "tableau de suivi (ccba)" "/conventions/$convention/suivi"
mesurer ccba "suivi d'une fiche (ccba)" "/fiches/$fiche/suivi"
mesurer ccba "campagne (ccba)" "/campagnes/$campagne"
mesurer palabre "accueil (palabre)" "/"
mesurer ccba "API suivi (ccba)" "/api/v1/conventions/$convention/suivi"
