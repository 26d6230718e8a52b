#!/usr/bin/env bash
# CLI start-up: how long `./leadline` takes to answer, as a ratio to a bare JVM that copies a
# 10-row CSV with commons-csv (bench/BareCsvCopy.java) measured in the same run, in turn with
# each command (bare, command, bare, command ...), so both see the same machine.
#   bench/cli-startup.sh                 # 5 counted rounds after one warm-up round
#   RUNS=9 bench/cli-startup.sh
#   LEADLINE=/path/to/other/checkout/leadline bench/cli-startup.sh   # e.g. the code before a change
# Measured: --help; a refusal of a file that is not a list (a PNG); a refusal of a list without an
# email column; `jobs` on a data dir holding 200 jobs; the time from `enrich` start to its first
# line of output (stdout or stderr) on a 10-row list with no provider keys.
# Writes bench/results/cli-startup.{json,md} (NAME=other-name to keep another run beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
NAME=${NAME:-cli-startup}
LEADLINE=${LEADLINE:-$PWD/leadline}
work=$PWD/bench/work/startup
mkdir -p "$work/classes" bench/results
unset SERPER_API_KEY GROQ_API_KEY

[ -f "$(dirname "$LEADLINE")/batch-app/target/leadline.jar" ] || "$LEADLINE" --help > /dev/null
# the bare copy runs on the engine's own classpath: the same commons-csv and what it needs
if [ ! -f "$work/classpath.txt" ]; then
  ./mvnw -B -q -pl job-definitions dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
fi
cp="$(cat "$work/classpath.txt")"
javac -d "$work/classes" -cp "$cp" bench/BareCsvCopy.java

ten="$work/ten.csv"
head -11 sample-data/prospects.csv > "$ten"
png="$work/not-a-list.png"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89' > "$png"
noemail="$work/no-email.csv"
printf 'name,company\nAnn Lee,Acme\nBo Chen,Initech\n' > "$noemail"

# 200 finished jobs, made once by one nightly sweep of 200 two-row lists
jobs200="$work/jobs-200"
if [ ! -f "$jobs200/.complete" ]; then
  rm -rf "$jobs200"
  # why: the inbox runs no lists of the CLI's reserved local account; an inbox account
  # gets starting credits enough for its lists
  mkdir -p "$jobs200/objects/inbox/bench"
  for i in $(seq -w 1 200); do head -3 sample-data/prospects.csv > "$jobs200/objects/inbox/bench/list-$i.csv"; done
  echo "making 200 jobs in $jobs200 (once) ..." >&2
  LEADLINE_STARTING_CREDITS=1000 LEADLINE_DATA_DIR="$jobs200" "$LEADLINE" nightly --now > "$work/nightly.log"
  [ "$(grep -c started "$work/nightly.log")" -eq 200 ] || { echo "expected 200 jobs, see $work/nightly.log" >&2; exit 1; }
  touch "$jobs200/.complete"
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

bare() {
  local t0; t0=$(now)
  java -cp "$work/classes:$cp" BareCsvCopy "$ten" "$work/bare.csv" > /dev/null
  secs "$t0" "$(now)"
}
# whole command, output thrown away
whole() {
  local t0; t0=$(now)
  "$@" > /dev/null 2>&1 || true
  secs "$t0" "$(now)"
}
# until the first line on stdout or stderr; the command still runs to its end
first_line() {
  local t0 t1; t0=$(now)
  t1=$( { "$@" 2>&1 || true; } | { IFS= read -r _; now; cat > /dev/null; })
  secs "$t0" "$t1"
}

names=(help refuse_png refuse_no_email jobs_200 enrich_first_line)
run_one() {
  case "$1" in
    help) whole "$LEADLINE" --help ;;
    refuse_png) whole "$LEADLINE" enrich "$png" ;;
    refuse_no_email) whole "$LEADLINE" enrich "$noemail" ;;
    jobs_200) LEADLINE_DATA_DIR="$jobs200" whole "$LEADLINE" jobs ;;
    enrich_first_line) LEADLINE_DATA_DIR="$work/enrich-data" first_line "$LEADLINE" enrich "$ten" --out "$work/ten-result.csv" ;;
  esac
}

declare -A cmd_s bare_s ratio
for round in $(seq 0 "$RUNS"); do   # round 0 warms the page cache and the data dirs; not counted
  for n in "${names[@]}"; do
    b=$(bare); c=$(run_one "$n")
    if [ "$round" -gt 0 ]; then
      bare_s[$n]+="$b "; cmd_s[$n]+="$c "
      ratio[$n]+="$(awk -v a="$c" -v b="$b" 'BEGIN { printf "%.2f", a / b }') "
    fi
  done
  [ "$round" -gt 0 ] && echo "round $round: $(for n in "${names[@]}"; do printf '%s %ss  ' "$n" "$(echo ${cmd_s[$n]} | awk '{ print $NF }')"; done)" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A target=([help]=4 [refuse_png]=4 [refuse_no_email]=4 [jobs_200]=6 [enrich_first_line]=8)
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1 | tr -d '"'), load $(cut -d' ' -f1 /proc/loadavg)"
all_bare=$(for n in "${names[@]}"; do echo ${bare_s[$n]}; done)
m_bare=$(median $all_bare)

{
  echo "{"
  echo "  \"machine\": \"$machine\", \"runs\": $RUNS, \"bare_jvm_s\": $m_bare,"
  echo "  \"commands\": {"
  sep=""
  for n in "${names[@]}"; do
    printf '%s    "%s": { "median_s": %s, "median_ratio": %s, "target_ratio": %s }' "$sep" "$n" \
      "$(median ${cmd_s[$n]})" "$(median ${ratio[$n]})" "${target[$n]}"
    sep=$',\n'
  done
  echo; echo "  }"; echo "}"
} > "bench/results/$NAME.json"

{
  echo "# CLI start-up ($(date -u +%Y-%m-%d), $machine)"
  echo
  echo "Median of $RUNS rounds; each command timed in turn with a bare JVM copying a 10-row CSV with commons-csv (median ${m_bare}s here); the ratio is taken pair by pair."
  echo
  echo "| command | median s | × bare JVM | target |"
  echo "|---|---:|---:|---:|"
  for n in "${names[@]}"; do
    echo "| $n | $(median ${cmd_s[$n]}) | $(median ${ratio[$n]}) | ≤ ${target[$n]} |"
  done
} > "bench/results/$NAME.md"
cat "bench/results/$NAME.md"
