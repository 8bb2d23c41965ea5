#!/usr/bin/env python3
"""Top frames of a JFR recording (CPU samples or allocation samples), for bench/charge.sh profiling sessions.

  jcmd <pid> JFR.start name=p settings=profile filename=/tmp/p.jfr   # then load the page with bench/charge.sh
  jcmd <pid> JFR.stop name=p
  bench/jfr-top.py /tmp/p.jfr [cpu|alloc] [FILTRE] [N]

Prints the N methods most often on top of the stack ("self"), then the N methods most often anywhere in the stack
("total", each counted once per sample), optionally only those whose name contains FILTRE (e.g. "thymeleaf").
For allocations, each sample is weighted by its bytes.
"""
import collections
import json
import subprocess
import sys

fichier = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else "cpu"
filtre = sys.argv[3] if len(sys.argv) > 3 else ""
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
evenement = "jdk.ExecutionSample" if mode == "cpu" else "jdk.ObjectAllocationSample"
sortie = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", evenement, fichier],
                        check=True, capture_output=True, text=True).stdout
evenements = json.loads(sortie)["recording"]["events"]


def nom(frame):
    m = frame["method"]
    return m["type"]["name"] + "." + m["name"]


soi = collections.Counter()
total = collections.Counter()
poids_total = 0
for e in evenements:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    poids = e["values"].get("weight", 1) if mode != "cpu" else 1
    poids_total += poids
    soi[nom(frames[0])] += poids
    for m in set(nom(f) for f in frames):
        if filtre in m:
            total[m] += poids

unite = "samples" if mode == "cpu" else "bytes"
print(f"{len(evenements)} events, {poids_total} {unite}")
print(f"--- self (top of stack) ---")
for m, c in soi.most_common(n):
    print(f"{100.0 * c / poids_total:6.1f}%  {m}")
print(f"--- total (anywhere in the stack){' containing ' + filtre if filtre else ''} ---")
for m, c in total.most_common(n):
    print(f"{100.0 * c / poids_total:6.1f}%  {m}")
