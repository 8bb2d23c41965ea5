#!/usr/bin/env bash
# Diagnostic benchmarks: (1) server time of the diagnostic page of the Bassin d'Aubenas (p50/p95/max after a
# warm-up), (2) CSV import of 100 000 indicator values (20 indicators × 500 communes × 10 periods, some markers)
# through POST /api/v1/conventions/{id}/diagnostic/valeurs, on a throw-away convention. Loopback only. Usage:
#   bench/diagnostic.sh                 # builds the jar, starts the app on a fresh data dir (port 18093), measures, stops it
#   BENCH_URL=http://localhost:8080 bench/diagnostic.sh   # measures an app already running with the demo data
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-300}
WARMUP=${WARMUP:-100}
LIGNES=${LIGNES:-100000}
PORT=${BENCH_PORT:-18093}
BASE=${BENCH_URL:-}
work=$(mktemp -d)
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

if [ -z "$BASE" ]; then
  [ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -o -DskipTests package
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    --logging.level.root=WARN > "$work/app.log" 2>&1 &
  pid=$!
  BASE="http://localhost:$PORT"
  for _ in $(seq 1 180); do
    curl -fs -u caf07:demo "$BASE/api/v1/conventions" 2>/dev/null | grep -q Aubenas && break
    sleep 1
  done
fi

api() { curl -fs -u caf07:demo "$@"; }
aubenas=$(api "$BASE/api/v1/conventions" | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if 'Aubenas' in c['titre']][0])")

jar="$work/cookies"
curl -fs -c "$jar" -b "$jar" "$BASE/connexion" -o "$work/login.html"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$jar" -b "$jar" -o /dev/null -d "username=ccba&password=demo&_csrf=$csrf" "$BASE/connexion"

mesurer() {
  local nom=$1 chemin=$2
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$jar" -o /dev/null "$BASE$chemin"; done
  for _ in $(seq 1 "$N"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/$nom.txt"
  python3 - "$nom" "$chemin" "$work/$nom.txt" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{nom:<26} {chemin:<42} n={len(t):<5} p50={p(0.50):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms")
PY
}

echo "Pilote CTG — diagnostic on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each"
mesurer "page diagnostic (Aubenas)" "/conventions/$aubenas/diagnostic"
mesurer "API diagnostic (Aubenas)" "/api/v1/conventions/$aubenas/diagnostic"

# A throw-away convention of the Caf de l'Ardèche on the CCBA, 20 indicators, then the CSV.
caf=$(api "$BASE/api/v1/conventions/$aubenas" | python3 -c "import json,sys; print(json.load(sys.stdin)['caf']['id'])")
convention=$(api -H 'Content-Type: application/json' -d "{\"titre\":\"Bench diagnostic $(date +%s)\",\"cafId\":$caf,\"epci\":\"CC du Bassin d'Aubenas\",\"dateDebut\":\"2026-01-01\",\"dateFin\":\"2030-12-31\"}" \
  "$BASE/api/v1/conventions" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
for i in $(seq 1 20); do
  api -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"code\":\"IND_$i\",\"libelle\":\"Indicateur $i\",\"unite\":\"%\",\"thematique\":\"Bench\"}" \
    "$BASE/api/v1/conventions/$convention/diagnostic/indicateurs"
done
python3 - "$LIGNES" "$work/valeurs.csv" <<'PY'
import gzip, sys, itertools
lignes, sortie = int(sys.argv[1]), sys.argv[2]
with gzip.open("src/main/resources/referentiel/communes.tsv.gz", "rt", encoding="utf-8") as f:
    next(f)
    communes = [l.split("\t")[0] for l in itertools.islice(f, 500)]
periodes = [str(2015 + p) for p in range(10)]
with open(sortie, "w", encoding="utf-8") as out:
    out.write("\ufeffindicateur;territoire;periode;valeur;source\n")
    n = 0
    for i, c, p in itertools.product(range(1, 21), communes, periodes):
        if n == lignes:
            break
        valeur = "<5" if n % 97 == 0 else f"{(n * 7919) % 10000 / 100:.2f}".replace(".", ",")
        out.write(f"IND_{i};{c};{p};{valeur};Insee RP\n")
        n += 1
PY
taille=$(du -h "$work/valeurs.csv" | cut -f1)
for essai in premier remplacement; do
  resultat=$(curl -fs -u caf07:demo -H 'Content-Type: text/csv' --data-binary @"$work/valeurs.csv" -w '\n%{time_total}' \
    "$BASE/api/v1/conventions/$convention/diagnostic/valeurs")
  echo "import CSV ($essai) $LIGNES lignes, $taille : $(echo "$resultat" | tail -1 | python3 -c 'import sys; print(f"{float(sys.stdin.read())*1000:.0f} ms")') — $(echo "$resultat" | head -1)"
done
