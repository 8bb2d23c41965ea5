#!/usr/bin/env bash
# Cost of the durable embedded database (fsync and synchronous commit on: the default) against the relaxed one that
# only the tests use: for each mode, the first start on an empty data directory (demo data load) and N single-row
# write transactions by pgbench, one client, each its own commit. Loopback only.
#   N=2000 bench/durabilite.sh     # starts the jar twice (demo mode) on fresh data dirs, stops it
set -euo pipefail
source "$(dirname "$0")/commun.sh"
PORT=${BENCH_PORT:-18082}
PGPORT=${BENCH_PGPORT:-15434}
N=${N:-2000}
ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package

echo "Pilote CTG — durabilité de la base embarquée, $(nproc) cœurs, $(date -u +%Y-%m-%dT%H:%MZ), $N transactions d'écriture"
echo "charge au départ : $(uptime | sed 's/.*load average: //')"
printf '%-10s %22s %26s %12s %16s\n' mode "premier démarrage (s)" "chargement démo (ms)" "tps" "latence moy."
for mode in durable relachee; do
  debut=$(date +%s%N)
  # Not demarrer_app: on a loaded machine the first start may take longer than its 180 s.
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    --pilote.base-embarquee.port="$PGPORT" --pilote.base-embarquee.durabilite="$mode" \
    --logging.level.root=WARN --logging.level.fr.pilotectg.demo=INFO > "$work/app.log" 2>&1 &
  pid=$!
  until grep -q 'Données de démonstration chargées' "$work/app.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "L'application s'est arrêtée :" >&2; tail -5 "$work/app.log" >&2; exit 1; }
    sleep 1
  done
  demarrage=$(( ($(date +%s%N) - debut) / 1000000 ))
  chargement=$(grep -o 'Données de démonstration chargées en [0-9]* ms' "$work/app.log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
  export PGPASSWORD
  PGPASSWORD=$(cat "$work/data/postgres/pilote-motdepasse")
  psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE TABLE banc_durabilite (id bigserial PRIMARY KEY, t timestamptz NOT NULL DEFAULT now())"
  echo "INSERT INTO banc_durabilite DEFAULT VALUES;" > "$work/ecriture.sql"
  pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -f "$work/ecriture.sql" -c 1 -t "$N" postgres > "$work/pgbench.txt"
  tps=$(grep -o 'tps = [0-9.]*' "$work/pgbench.txt" | grep -o '[0-9.]*$')
  latence=$(grep 'latency average' "$work/pgbench.txt" | grep -o '[0-9.]* ms')
  printf '%-10s %22s %26s %12s %16s\n' "$mode" "$(awk "BEGIN{printf \"%.1f\", $demarrage/1000}")" "$chargement" "$tps" "$latence"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  rm -rf "$work/data"
done
echo "charge à la fin : $(uptime | sed 's/.*load average: //')"
