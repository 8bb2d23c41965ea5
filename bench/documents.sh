#!/usr/bin/env bash
# Measures the convention documents of the demo app: the Pilat convention (48 fiches) as DOCX and as PDF/UA,
# warm-up then N sequential downloads each, prints p50/p95/max in ms (issue 13 targets: DOCX p95 < 1 s, PDF p95 < 3 s).
# Loopback only; bounded in count (N defaults to 30, WARMUP to 5: a PDF takes seconds). Usage:
#   bench/documents.sh                 # builds the jar if needed, starts the app on a fresh data dir, measures, stops it
#   BENCH_URL=http://localhost:8080 bench/documents.sh   # measures an app that is already running (demo data)
set -euo pipefail
N=${N:-30}
WARMUP=${WARMUP:-5}
source "$(dirname "$0")/commun.sh"
USER_NAME=${BENCH_USER:-pilat}
PORT=${BENCH_PORT:-18081}

demarrer_app "$USER_NAME" Pilat
connecter "$USER_NAME"
convention=$(id_convention Pilat)

echo "Pilote CTG — document timings on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), user $USER_NAME, warm-up $WARMUP, $N requests each"
mesurer "convention Pilat (DOCX)" "/conventions/$convention/documents/convention.docx"
mesurer "convention Pilat (PDF)" "/conventions/$convention/documents/convention.pdf"
mesurer "programme Pilat (PDF)" "/conventions/$convention/documents/programme.pdf"
