#!/usr/bin/env bash
# Times the document importer of the demo app (issue 17, "Performance"): upload = extraction + analysis of the
# Aubenas seed (target < 3 s) and of a generated 200-page DOCX (target < 10 s), then the confirmation of the Aubenas
# draft and of a ~120-action variant of the seed (target < 3 s). N uploads each,
# loopback only. Usage:
#   bench/import.sh                                   # builds the jar if needed, starts the app, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/import.sh   # measures an app already running (demo data)
set -euo pipefail
N=${N:-5}
WARMUP=${WARMUP:-1}
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-caf07}
API_USER=$USER_NAME
PORT=${BENCH_PORT:-18082}
SEED=${SEED:-../shared/seeds/ctg-bassin-aubenas-2026-2030.md}
[ -f "$SEED" ] || { echo "Document de référence absent : $SEED" >&2; exit 1; }

./mvnw -q -o dependency:build-classpath -Dmdep.includeGroupIds=org.apache.poi,org.apache.commons,commons-io,org.apache.xmlbeans,org.apache.logging.log4j,commons-codec,com.zaxxer \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "$(cat "$work/cp.txt")" bench/DocxDeBench.java "$work/ctg-200-pages.docx" 200
demarrer_app "$USER_NAME" Aubenas

televerser() { # FICHIER → "status seconds id"
  curl -s -o "$work/reponse.json" -w '%{http_code} %{time_total}\n' -u "$USER_NAME:demo" -F "fichier=@$1" "$BASE/api/v1/imports"
}

echo "Pilote CTG — import timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N uploads each"
for fichier in "$SEED" "$work/ctg-200-pages.docx"; do
  for _ in $(seq 1 "$WARMUP"); do televerser "$fichier" >/dev/null; done
  temps=()
  for _ in $(seq 1 "$N"); do
    read -r status secondes < <(televerser "$fichier")
    [ "$status" = 201 ] || { echo "  $(basename "$fichier") : HTTP $status $(head -c 300 "$work/reponse.json")"; break; }
    temps+=("$secondes")
  done
  [ ${#temps[@]} -gt 0 ] && printf '  %-34s lines %6s   min %6.0f ms   max %6.0f ms\n' "$(basename "$fichier")" \
    "$(grep -o '"lignes":[0-9]*' "$work/reponse.json" | cut -d: -f2)" \
    "$(printf '%s\n' "${temps[@]}" | sort -n | head -1 | awk '{print $1*1000}')" \
    "$(printf '%s\n' "${temps[@]}" | sort -n | tail -1 | awk '{print $1*1000}')"
done

televerser "$SEED" >/dev/null
id=$(grep -o '"id":[0-9]*' "$work/reponse.json" | head -1 | cut -d: -f2)
resultat=$(curl -s -o "$work/confirmation.json" -w '%{http_code} %{time_total}' -u "$USER_NAME:demo" -X POST "$BASE/api/v1/imports/$id/confirmation")
printf '  %-34s HTTP %s in %.0f ms %s\n' "confirmation (Aubenas)" "${resultat% *}" "$(echo "${resultat#* }" | awk '{print $1*1000}')" \
  "$(head -c 200 "$work/confirmation.json")"

# A plan of about 120 actions: the seed with the blocks of its fiches (from the first "Fiche action" heading to the
# programme) copied COPIES times under new numbers (101…, 201…), then analysed and confirmed (target < 3 s).
COPIES=${COPIES:-3}
python3 - "$SEED" "$work/ctg-120-actions.md" "$COPIES" <<'PY'
import re, sys
source, cible, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
lignes = open(source, encoding="utf-8").read().split("\n")
debut = next(i for i, l in enumerate(lignes) if re.search(r"Fiche action\s*1\b", l))
fin = next(i for i, l in enumerate(lignes) if i > debut and re.match(r"#+\s*PROGRAMMATION", l))
bloc = lignes[debut:fin]
ajout = []
for k in range(1, copies + 1):
    ajout += [re.sub(r"(Fiche action\s*)(\d+)", lambda m: m.group(1) + str(100 * k + int(m.group(2))), l) for l in bloc]
open(cible, "w", encoding="utf-8").write("\n".join(lignes[:fin] + ajout + lignes[fin:]))
PY
read -r status secondes < <(televerser "$work/ctg-120-actions.md")
id=$(grep -o '"id":[0-9]*' "$work/reponse.json" | head -1 | cut -d: -f2)
printf '  %-34s HTTP %s in %.0f ms\n' "analysis (~120 actions)" "$status" "$(echo "$secondes" | awk '{print $1*1000}')"
resultat=$(curl -s -o "$work/confirmation.json" -w '%{http_code} %{time_total}' -u "$USER_NAME:demo" -X POST "$BASE/api/v1/imports/$id/confirmation")
printf '  %-34s HTTP %s in %.0f ms %s\n' "confirmation (~120 actions)" "${resultat% *}" "$(echo "${resultat#* }" | awk '{print $1*1000}')" \
  "$(head -c 200 "$work/confirmation.json")"
convention=$(grep -o '"conventionId":[0-9]*' "$work/confirmation.json" | cut -d: -f2)
if [ -n "$convention" ]; then
  echo "  fiches in the confirmed plan: $(api "/api/v1/conventions/$convention/plan" | python3 -c "import json,sys; print(json.load(sys.stdin)['nombreFiches'])")"
fi
