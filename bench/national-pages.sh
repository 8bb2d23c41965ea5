#!/usr/bin/env bash
# The pages of issue 16's table on the national set (bench/national.sh), sequential requests after a warm-up: a
# national convention's overview, plan, dashboard, follow-up and diagnostic, the Caf portfolio (its agent), the admin
# portfolio, the conventions search, the home page of a porteur and of an agent, the national view. Loopback only.
#   BENCH_URL=http://127.0.0.1:18095 bench/national-pages.sh      # N (100) requests per page, WARMUP (20)
# Prints p50/p95/max per page and the load average before and after: on a shared machine, quote it beside the figures.
set -euo pipefail
N=${N:-100}
WARMUP=${WARMUP:-20}
source "$(dirname "$0")/commun.sh"
[ -n "$BASE" ] || { echo "BENCH_URL manquant : lancer d'abord bench/national.sh puis l'application qu'il indique" >&2; exit 2; }
BASE=${BASE/localhost/127.0.0.1}
case "$BASE" in http://127.0.0.1:*) ;; *) echo "127.0.0.1 seulement, pas $BASE" >&2; exit 2 ;; esac
LARGEUR_NOM=34
LARGEUR_CHEMIN=44
USER_NAME=admin
convention=$(api "/api/v1/conventions?q=nationale%200001" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
agent=$(api "/api/v1/utilisateurs?q=nat-caf&taille=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['comptes'][0]['identifiant'])")
echo "Pilote CTG — national pages on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), warm-up $WARMUP, $N requests each;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
connecter admin
for page in "" /plan /tableau-de-bord /suivi /diagnostic; do mesurer "convention$page (admin)" "/conventions/$convention$page"; done
mesurer "portefeuille (admin, toutes)" "/portefeuille"
mesurer "recherche de conventions" "/conventions?q=vals"
mesurer "vue nationale" "/national"
connecter "$agent"
mesurer "portefeuille ($agent)" "/portefeuille"
mesurer "accueil ($agent)" "/"
connecter nat-porteur-1
mesurer "accueil (nat-porteur-1)" "/"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
