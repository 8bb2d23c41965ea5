#!/usr/bin/env bash
# The national data set of issue 16 (bench/national-donnees.sql: 1,300 conventions over ~100 Cafs, 50,000 fiches,
# 250,000 grid lines, 200,000 follow-up points, 2,000 campaigns, diagnostic values), loaded in a few minutes. Never
# loaded by the app itself. Two ways:
#   bench/national.sh
#       builds the jar if needed, starts the demo app on the data dir $NATIONAL_DATA (default target/national; kept),
#       waits for the demo data, loads the national set into its embedded PostgreSQL, stops the app and prints the command
#       that serves it (then bench/national-pages.sh or bench/charge.sh with BENCH_URL measure it). Run again, it replaces
#       the national set (the demo data stay).
#   NATIONAL_DB_URL=postgresql://user:password@127.0.0.1:5432/pilote bench/national.sh
#       loads into a database the application has already migrated (its accounts copy the password of "admin").
# Knobs: CONVENTIONS (1300), INDICATEURS (5 of the national 50: a tenth of the diagnostic values; 50 for the full
# 17.5 M), ANNEES (10), NATIONAL_PORT (18095), NATIONAL_PGPORT (15495).
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENTIONS=${CONVENTIONS:-1300}
INDICATEURS=${INDICATEURS:-5}
ANNEES=${ANNEES:-10}
charger() {
  echo "Chargement national : $CONVENTIONS conventions, $INDICATEURS indicateurs × $ANNEES années ; charge $(cut -d' ' -f1-3 /proc/loadavg)"
  local debut=$SECONDS
  psql "$@" -q -v ON_ERROR_STOP=1 -v conventions="$CONVENTIONS" -v indicateurs="$INDICATEURS" -v annees="$ANNEES" \
    -f bench/national-donnees.sql
  echo "Chargé en $((SECONDS - debut)) s ; charge $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ -n "${NATIONAL_DB_URL:-}" ]; then
  charger "$NATIONAL_DB_URL"
  exit 0
fi

DATA=${NATIONAL_DATA:-target/national}
PORT=${NATIONAL_PORT:-18095}
PGPORT=${NATIONAL_PGPORT:-15495}
ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
mkdir -p "$DATA"
journal="$DATA/app.log"
PILOTE_DATA="$DATA" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
  --pilote.base-embarquee.port="$PGPORT" --logging.level.root=WARN > "$journal" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  kill -0 "$pid" 2>/dev/null || { echo "L'application n'a pas démarré (port $PORT ou $PGPORT occupé ?) :" >&2; tail -5 "$journal" >&2; exit 1; }
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 \
    && curl -fs -u admin:demo "http://127.0.0.1:$PORT/api/v1/conventions" 2>/dev/null | grep -q Baronnies && break
  sleep 1
done
PGPASSWORD=$(cat "$DATA/postgres/pilote-motdepasse") charger -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres
echo "Pour servir la base nationale :"
echo "  PILOTE_DATA=$DATA java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port=$PORT --pilote.base-embarquee.port=$PGPORT --pilote.base-embarquee.statistiques-sql=true"
echo "puis : BENCH_URL=http://127.0.0.1:$PORT BENCH_PG=postgresql://postgres:\$(cat $DATA/postgres/pilote-motdepasse)@127.0.0.1:$PGPORT/postgres bench/national-pages.sh ; BENCH_URL=http://127.0.0.1:$PORT bench/charge.sh"
