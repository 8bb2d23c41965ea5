# Shared part of the bench/*.sh scripts; sourced by them, never run on its own. Each script sets `set -euo
# pipefail`, sources this file, then sets what is its own (USER_NAME, PORT, column widths) before calling:
#   demarrer_app UTILISATEUR MOTIF [ARG_JAVA...]  # unless BENCH_URL is set: builds the jar if missing, starts the demo
#                                                 # app on a fresh data dir on $PORT, waits until healthy and until
#                                                 # GET /api/v1/conventions as UTILISATEUR contains MOTIF (data loaded)
#   connecter UTILISATEUR        # logs in through the form (CSRF) into $work/cookies-UTILISATEUR; sets jar to it
#   api CHEMIN [ARG_CURL...]     # curl -fs with HTTP Basic as $API_USER (default $USER_NAME) on $BASE$CHEMIN
#   id_convention MOTIF          # id of the first convention whose title contains MOTIF (API as $API_USER)
#   mesurer NOM CHEMIN           # WARMUP then N sequential GETs with the session $jar; prints p50/p95/max in ms
# Environment knobs: N (300), WARMUP (100), BENCH_URL (an app already running with the demo data), BENCH_PORT
# (read by each script for its PORT default), BENCH_USER (read by the scripts whose user may change).
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
  PILOTE_DATA="$work/data" java -jar target/pilote-ctg-*.jar --spring.profiles.active=demo --server.port="$PORT" \
    "$@" --logging.level.root=WARN > "$work/app.log" 2>&1 &
  pid=$!
  BASE="http://localhost:$PORT"
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

mesurer() {
  local nom=$1 chemin=$2
  for _ in $(seq 1 "$WARMUP"); do curl -fs -b "$jar" -o /dev/null "$BASE$chemin"; done
  for _ in $(seq 1 "$N"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$chemin"; done > "$work/mesure.txt"
  python3 - "$nom" "$chemin" "$work/mesure.txt" "$LARGEUR_NOM" "$LARGEUR_CHEMIN" <<'PY'
import sys
nom, chemin, fichier = sys.argv[1:4]
ln, lc = int(sys.argv[4]), int(sys.argv[5])
t = sorted(float(l) * 1000 for l in open(fichier))
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print(f"{nom:<{ln}} {chemin:<{lc}} n={len(t):<5} p50={p(0.50):6.1f} ms  p95={p(0.95):6.1f} ms  max={t[-1]:6.1f} ms")
PY
}
