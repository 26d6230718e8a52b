#!/usr/bin/env bash
# Engine overhead with no provider calls (no keys): Leadline enriching a CSV to CSV under -Xmx256m,
# against a bare commons-csv read-and-write of the same file with the same four extra columns,
# each in its own JVM, alternating A B A B so both see the same machine.
#   bench/engine-overhead.sh            # 1,000,000 rows, 3 pairs
#   ROWS=200000 RUNS=5 bench/engine-overhead.sh
# Writes bench/results/engine-overhead.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
work=bench/work
mkdir -p "$work/lib" "$work/classes" bench/results
unset SERPER_API_KEY GROQ_API_KEY

[ -f batch-app/target/leadline.jar ] || ./mvnw -B -q -DskipTests install
# the bare copy runs on the engine's own classpath: the same commons-csv and what it needs
if [ ! -f "$work/classpath.txt" ]; then
  ./mvnw -B -q -pl job-definitions dependency:build-classpath -Dmdep.outputFile="$PWD/$work/classpath.txt"
fi
csv_jar="$(cat "$work/classpath.txt")"
javac -d "$work/classes" -cp "$csv_jar" bench/BareCsvCopy.java
list="$work/list-$ROWS.csv"
[ -f "$list" ] || java bench/GenerateList.java "$ROWS" "$list"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

bare=() ; command=() ; job=() ; startup=()
for run in $(seq 0 "$RUNS"); do          # run 0 warms the page cache and the JIT-free paths; not counted
  t0=$(now)
  java -Xmx256m -cp "$work/classes:$csv_jar" BareCsvCopy "$list" "$work/bare.csv" > /dev/null
  t1=$(now)
  rm -rf "$work/data"
  LEADLINE_DATA_DIR="$work/data" JAVA_OPTS=-Xmx256m ./leadline enrich "$list" --format csv --out "$work/leadline.csv" > "$work/run.log" 2>&1
  t2=$(now)
  t3=$(now)
  LEADLINE_DATA_DIR="$work/data" ./leadline jobs > /dev/null
  t4=$(now)
  id=$(grep -oE 'job [0-9a-f-]{36} started' "$work/run.log" | awk '{print $2}')
  summary="$work/data/objects/outputs/local/$id/summary.json"
  job_s=$(grep -oE '"jobSeconds" *: *[0-9.]+' "$summary" | grep -oE '[0-9.]+$')
  rows_out=$(($(wc -l < "$work/leadline.csv") - 1))
  [ "$rows_out" -eq "$ROWS" ] || { echo "expected $ROWS rows, got $rows_out" >&2; exit 1; }
  if [ "$run" -gt 0 ]; then
    bare+=("$(secs "$t0" "$t1")"); command+=("$(secs "$t1" "$t2")"); job+=("$job_s"); startup+=("$(secs "$t3" "$t4")")
    echo "pair $run: bare ${bare[-1]}s, leadline command ${command[-1]}s, job ${job[-1]}s, start-up ${startup[-1]}s"
  fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratios() { local -n num=$1 den=$2; for i in "${!num[@]}"; do awk -v a="${num[$i]}" -v b="${den[$i]}" 'BEGIN { printf "%.2f\n", a / b }'; done; }
job_ratio=$(median $(ratios job bare))
command_ratio=$(median $(ratios command bare))
m_bare=$(median "${bare[@]}"); m_cmd=$(median "${command[@]}"); m_job=$(median "${job[@]}"); m_start=$(median "${startup[@]}")
steady=$(awk -v r="$ROWS" -v j="$m_job" 'BEGIN { printf "%.0f", r / j }')
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1 | tr -d '"')"

cat > bench/results/engine-overhead.json <<JSON
{
  "benchmark": "engine overhead, no provider calls, CSV to CSV, -Xmx256m",
  "rows": $ROWS,
  "pairs": $RUNS,
  "machine": "$machine",
  "median_seconds": { "bare_copy_command": $m_bare, "leadline_command": $m_cmd, "leadline_job": $m_job, "leadline_startup": $m_start },
  "median_ratio_per_pair": { "job_vs_bare": $job_ratio, "command_vs_bare": $command_ratio },
  "steady_state_rows_per_second": $steady,
  "runs": { "bare": [$(IFS=,; echo "${bare[*]}")], "command": [$(IFS=,; echo "${command[*]}")], "job": [$(IFS=,; echo "${job[*]}")], "startup": [$(IFS=,; echo "${startup[*]}")] }
}
JSON
cat > bench/results/engine-overhead.md <<MD
# Engine overhead (no provider calls)

\`bench/engine-overhead.sh\`: $ROWS-row CSV → CSV, \`JAVA_OPTS=-Xmx256m\`, no keys, $RUNS alternating pairs after a warm-up. $machine.

| figure | median |
|---|---|
| bare commons-csv copy, whole command | ${m_bare}s |
| \`./leadline enrich\`, whole command | ${m_cmd}s |
| Leadline job time (\`summary.json\` jobSeconds, JVM start excluded) | ${m_job}s |
| start-up alone (\`./leadline jobs\`: JVM + Spring + H2 + Flyway) | ${m_start}s |
| steady state (rows / job time) | ${steady} rows/s |
| **job time / bare copy** (median of per-pair ratios; target ≤ 4) | **${job_ratio}×** |
| **whole command / bare copy** (target ≤ 6) | **${command_ratio}×** |
MD
cat bench/results/engine-overhead.md
