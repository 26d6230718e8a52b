#!/usr/bin/env bash
# Limits learnt from 429s (issue 14): a list run against a simulator enforcing GROQ_RPM requests
# per sliding minute (real 429 + Retry-After, bench/ProviderSim.java), with NO limit configured in
# Leadline. Reports, per minute, what Groq admitted and refused; after the first minute the 429s
# should stay under 1 % of calls and the budget used at or above 90 %.
#   bench/learned-limits.sh
#   ROWS=1000 GROQ_RPM=300 bench/learned-limits.sh
# Writes bench/results/learned-limits.{json,md}. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-500}
GROQ_RPM=${GROQ_RPM:-300}
LATENCY_MS=${LATENCY_MS:-300}
CONCURRENCY=${CONCURRENCY:-32}
work=bench/work/learned-limits
rm -rf "$work" && mkdir -p "$work" bench/results
[ -f batch-app/target/leadline.jar ] || ./mvnw -B -q -o -DskipTests -Dspring-javaformat.skip=true package -pl batch-app -am
java bench/GenerateList.java "$ROWS" "$work/list.csv"

port=$((20000 + RANDOM % 10000))
java bench/ProviderSim.java "$port" "$LATENCY_MS" 0 "$GROQ_RPM" 3600 > "$work/sim.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do grep -q "simulator on" "$work/sim.log" && break; sleep 0.1; done

started=$(date +%s)
env SERPER_API_KEY=sim GROQ_API_KEY=sim LEADLINE_SERPER_URL="http://127.0.0.1:$port" \
    LEADLINE_GROQ_URL="http://127.0.0.1:$port/openai/v1" LEADLINE_DATA_DIR="$PWD/$work/data" \
    LEADLINE_RESEARCH_CONCURRENCY="$CONCURRENCY" \
    java -jar batch-app/target/leadline.jar enrich "$work/list.csv" --format csv --out "$PWD/$work/result.csv" \
    > "$work/enrich.log" 2>&1
seconds=$(( $(date +%s) - started ))
stats=$(curl -s "http://127.0.0.1:$port/stats")
groq=$(grep -oE '"groq":\{[^}]*\}' <<<"$stats")
minutes=$(grep -oE '\[[0-9]+,[0-9]+\]' <<<"$groq" | tr -d '[]')
echo "$minutes" > "$work/per-minute.txt"
ok=$(grep -c ',ok,' "$work/result.csv" || true)
# why: the first minute of traffic (after the app's start-up) is where the limit is met and learnt;
# the last is cut short by the list's end
read -r calls refused used_min used_avg full <<<"$(awk -F, -v rpm="$GROQ_RPM" '
  { a[NR] = $1; r[NR] = $2 } END {
    n = 0; calls = 0; ref = 0; min = 1e9; sum = 0; first = 1
    while (first < NR && a[first] + r[first] == 0) first++
    for (i = first + 1; i < NR; i++) { n++; calls += a[i] + r[i]; ref += r[i]; u = a[i] / rpm; sum += u; if (u < min) min = u }
    if (n == 0) { print 0, 0, 0, 0, 0; exit }
    printf "%d %d %.3f %.3f %d\n", calls, ref, min, sum / n, n }' "$work/per-minute.txt")"
share_429=$(awk "BEGIN { printf \"%.4f\", ($calls > 0 ? $refused / $calls : 0) }")
table=$(awk -F, -v rpm="$GROQ_RPM" '{ printf "| %d | %d | %d | %.2f |\n", NR, $1, $2, $1 / rpm }' "$work/per-minute.txt")
echo "$ok rows ok in ${seconds}s; after the first minute ($full full minutes): $refused x 429 of $calls calls = $share_429; budget used min $used_min, mean $used_avg"

machine="$(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"')"
cat > bench/results/learned-limits.json <<JSON
{
  "benchmark": "requests-per-minute limit learnt from 429s, no limit configured in Leadline",
  "machine": "$machine",
  "provider": { "groq_rpm_enforced": $GROQ_RPM, "window": "sliding 60 s", "latency_ms": $LATENCY_MS },
  "rows": $ROWS, "ok_rows": $ok, "seconds": $seconds, "concurrency": $CONCURRENCY,
  "per_minute_admitted_refused": [$(tr '\n' ' ' < "$work/per-minute.txt" | sed -E 's/([0-9]+),([0-9]+)/[\1,\2]/g; s/ +$//; s/ /, /g')],
  "after_first_minute": { "full_minutes": $full, "calls": $calls, "http_429": $refused, "share_429": $share_429,
                          "budget_used_min": $used_min, "budget_used_mean": $used_avg },
  "targets": { "share_429_below": 0.01, "budget_used_at_least": 0.9 }
}
JSON
cat > bench/results/learned-limits.md <<MD
# Limits learnt from 429s

\`bench/learned-limits.sh\` — $ROWS rows, concurrency $CONCURRENCY, against a simulator enforcing **$GROQ_RPM** Groq requests
per sliding minute ($LATENCY_MS ms per call); no \`LEADLINE_GROQ_RPM\` set. Machine: $machine.

| minute | admitted | 429 | budget used |
|---|---|---|---|
$table

After the first minute of traffic ($full full minutes; start-up and the last partial minute left out): **$refused** × 429 of $calls calls
(**$share_429**); budget used min **$used_min**, mean **$used_avg**. Targets: 429s < 1 %, budget used ≥ 90 %.
MD
