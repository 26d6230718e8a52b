#!/usr/bin/env bash
# Is the suite deterministic under load? Runs CI's command (.ci/run = ./mvnw -B verify) on fresh
# clones of HEAD, one after another, the last LOADED runs with both cores kept busy by a pair of
# `yes > /dev/null` processes, and records every run's result, time and slowest test classes.
#   bench/suite-stress.sh                 # 5 runs, the last 2 under load
#   RUNS=7 LOADED=3 bench/suite-stress.sh
#   SOURCE=/path/to/checkout bench/suite-stress.sh   # clone another checkout's HEAD (taken afresh each run)
#   APPEND=1 RUNS=2 LOADED=0 bench/suite-stress.sh    # more runs after the last series, reported together
# Writes bench/results/suite-stress.{json,md}; keeps each run's log under bench/work/suite-stress/.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
LOADED=${LOADED:-2}
repo=${SOURCE:-$PWD}
work=$repo/bench/work/suite-stress
mkdir -p bench/results
if [ "${APPEND:-0}" = 1 ] && [ -f "$work/runs.txt" ]; then
  first=$(($(wc -l < "$work/runs.txt") + 1))
else
  rm -rf "$work" && mkdir -p "$work"
  first=1
fi
last=$((first + RUNS - 1))
load_pids=()

start_load() { for _ in 1 2; do yes > /dev/null & load_pids+=($!); done; }
stop_load() { [ ${#load_pids[@]} -gt 0 ] && kill "${load_pids[@]}" 2> /dev/null; load_pids=(); }
trap stop_load EXIT

for run in $(seq "$first" "$last"); do
  loaded=false
  [ "$run" -gt $((last - LOADED)) ] && loaded=true
  clone=$work/clone-$run
  git clone -q "$repo" "$clone"
  commit=$(git -C "$clone" rev-parse --short HEAD)
  $loaded && start_load
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s)
  (cd "$clone" && bash .ci/run) > "$work/run-$run.log" 2>&1
  rc=$?
  t1=$(date +%s)
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  stop_load
  echo "run $run commit=$commit loaded=$loaded rc=$rc seconds=$((t1 - t0)) load=$load_before/$load_after" | tee -a "$work/runs.txt"
  python3 - "$clone" "$run" >> "$work/classes.txt" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
for report in glob.glob(sys.argv[1] + "/*/target/*-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    print(sys.argv[2], suite.get("time"), suite.get("name"))
PY
  grep -E 'Tests run:.*(Failures: [1-9]|Errors: [1-9])|<<< (FAILURE|ERROR)' "$work/run-$run.log" \
    | sed "s/^/run $run: /" >> "$work/failures.txt"
  rm -rf "$clone"
done

python3 - "$work" <<'PY'
import json, sys, collections, os
work = sys.argv[1]
result = []
for line in open(os.path.join(work, "runs.txt")):
    f = dict(p.split("=") for p in line.split()[2:])
    result.append({"run": int(line.split()[1]), "commit": f["commit"], "loaded": f["loaded"] == "true",
                   "exit": int(f["rc"]), "seconds": int(f["seconds"]), "loadAverageBeforeAfter": f["load"]})
times = collections.defaultdict(list)
if os.path.exists(os.path.join(work, "classes.txt")):
    for line in open(os.path.join(work, "classes.txt")):
        run, secs, name = line.split()
        times[name].append(float(secs))
slowest = sorted(((max(v), sum(v) / len(v), k) for k, v in times.items()), reverse=True)[:10]
failures = open(os.path.join(work, "failures.txt")).read().splitlines() if os.path.exists(os.path.join(work, "failures.txt")) else []
passed = sum(1 for r in result if r["exit"] == 0)
runs, loaded = len(result), sum(1 for r in result if r["loaded"])
doc = {"runs": runs, "loadedRuns": loaded, "passed": passed, "results": result,
       "slowestClasses": [{"class": k, "maxSeconds": round(m, 1), "meanSeconds": round(a, 1)} for m, a, k in slowest],
       "failures": failures}
json.dump(doc, open("bench/results/suite-stress.json", "w"), indent=2)
md = ["# Suite under stress", "",
      f"`bench/suite-stress.sh`: `./mvnw -B verify` (`.ci/run`) on {runs} fresh clones in a row, {loaded} of them "
      "with both cores kept busy by two `yes > /dev/null`. Other work on the machine is not controlled: the load "
      "average around each run says how busy it was.", "",
      f"**{passed} of {runs} runs passed.**", "", "| run | commit | added CPU load | 1-min load average before/after | result | time |", "|---|---|---|---|---|---|"]
for r in result:
    md.append(f"| {r['run']} | {r['commit']} | {'2 × yes' if r['loaded'] else 'none'} | {r['loadAverageBeforeAfter']} | {'pass' if r['exit'] == 0 else 'FAIL'} | "
              f"{r['seconds'] // 60} min {r['seconds'] % 60:02d} s |")
md += ["", "Slowest test classes (max and mean seconds over the runs):", "", "| class | max s | mean s |", "|---|---|---|"]
md += [f"| {k} | {m:.1f} | {a:.1f} |" for m, a, k in slowest]
if failures:
    md += ["", "Failures:", "", "```"] + failures + ["```"]
open("bench/results/suite-stress.md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
PY
