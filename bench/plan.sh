#!/usr/bin/env bash
# Issue 10 benchmark: builds through the API (one POST …/plan/import) a plan of 150 fiches under 3 levels with 20
# added fields filled on every fiche and 300 sub-actions (2 per fiche), then measures the one-call import time and the
# plan page (p50/p95/max). Loopback only. Usage:
#   bench/plan.sh                 # builds the jar if needed, starts the demo app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/plan.sh   # measures an app already running with the demo data
# Knobs: FICHES (150), CHAMPS (20), SOUS_ACTIONS (300, spread evenly over the fiches), IMPORTS (5 imports timed, each into a new convention), N / WARMUP (see commun.sh).
set -euo pipefail
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-caf07}
PORT=${BENCH_PORT:-18081}
FICHES=${FICHES:-150}
CHAMPS=${CHAMPS:-20}
SOUS_ACTIONS=${SOUS_ACTIONS:-300}
IMPORTS=${IMPORTS:-5}
LARGEUR_NOM=34

demarrer_app "$USER_NAME" Aubenas
connecter "$USER_NAME"
aubenas=$(id_convention Aubenas)
caf=$(api "/api/v1/conventions/$aubenas" | python3 -c "import json,sys; print(json.load(sys.stdin)['caf']['id'])")

python3 - "$FICHES" "$CHAMPS" "$SOUS_ACTIONS" > "$work/plan.json" <<'PY'
import json, sys
fiches, champs, sous_actions = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
types = ["OUI_NON", "TEXTE", "URL", "NOMBRE", "DATE", "CHOIX_UNIQUE", "CHOIX_MULTIPLE", "TEXTE_LONG", "LISTE"]
definitions = []
for i in range(champs):
    t = types[i % len(types)]
    d = {"cle": f"champ{i}", "libelle": f"Champ ajouté {i}", "type": t, "choix": ["Un", "Deux", "Trois"] if "CHOIX" in t else []}
    definitions.append(d)
def valeur(d, n):
    return {"OUI_NON": n % 2 == 0, "TEXTE": f"Texte {n}", "URL": f"https://exemple.fr/{n}", "NOMBRE": n * 1.5,
            "DATE": "2027-03-01", "CHOIX_UNIQUE": "Deux", "CHOIX_MULTIPLE": ["Un", "Trois"],
            "TEXTE_LONG": "Première ligne\nSeconde ligne", "LISTE": ["a", "b"]}[d["type"]]
n = 0
axes = []
for a in range(5):
    objectifs = []
    for o in range(5):
        liste = []
        for _ in range(fiches // 25 + (1 if a * 5 + o < fiches % 25 else 0)):
            n += 1
            c = {"enjeu": f"Enjeu de l'action {n}", "publicCible": ["Familles", "Jeunes"], "modalites": "Modalités " * 20}
            c.update({d["cle"]: valeur(d, n) for d in definitions})
            nombre = sous_actions // fiches + (1 if n <= sous_actions % fiches else 0)
            sous = [{"libelle": f"Sous-action {n}.{k + 1}", "porteur": "Centre social" if k % 2 else None,
                     "debut": "2026-09" if k == 0 else None, "fin": "2027-06" if k == 0 else None, "annees": [2027], "poids": 1 + k % 2}
                    for k in range(nombre)]
            liste.append({"reference": f"FA{n}", "titre": f"Action {n}", "annees": [2026, 2027], "echeances": None, "notes": [], "champs": c,
                          "sousActions": sous})
        objectifs.append({"reference": str(o + 1), "titre": f"Objectif {a + 1}.{o + 1}", "texte": None, "objectifs": [], "contexte": None,
                          "compteDeclare": None, "noeuds": [], "fiches": liste})
    axes.append({"reference": str(a + 1), "titre": f"Axe {a + 1}", "texte": "Texte de l'axe", "objectifs": ["Un objectif"], "contexte": None,
                 "compteDeclare": None, "noeuds": objectifs, "fiches": []})
print(json.dumps({"modele": "NATIONAL", "niveaux": [{"nom": "Axe", "numerotation": "CONTINUE", "prefixe": ""},
                  {"nom": "Objectif", "numerotation": "PAR_PARENT", "prefixe": ""}, {"nom": "Fiche action", "numerotation": "CONTINUE", "prefixe": "FA"}],
                  "champs": definitions, "noeuds": axes, "fiches": [], "comptesDeclares": [], "calendrier": [], "notes": []}))
PY

echo "Pilote CTG — plan benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME: $FICHES fiches, $CHAMPS added fields, $SOUS_ACTIONS sub-actions"
convention=
for i in $(seq 1 "$IMPORTS"); do
  convention=$(api /api/v1/conventions -H 'Content-Type: application/json' -d "{\"titre\": \"Banc plan $i $(date +%s%N)\", \"cafId\": $caf,
    \"epci\": \"CC du Bassin d'Aubenas\", \"dateDebut\": \"2026-01-01\", \"dateFin\": \"2030-12-31\"}" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
  api "/api/v1/conventions/$convention/plan/import" -H 'Content-Type: application/json' --data-binary "@$work/plan.json" \
    -o /dev/null -w '%{time_total}\n' >> "$work/imports.txt"
done
python3 - "$work/imports.txt" "$LARGEUR_NOM" <<'PY'
import sys
t = sorted(float(l) * 1000 for l in open(sys.argv[1]))
print(f"{'import en un appel':<{int(sys.argv[2])}} n={len(t)}  min={t[0]:7.1f} ms  médiane={t[len(t) // 2]:7.1f} ms  max={t[-1]:7.1f} ms")
PY
mesurer "page du plan ($FICHES fiches)" "/conventions/$convention/plan"
mesurer "plan filtré (champ ajouté)" "/conventions/$convention/plan?ajoute=champ0:oui"
mesurer "API plan complet" "/api/v1/conventions/$convention/plan?complet=true"
