#!/usr/bin/env bash
# The pages of issue 16's table on the national set (bench/national.sh), sequential requests after a warm-up: a
# national convention's overview, plan, dashboard, follow-up and diagnostic, the Caf portfolio (its agent), the admin
# portfolio, the conventions search, the home page of a porteur and of an agent, the national view. Loopback only.
#   BENCH_URL=http://127.0.0.1:18095 bench/national-pages.sh      # N (100) requests per page, WARMUP (20)
#   BENCH_URL=http://127.0.0.1:18095 BENCH_PG=postgresql://postgres:$(cat target/national/postgres/pilote-motdepasse)@127.0.0.1:15495/postgres \
#     bench/national-pages.sh     # also the SQL time and statements per request (app started with the command national.sh
#                                 # prints, which enables pg_stat_statements: --pilote.base-embarquee.statistiques-sql=true)
# BENCH_CONVENTION (a title search, "nationale 0001"), BENCH_AGENT and BENCH_PORTEUR choose what is measured: with the
# demo data, e.g. BENCH_CONVENTION=Pilat BENCH_AGENT=caf07 BENCH_PORTEUR=palabre BENCH_COTE=démo.
# DEMO_URL (and DEMO_PG, its psql connection) measures, in the same run and after the national series, the same pages of
# a demo-size app (an app started by ./mvnw spring-boot:run with --pilote.base-embarquee.statistiques-sql=true): the
# Pilat convention, caf07 and palabre unless DEMO_CONVENTION, DEMO_AGENT, DEMO_PORTEUR say otherwise.
# Prints p50/p95/max per page and the load average before and after: on a shared machine, quote it beside the figures.
set -euo pipefail
N=${N:-100}
WARMUP=${WARMUP:-20}
source "$(dirname "$0")/commun.sh"
[ -n "$BASE" ] || { echo "BENCH_URL manquant : lancer d'abord bench/national.sh puis l'application qu'il indique" >&2; exit 2; }
BASE=${BASE/localhost/127.0.0.1}
case "$BASE" in http://127.0.0.1:*) ;; *) echo "127.0.0.1 seulement, pas $BASE" >&2; exit 2 ;; esac
LARGEUR_NOM=43
LARGEUR_CHEMIN=44
USER_NAME=admin
# One series of the pages on the app at $BASE (its database at $BENCH_PG), names prefixed with $1.
serie() {
  local cote=$1 convention agent porteur
  convention=$(api "/api/v1/conventions?q=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" \
    "$2")" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
  agent=${3:-$(api "/api/v1/utilisateurs?q=nat-caf&taille=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['comptes'][0]['identifiant'])")}
  porteur=$4
  sql_bench "SELECT count(*) FROM pg_stat_statements" >/dev/null \
    || echo "($cote: no SQL time: its BENCH_PG unset or unreachable, or pg_stat_statements not loaded)"
  connecter admin
  for page in "" /plan /tableau-de-bord /suivi /diagnostic; do mesurer "$cote convention$page (admin)" "/conventions/$convention$page"; done
  mesurer "$cote portefeuille (admin, toutes)" "/portefeuille"
  mesurer "$cote recherche de conventions" "/conventions?q=vals"
  mesurer "$cote vue nationale" "/national"
  connecter "$agent"
  mesurer "$cote portefeuille ($agent)" "/portefeuille"
  mesurer "$cote accueil ($agent)" "/"
  connecter "$porteur"
  mesurer "$cote accueil ($porteur)" "/"
}

echo "Pilote CTG — national pages on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
serie "${BENCH_COTE:-national}" "${BENCH_CONVENTION:-nationale 0001}" "${BENCH_AGENT:-}" "${BENCH_PORTEUR:-nat-porteur-1}"
if [ -n "${DEMO_URL:-}" ]; then
  BASE=${DEMO_URL/localhost/127.0.0.1}
  case "$BASE" in http://127.0.0.1:*) ;; *) echo "127.0.0.1 seulement, pas $BASE" >&2; exit 2 ;; esac
  BENCH_PG=${DEMO_PG:-}
  serie démo "${DEMO_CONVENTION:-Pilat}" "${DEMO_AGENT:-caf07}" "${DEMO_PORTEUR:-palabre}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
