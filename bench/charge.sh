#!/usr/bin/env bash
# Throughput under concurrent clients: the convention overview, the plan pages of the three demo conventions and,
# as the reference, the Aubenas dashboard. For each page, CLIENTS clients (default 32) send GET requests one after
# the other with a session cookie: a warm-up of CHAUFFE seconds (not counted), then DUREE seconds or MAX requests,
# whichever comes first. Prints req/s, p50/p95/p99/max, errors and the load average (bench/Charge.java, JDK only).
# Loopback only (127.0.0.1), bounded in time and count, stops by itself. Usage:
#   bench/charge.sh                  # builds the jar if needed, starts the app on a fresh data dir (port 8093), measures, stops it
#   BENCH_URL=http://127.0.0.1:8093 bench/charge.sh   # measures an app already running with the demo data
#   CLIENTS=1 bench/charge.sh        # one client: the single-client latency
#   MELANGE=1 bench/charge.sh       # the realistic mix (issue 16): 32 then 200 clients, 70 % convention pages (overview, plan,
#                                    # dashboard, follow-up of the first MELANGE_CONVENTIONS conventions), 20 % portfolio and
#                                    # home page, 10 % writes (follow-up points POSTed to the API); then the server's heap and RSS
#   MELANGE=1 BENCH_URL=http://127.0.0.1:18095 BENCH_PID=… bench/charge.sh   # the same on the national set (bench/national.sh)
# Knobs of the mix: CLIENTS_MELANGE ("32 200"), MELANGE_CONVENTIONS (20), DUREE, MAX, CHAUFFE, STATUT (EN_COURS).
# Knobs: CLIENTS (32), DUREE (20 s), MAX (2000), CHAUFFE (5 s), BENCH_USER (admin), BENCH_PORT (8093), PAGES (all;
# or a space-separated subset of: vue plan-aubenas plan-pilat plan-baronnies tableau-de-bord), BENCH_PID (the process
# id of an app given by BENCH_URL, to print its CPU time per request; known when the script starts the app).
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-admin}
PORT=${BENCH_PORT:-8093}
CLIENTS=${CLIENTS:-32}
DUREE=${DUREE:-20}
MAX=${MAX:-2000}
CHAUFFE=${CHAUFFE:-5}
PAGES=${PAGES:-vue plan-aubenas plan-pilat plan-baronnies tableau-de-bord}

demarrer_app "$USER_NAME" Baronnies
BASE=${BASE/localhost/127.0.0.1}
case "$BASE" in http://127.0.0.1:*) ;; *) echo "bench/charge.sh : 127.0.0.1 seulement, pas $BASE" >&2; exit 2 ;; esac
connecter "$USER_NAME"
# The session cookie(s) of the curl jar as one Cookie header ("#HttpOnly_" prefixes an HttpOnly cookie's line).
cookie=$(sed -n 's/^#HttpOnly_//; /^#/d; /^$/d; p' "$jar" | awk -F'\t' '{printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
if [ -n "${MELANGE:-}" ]; then
  serveur=${pid:-${BENCH_PID:-}}
  ids=$(api "/api/v1/conventions?taille=${MELANGE_CONVENTIONS:-20}" | python3 -c "import json,sys
d=json.load(sys.stdin); d=d if isinstance(d, list) else d.get('elements', d.get('conventions', []))
import datetime; aujourd_hui = datetime.date.today().isoformat()
print(' '.join(str(c['id']) for c in d if (c.get('dateFin') or '9999') >= aujourd_hui))")
  lectures=; fiches=
  for id in $ids; do
    for page in "" /plan /tableau-de-bord /suivi; do lectures="$lectures,/conventions/$id$page"; done
    f=$(api "/api/v1/conventions/$id/fiches" | python3 -c "import json,sys; print(','.join(str(f['id']) for f in json.load(sys.stdin)[:5]))")
    [ -z "$f" ] || fiches="$fiches,$f"
  done
  csrf=$(curl -fs -b "$jar" "$BASE/conventions" | grep -o 'name="_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//')
  echo "Pilote CTG — mix on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, conventions: $ids;" \
    "warm-up ${CHAUFFE} s, then ${DUREE} s or $MAX requests; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for clients in ${CLIENTS_MELANGE:-32 200}; do
    java -Dpid="$serveur" bench/Charge.java --melange "$BASE" "$cookie" "$csrf" "$clients" "$DUREE" "$MAX" "$CHAUFFE" \
      "${lectures#,}" "/,/portefeuille" "${fiches#,}" "${STATUT:-EN_COURS}"
  done
  if [ -n "$serveur" ]; then
    echo "Server after the mix: $(grep VmRSS /proc/"$serveur"/status | tr -s ' ');" \
      "heap: $(jcmd "$serveur" GC.heap_info 2>/dev/null | grep -m1 -o 'total [0-9]*K, used [0-9]*K' || echo '?')"
  fi
  exit 0
fi
aubenas=$(id_convention Aubenas)
pilat=$(id_convention Pilat)
baronnies=$(id_convention Baronnies)

cibles=()
for page in $PAGES; do
  case "$page" in
    vue) cibles+=("vue (Aubenas)=/conventions/$aubenas") ;;
    plan-aubenas) cibles+=("plan (Aubenas, 32 fiches)=/conventions/$aubenas/plan") ;;
    plan-pilat) cibles+=("plan (Pilat, 48 fiches)=/conventions/$pilat/plan") ;;
    plan-baronnies) cibles+=("plan (Baronnies, 84 fiches)=/conventions/$baronnies/plan") ;;
    tableau-de-bord) cibles+=("tableau de bord (Aubenas)=/conventions/$aubenas/tableau-de-bord") ;;
    *) echo "page inconnue : $page" >&2; exit 2 ;;
  esac
done

echo "Pilote CTG — load on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, $CLIENTS clients," \
  "warm-up ${CHAUFFE} s, then ${DUREE} s or $MAX requests per page; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dpid="${pid:-${BENCH_PID:-}}" bench/Charge.java "$BASE" "$cookie" "$CLIENTS" "$DUREE" "$MAX" "$CHAUFFE" "${cibles[@]}"
