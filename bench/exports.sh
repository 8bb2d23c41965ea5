#!/usr/bin/env bash
# Spreadsheet exports (issue 13): p95 of the Pilat plan XLSX (48 fiches, demo data) and of the Aubenas follow-up
# XLSX, then the follow-up XLSX (latest update per fiche + full history) of a generated convention of FICHES fiches
# (default 20000, three updates each: bench/exports-donnees.sql) with the app's heap capped at -Xmx512m.
# Loopback only; bounded in count. Prints figures; docs/performance.md records them from a quiet machine.
#   bench/exports.sh                        # builds the jar if needed, starts its own app, measures, stops it
#   FICHES=50000 N=50 bench/exports.sh
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=caf07
PORT=${BENCH_PORT:-18083}
PGPORT=${BENCH_PGPORT:-15435}
FICHES=${FICHES:-20000}
N=${N:-100}
LARGEUR_NOM=34
LARGEUR_CHEMIN=50
# Always its own app, heap capped: the large export must stream within 512 MB.
BASE=
export JAVA_TOOL_OPTIONS="-Xmx512m ${JAVA_TOOL_OPTIONS:-}"

demarrer_app "$USER_NAME" titre --pilote.base-embarquee.port="$PGPORT"
pilat=$(API_USER=caf42 id_convention Pilat)
aubenas=$(id_convention Aubenas)

echo "Pilote CTG — spreadsheet exports on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), heap -Xmx512m, warm-up $WARMUP, $N requests each"
connecter caf42
mesurer "plan XLSX (Pilat, 48 fiches)" "/api/v1/conventions/$pilat/exports/plan.xlsx"
mesurer "plan CSV (Pilat)" "/api/v1/conventions/$pilat/exports/plan.csv"
connecter caf07
mesurer "suivi XLSX (Aubenas)" "/api/v1/conventions/$aubenas/exports/suivi.xlsx"

PGPASSWORD=$(cat "$work/data/postgres/pilote-motdepasse") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
  -v ON_ERROR_STOP=1 -v fiches="$FICHES" -f bench/exports-donnees.sql
banc=$(id_convention "Banc exports")
echo "Large follow-up: $FICHES fiches, $((FICHES * 3)) updates (heap -Xmx512m)"
for i in 1 2 3; do
  curl -fs -b "$jar" -o "$work/banc.xlsx" -w "suivi XLSX (banc) essai $i : %{time_total} s, %{size_download} octets\n" \
    "$BASE/api/v1/conventions/$banc/exports/suivi.xlsx"
done
kill -0 "$pid" && echo "L'application tourne toujours (pas d'OutOfMemoryError)."
grep -c "OutOfMemoryError" "$work/app.log" || true
