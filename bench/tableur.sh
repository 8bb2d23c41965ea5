#!/usr/bin/env bash
# Spreadsheet round trip (issue 17 item 4): the follow-up XLSX of a generated convention of FICHES fiches (default
# 2000, three updates each: bench/exports-donnees.sql) exported, MODIFS rows changed (the « Réalisations » cell of the
# latest update, edited inside the XLSX with Python's zipfile), then preview and confirmation of the import, each
# timed. ROUNDS round trips on the same app (each exports again and writes a new text in the same cells, so each
# preview lists MODIFS changes): the first is cold, the median of the others warm. Then the last file is previewed
# again (0 change expected). Target: export + preview + confirmation < 5 s. Loopback only. Prints figures;
# docs/performance.md records them from a quiet machine.
#   bench/tableur.sh                    # builds the jar if needed, starts its own app, measures, stops it
#   FICHES=2000 MODIFS=2000 ROUNDS=5 bench/tableur.sh
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=caf07
PORT=${BENCH_PORT:-18093}
PGPORT=${BENCH_PGPORT:-15445}
FICHES=${FICHES:-2000}
MODIFS=${MODIFS:-200}
ROUNDS=${ROUNDS:-3}
BASE=

demarrer_app "$USER_NAME" Aubenas --pilote.base-embarquee.port="$PGPORT"
PGPASSWORD=$(cat "$work/data/postgres/pilote-motdepasse") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
  -v ON_ERROR_STOP=1 -v fiches="$FICHES" -f bench/exports-donnees.sql
banc=$(id_convention "Banc exports")
echo "Pilote CTG — spreadsheet round trip on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ): $FICHES fiches, $MODIFS rows changed, $ROUNDS round(s)"

# Writes into the « Réalisations » cell of the first MODIFS rows a text of this round (any earlier round's suffix replaced).
remplir() {
  python3 - "$work/suivi.xlsx" "$work/rempli.xlsx" "$MODIFS" "$1" <<'PY'
import re, sys, zipfile
source, cible, modifs, tour = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ancien = re.compile(r"(Réalisations de banc : ateliers, permanences, réunions 2)(?: \(rempli[^<]*\))?<")
with zipfile.ZipFile(source) as z, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as w:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == "xl/worksheets/sheet1.xml":
            texte, n = ancien.subn(lambda m: m.group(1) + f" (rempli dans le tableur, tour {tour})<", data.decode("utf-8"), count=modifs)
            data = texte.encode("utf-8")
            if n != modifs:
                print(f"  {n} cellule(s) modifiée(s) sur {modifs} demandées", file=sys.stderr)
        w.writestr(info, data)
PY
}
# importer NOM CONFIRMER CHANGEMENTS_ATTENDUS: prints the time in seconds; fails on an error or another count of changes.
importer() {
  local temps
  temps=$(curl -fs -u "$USER_NAME:demo" -F "fichier=@$work/rempli.xlsx" -o "$work/reponse-$1.json" -w '%{time_total}' \
    "$BASE/api/v1/conventions/$banc/imports/suivi?confirmer=$2")
  python3 - "$work/reponse-$1.json" "$3" "$1" <<'PY' >&2
import json, sys
r = json.load(open(sys.argv[1]))
if r["erreurs"] or len(r["changements"]) != int(sys.argv[2]):
    sys.exit(f"{sys.argv[3]} : {len(r['changements'])} changement(s) (attendu {sys.argv[2]}), {len(r['erreurs'])} erreur(s) : "
             + "; ".join(e["message"] for e in r["erreurs"][:3]))
PY
  echo "$temps"
}

: > "$work/tours.txt"
for tour in $(seq 1 "$ROUNDS"); do
  export=$(curl -fs -u "$USER_NAME:demo" -o "$work/suivi.xlsx" -w '%{time_total}' "$BASE/api/v1/conventions/$banc/exports/suivi.xlsx")
  remplir "$tour"
  apercu=$(importer "apercu-$tour" false "$MODIFS")
  confirmation=$(importer "applique-$tour" true "$MODIFS")
  echo "$tour $export $apercu $confirmation $(stat -c %s "$work/suivi.xlsx")" | tee -a "$work/tours.txt" \
    | awk '{printf "tour %d : export %.2f s (%d octets), aperçu %.2f s, confirmation %.2f s ; total %.2f s\n", $1, $2, $5, $3, $4, $2 + $3 + $4}'
done
second=$(importer second false 0)
python3 - "$work/tours.txt" "$second" "$MODIFS" <<'PY'
import statistics, sys
tours = [list(map(float, l.split()[1:4])) for l in open(sys.argv[1])]
etapes = ["export", "aperçu", "confirmation"]
def ligne(nom, valeurs):
    print(f"{nom:<22}" + "  ".join(f"{e} {v:.2f} s" for e, v in zip(etapes, valeurs)) + f"  ; total {sum(valeurs):.2f} s")
print(f"({sys.argv[3]} changement(s) listé(s) par chaque aperçu et appliqué(s) par chaque confirmation, 0 erreur)")
ligne("froid (tour 1) :", tours[0])
if len(tours) > 1:
    chauds = tours[1:]
    ligne(f"médiane chaude ({len(chauds)}) :", [statistics.median(t[i] for t in chauds) for i in range(3)])
    print(f"{'':<22}total médian des tours chauds {statistics.median(sum(t) for t in chauds):.2f} s")
print(f"second aperçu du dernier fichier : {float(sys.argv[2]):.2f} s, 0 changement")
PY
