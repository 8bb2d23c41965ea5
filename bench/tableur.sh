#!/usr/bin/env bash
# Spreadsheet round trip (issue 17 item 4): the follow-up XLSX of a generated convention of FICHES fiches (default
# 2000, three updates each: bench/exports-donnees.sql) exported, MODIFS rows changed (the « Réalisations » cell of the
# latest update, edited inside the XLSX with Python's zipfile), then preview and confirmation of the import, each
# timed; then the same file previewed again (0 change expected). Target: export + preview + confirmation < 5 s.
# Loopback only. Prints figures; docs/performance.md records them from a quiet machine.
#   bench/tableur.sh                    # builds the jar if needed, starts its own app, measures, stops it
#   FICHES=2000 MODIFS=2000 bench/tableur.sh
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=caf07
PORT=${BENCH_PORT:-18093}
PGPORT=${BENCH_PGPORT:-15445}
FICHES=${FICHES:-2000}
MODIFS=${MODIFS:-200}
BASE=

demarrer_app "$USER_NAME" Aubenas --pilote.base-embarquee.port="$PGPORT"
PGPASSWORD=$(cat "$work/data/postgres/pilote-motdepasse") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
  -v ON_ERROR_STOP=1 -v fiches="$FICHES" -f bench/exports-donnees.sql
banc=$(id_convention "Banc exports")
echo "Pilote CTG — spreadsheet round trip on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ): $FICHES fiches, $MODIFS rows changed"

curl -fs -u "$USER_NAME:demo" -o "$work/suivi.xlsx" -w "export XLSX        : %{time_total} s, %{size_download} octets\n" \
  "$BASE/api/v1/conventions/$banc/exports/suivi.xlsx"
python3 - "$work/suivi.xlsx" "$work/rempli.xlsx" "$MODIFS" <<'PY'
import sys, zipfile
source, cible, modifs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ancien = "Réalisations de banc : ateliers, permanences, réunions 2"
with zipfile.ZipFile(source) as z, zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as w:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == "xl/worksheets/sheet1.xml":
            texte = data.decode("utf-8")
            morceaux = texte.split(ancien)
            n = min(modifs, len(morceaux) - 1)
            texte = "".join(m + (ancien + " (rempli dans le tableur)" if i < n else ancien)
                            for i, m in enumerate(morceaux[:-1])) + morceaux[-1]
            data = texte.encode("utf-8")
            print(f"cellules modifiées   : {n}")
        w.writestr(info, data)
PY
importer() {
  curl -fs -u "$USER_NAME:demo" -F "fichier=@$work/rempli.xlsx" -o "$work/reponse-$1.json" \
    -w "$2 : %{time_total} s\n" "$BASE/api/v1/conventions/$banc/imports/suivi?confirmer=$3"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(f\"  {len(r['changements'])} changement(s), {len(r['erreurs'])} erreur(s)\")" "$work/reponse-$1.json"
}
importer apercu    "aperçu             " false
importer applique  "confirmation       " true
importer second    "second aperçu      " false
