#!/usr/bin/env bash
# Diagnostic benchmarks: (1) server time of the diagnostic page of the Bassin d'Aubenas (p50/p95/max after a
# warm-up), (2) CSV import of 100 000 indicator values (20 indicators × 500 communes × 10 periods, some markers)
# through POST /api/v1/conventions/{id}/diagnostic/valeurs, on a throw-away convention. Loopback only. Usage:
#   bench/diagnostic.sh                 # builds the jar, starts the app on a fresh data dir (port 18093), measures, stops it
#   BENCH_URL=http://localhost:8080 bench/diagnostic.sh   # measures an app already running with the demo data
set -euo pipefail
source "$(dirname "$0")/commun.sh"
LIGNES=${LIGNES:-100000}
USER_NAME=ccba          # the pages, through the form
API_USER=caf07          # the API: the throw-away convention is created by the Caf
PORT=${BENCH_PORT:-18093}
LARGEUR_NOM=26
LARGEUR_CHEMIN=42

# Unlike the other scripts, always rebuilds (offline) when it starts its own app, unless SKIP_BUILD is set.
[ -n "$BASE" ] || [ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -o -DskipTests package
demarrer_app "$API_USER" Aubenas
aubenas=$(id_convention Aubenas)
connecter "$USER_NAME"

echo "Pilote CTG — diagnostic on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each"
mesurer "page diagnostic (Aubenas)" "/conventions/$aubenas/diagnostic"
mesurer "API diagnostic (Aubenas)" "/api/v1/conventions/$aubenas/diagnostic"

# A throw-away convention of the Caf de l'Ardèche on the CCBA, 20 indicators, then the CSV.
caf=$(api "/api/v1/conventions/$aubenas" | python3 -c "import json,sys; print(json.load(sys.stdin)['caf']['id'])")
convention=$(api /api/v1/conventions -H 'Content-Type: application/json' \
  -d "{\"titre\":\"Bench diagnostic $(date +%s)\",\"cafId\":$caf,\"epci\":\"CC du Bassin d'Aubenas\",\"dateDebut\":\"2026-01-01\",\"dateFin\":\"2030-12-31\"}" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
for i in $(seq 1 20); do
  api "/api/v1/conventions/$convention/diagnostic/indicateurs" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"code\":\"IND_$i\",\"libelle\":\"Indicateur $i\",\"unite\":\"%\",\"thematique\":\"Bench\"}"
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
  resultat=$(api "/api/v1/conventions/$convention/diagnostic/valeurs" -H 'Content-Type: text/csv' \
    --data-binary @"$work/valeurs.csv" -w '\n%{time_total}')
  echo "import CSV ($essai) $LIGNES lignes, $taille : $(echo "$resultat" | tail -1 | python3 -c 'import sys; print(f"{float(sys.stdin.read())*1000:.0f} ms")') — $(echo "$resultat" | head -1)"
done
