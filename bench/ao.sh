#!/usr/bin/env bash
# Measures the AO page, the CDSF extract and the AO API of the Aubenas demo convention (the largest AO
# data set): warm-up, then N sequential requests per page; prints p50/p95/max in ms. Loopback only. Usage:
#   bench/ao.sh                                   # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/ao.sh   # measures an app that is already running (demo data)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-300}
WARMUP=${WARMUP:-100}
USER_NAME=ccba
PORT=${BENCH_PORT:-18094}
BASE=${BENCH_URL:-}
work=$(mktemp -d)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

if [ -z "$BASE" ]; then
  ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    --logging.level.root=WARN > "$work/app.log" 2>&1 &
  pid=$!
  BASE="http://localhost:$PORT"
  for _ in $(seq 1 180); do
    curl -fs -u "$USER_NAME:demo" "$BASE/api/v1/conventions" 2>/dev/null | grep -q Aubenas && break
    sleep 1
  done
  # Another app already listening on that port would answer in its place.
  kill -0 "$pid" 2>/dev/null || { echo "L'application n'a pas démarré (port $PORT occupé ?) :" >&2; tail -5 "$work/app.log" >&2; exit 1; }
fi

jar="$work/cookies"
curl -fs -c "$jar" -b "$jar" "$BASE/connexion" -o "$work/login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null -d "username=$USER_NAME&password=demo&_csrf=$csrf" "$BASE/connexion"
convention=$(curl -fs -u "$USER_NAME:demo" "$BASE/api/v1/conventions" \
  | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if 'Aubenas' in c['titre']][0])")

mesurer() {
  local nom=$1 chemin=$2
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$jar" -o /dev/null "$BASE$chemin"; done
  for _ in $(seq 1 "$N"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/mesure.txt"
  python3 - "$nom" "$chemin" "$work/mesure.txt" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{nom:<22} {chemin:<36} n={len(t):<5} p50={p(0.50):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms")
PY
}

echo "Pilote CTG — AO timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N requests each"
mesurer "page AO" "/conventions/$convention/ao"
mesurer "extrait CDSF" "/conventions/$convention/extrait-cdsf"
mesurer "API AO" "/api/v1/conventions/$convention/ao"
