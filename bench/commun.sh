# Shared part of the bench/*.sh scripts; sourced by them, never run on its own. Each script sets `set -euo
# pipefail`, sources this file, then sets what is its own (USER_NAME, PORT, column widths) before calling:
#   demarrer_app UTILISATEUR MOTIF [ARG_JAVA...]  # unless BENCH_URL is set: builds the jar if missing, starts the demo
#                                                 # app on a fresh data dir on $PORT, waits until healthy and until
#                                                 # GET /api/v1/conventions as UTILISATEUR contains MOTIF (data loaded)
#   connecter UTILISATEUR        # logs in through the form (CSRF) into $work/cookies-UTILISATEUR; sets jar to it
#   api CHEMIN [ARG_CURL...]     # curl -fs with HTTP Basic as $API_USER (default $USER_NAME) on $BASE$CHEMIN
#   id_convention MOTIF          # id of the first convention whose title contains MOTIF (API as $API_USER)
#   mesurer NOM CHEMIN           # WARMUP then N sequential GETs with the session $jar; prints p50/p95/max in ms and,
#                                # when the database is reachable, the page's SQL time and statements per request
#                                # (pg_stat_statements reset after the warm-up, summed over the N requests)
# Environment knobs: N (300), WARMUP (100), BENCH_URL (an app already running with the demo data), BENCH_PORT
# (read by each script for its PORT default), BENCH_USER (read by the scripts whose user may change), BENCH_PG (with
# BENCH_URL: the psql connection of its database, e.g. postgresql://postgres:MOT_DE_PASSE@127.0.0.1:15495/postgres, the
# app started with --pilote.base-embarquee.statistiques-sql=true; without it no SQL time is printed), BENCH_PGPORT (the
# port of the embedded database of an app started here; PORT + 10000 by default).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${N:-300}
WARMUP=${WARMUP:-100}
BASE=${BENCH_URL:-}
LARGEUR_NOM=28
LARGEUR_CHEMIN=40
work=$(mktemp -d)
pid=
jar=

arreter_app() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap arreter_app EXIT

demarrer_app() {
  local utilisateur=$1 motif=$2
  shift 2
  [ -z "$BASE" ] || return 0
  ls target/pilote-ctg-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
  # The SQL statistics need a known port of the embedded database: the script's own, or one chosen here.
  local pgport=${BENCH_PGPORT:-$((PORT + 10000))} arg
  for arg in "$@"; do case "$arg" in --pilote.base-embarquee.port=*) pgport=${arg#*=} ;; esac; done
  case " $* " in *" --pilote.base-embarquee.port="*) ;; *) set -- "$@" --pilote.base-embarquee.port="$pgport" ;; esac
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    --pilote.base-embarquee.statistiques-sql=true "$@" --logging.level.root=WARN > "$work/app.log" 2>&1 &
  pid=$!
  BASE="http://localhost:$PORT"
  BENCH_PG="postgresql://postgres@127.0.0.1:$pgport/postgres"
  PG_MOTDEPASSE_FICHIER="$work/data/postgres/pilote-motdepasse"
  for _ in $(seq 1 180); do
    # Another app already listening on that port would answer in its place.
    kill -0 "$pid" 2>/dev/null || { echo "L'application n'a pas démarré (port $PORT occupé ?) :" >&2; tail -5 "$work/app.log" >&2; exit 1; }
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 \
      && curl -fs -u "$utilisateur:demo" "$BASE/api/v1/conventions" 2>/dev/null | grep -q "$motif" \
      && kill -0 "$pid" 2>/dev/null && return 0
    sleep 1
  done
  echo "L'application ne répond pas après 180 s :" >&2; tail -5 "$work/app.log" >&2; exit 1
}

connecter() {
  local utilisateur=$1 csrf
  jar="$work/cookies-$utilisateur"
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" "$BASE/connexion" -o "$work/login.html"
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -c "$jar" -b "$jar" -o /dev/null -d "username=$utilisateur&password=demo&_csrf=$csrf" "$BASE/connexion"
}

api() {
  local chemin=$1
  shift
  curl -fs -u "${API_USER:-$USER_NAME}:demo" "$@" "$BASE$chemin"
}

id_convention() {
  api /api/v1/conventions \
    | python3 -c "import json,sys; print([c['id'] for c in json.load(sys.stdin) if sys.argv[1] in c['titre']][0])" "$1"
}

# psql on the app's database, quiet, one unaligned value per line; fails when it is unreachable.
sql_bench() {
  [ -n "${BENCH_PG:-}" ] || return 1
  PGPASSWORD=${PGPASSWORD:-$(cat "${PG_MOTDEPASSE_FICHIER:-/dev/null}" 2>/dev/null)} \
    psql "$BENCH_PG" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" 2>/dev/null
}

mesurer() {
  local nom=$1 chemin=$2 sql=""
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$jar" -o /dev/null "$BASE$chemin"; done
  sql_bench "SELECT pg_stat_statements_reset()" >/dev/null && sql=oui
  for _ in $(seq 1 "$N"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/mesure.txt"
  # Every statement of the database during the N requests (the app's scheduled jobs included), psql's own left out.
  [ -z "$sql" ] || sql=$(sql_bench "SELECT round(coalesce(sum(total_exec_time), 0)::numeric / $N, 2) || ' ' ||
      round(coalesce(sum(calls), 0)::numeric / $N, 1) FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT LIKE '%pg_stat_statements%'") || sql=""
  python3 - "$nom" "$chemin" "$work/mesure.txt" "$LARGEUR_NOM" "$LARGEUR_CHEMIN" "$sql" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
ln, lc = int(sys.argv[4]), int(sys.argv[5])
sql = sys.argv[6].split()
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
ligne = f"{nom:<{ln}} {chemin:<{lc}} n={len(t):<5} p50={p(0.50):6.1f} ms  p90={p(0.90):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms"
if sql:
    s = float(sql[0])
    # Issue 16's rendering target: the page's p90 within 3× its SQL time + 10 ms.
    ligne += (f"  SQL={s:6.2f} ms/req ({float(sql[1]):.1f} statements/req; p50 = {p(0.50) / max(s, 0.01):.0f}× SQL;"
              f" p90 ≤ 3×SQL+10 ms: {'yes' if p(0.90) <= 3 * s + 10 else 'NO'})")
print(ligne)
PY
}
