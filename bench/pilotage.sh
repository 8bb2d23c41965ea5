#!/usr/bin/env bash
# Server time of the steering pages: the Aubenas dashboard (demo data) and the portfolio of the Caf de l'Ardèche
# after bench/portefeuille-donnees.sql has added 30 conventions of 40 fiches with their follow-up (bench data,
# never in the demo). Warm-up, then N sequential requests per page; prints p50/p95/max in ms. Loopback only.
#   bench/pilotage.sh     # builds the jar if needed, starts the app on a fresh data dir, loads the bench data, measures, stops it
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-300}
WARMUP=${WARMUP:-100}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PGPORT:-15433}
work=$(mktemp -d)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
  --pilote.base-embarquee.port="$PGPORT" --logging.level.root=WARN > "$work/app.log" 2>&1 &
pid=$!
BASE="http://localhost:$PORT"
for _ in $(seq 1 180); do
  curl -fs -u caf07:demo "$BASE/api/v1/conventions" 2>/dev/null | grep -q titre && break
  sleep 1
done
PGPASSWORD=postgres psql -q -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -f bench/portefeuille-donnees.sql

jar="$work/cookies"
connecter() {
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" "$BASE/connexion" -o "$work/login.html"
  local csrf
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=demo&_csrf=$csrf" "$BASE/connexion"
}
api() { curl -fs -u caf07:demo "$BASE$1"; }
id_de() { api "/api/v1/conventions?taille=100&q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$1")" \
  | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if c['titre'] == sys.argv[1]][0])" "$1"; }
aubenas=$(id_de "CTG du Bassin d'Aubenas 2026-2030")
banc=$(id_de "Banc portefeuille 01")

mesurer() {
  local nom=$1 chemin=$2
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$jar" -o /dev/null "$BASE$chemin"; done
  for _ in $(seq 1 "$N"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/mesure.txt"
  python3 - "$nom" "$chemin" "$work/mesure.txt" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{nom:<36} {chemin:<38} n={len(t):<5} p50={p(0.50):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms")
PY
}

lignes=$(connecter caf07 && curl -fs -b "$jar" "$BASE/portefeuille" | grep -o 'id="nombre-conventions">[0-9]*' | grep -o '[0-9]*$')
echo "Pilote CTG — steering pages on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user caf07, warm-up $WARMUP, $N requests each"
echo "Portfolio of the Caf de l'Ardèche: $lignes conventions (30 bench conventions of 40 fiches + demo)"
connecter caf07
mesurer "tableau de bord (Aubenas)" "/conventions/$aubenas/tableau-de-bord"
mesurer "tableau de bord (banc, 40 fiches)" "/conventions/$banc/tableau-de-bord"
mesurer "portefeuille (caf07)" "/portefeuille"
mesurer "bilan final (banc)" "/conventions/$banc/bilans/final"
