#!/usr/bin/env bash
# Provider pipeline throughput against a loopback simulator of Serper and Groq (bench/ProviderSim.java):
#   A. no rate limit, 300 ms per call: Leadline's rows/s vs the bound concurrency / critical path
#   B. under RPM limits with Leadline's limiter set just below them: share of the budget used, 429s
#   C. the seed system's one-row-at-a-time loop on the same simulator, as a ratio
#   D. as B, split over two processes at once that share the limiter through Redis (LEADLINE_REDIS_URL)
#   bench/provider-throughput.sh                 # defaults below
#   ROWS=3000 LATENCY_MS=300 bench/provider-throughput.sh
# Writes bench/results/provider-throughput.{json,md}. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1500}
LIMITED_ROWS=${LIMITED_ROWS:-400}
SEED_ROWS=${SEED_ROWS:-50}
LATENCY_MS=${LATENCY_MS:-300}
CONCURRENCY=${CONCURRENCY:-32}
SERPER_RPM=${SERPER_RPM:-600}
GROQ_RPM=${GROQ_RPM:-600}
work=bench/work/throughput
rm -rf "$work" && mkdir -p "$work" bench/results
[ -f batch-app/target/leadline.jar ] || ./mvnw -B -q -DskipTests install
java bench/GenerateList.java "$ROWS" "$work/list.csv"
head -n $((LIMITED_ROWS + 1)) "$work/list.csv" > "$work/limited.csv"

sim_pid=""
start_sim() { # latency serper_rpm groq_rpm
  port=$((20000 + RANDOM % 10000))
  java bench/ProviderSim.java "$port" "$1" "$2" "$3" 900 > "$work/sim.log" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 100); do grep -q "simulator on" "$work/sim.log" && return; sleep 0.1; done
  echo "simulator did not start" >&2; exit 1
}
stop_sim() { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
redis_pid=""
start_redis() { # a redis-server from PATH, else the binary the tests' embedded-redis jar ships
  local bin; bin=$(command -v redis-server || true)
  if [ -z "$bin" ]; then
    bin="$work/redis-server"
    unzip -p ~/.m2/repository/com/github/codemonstur/embedded-redis/*/embedded-redis-*.jar \
        redis-server-6.2.6-v5-linux-amd64 > "$bin" && chmod +x "$bin"
  fi
  redis_port=$((30000 + RANDOM % 10000))
  "$bin" --port "$redis_port" --bind 127.0.0.1 --save '' > "$work/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 50); do grep -q "Ready to accept" "$work/redis.log" && return; sleep 0.1; done
  echo "redis did not start" >&2; exit 1
}
stop_all() { stop_sim; [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true; }
trap stop_all EXIT
enrich() { # list data-dir [extra env...]
  local list=$1 data=$2; shift 2
  env SERPER_API_KEY=sim GROQ_API_KEY=sim LEADLINE_SERPER_URL="http://127.0.0.1:$port" \
      LEADLINE_GROQ_URL="http://127.0.0.1:$port/openai/v1" LEADLINE_DATA_DIR="$data" \
      LEADLINE_RESEARCH_CONCURRENCY="$CONCURRENCY" "$@" \
      ./leadline enrich "$list" --format csv > "$data.log" 2>&1
  summary=$(summary_of "$data")
}
summary_of() { # data-dir of a finished enrich
  local id; id=$(grep -oE 'job [0-9a-f-]{36} started' "$1.log" | awk '{print $2}')
  echo "$1/objects/outputs/local/$id/summary.json"
}
field() { grep -oE "\"$1\" *: *[0-9.]+" "$2" | head -1 | grep -oE '[0-9.]+$'; }
stat_of() { curl -s "http://127.0.0.1:$port/stats" | grep -oE "\"$1\":\{[^}]*\}" | grep -oE "\"$2\":[0-9]+" | grep -oE '[0-9]+$'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
read_limits() { # after a rate-limited run: each provider's busiest minute and 429s, as text, JSON and Markdown
  local s429 srpm g429 grpm sshare gshare
  s429=$(stat_of serper rejected429); srpm=$(stat_of serper busiestMinute)
  g429=$(stat_of groq rejected429); grpm=$(stat_of groq busiestMinute)
  sshare=$(calc "$srpm / $SERPER_RPM"); gshare=$(calc "$grpm / $GROQ_RPM")
  limits_text="busiest minute: serper $srpm of $SERPER_RPM ($sshare), 429s $s429; groq $grpm of $GROQ_RPM ($gshare), 429s $g429"
  limits_json="\"serper\": { \"limit_rpm\": $SERPER_RPM, \"busiest_minute\": $srpm, \"share\": $sshare, \"http_429\": $s429 },
                    \"groq\": { \"limit_rpm\": $GROQ_RPM, \"busiest_minute\": $grpm, \"share\": $gshare, \"http_429\": $g429 }"
  limits_md="busiest sliding minute: serper **$srpm** requests = **$sshare** of its limit, **$s429** × 429; groq **$grpm** = **$gshare**, **$g429** × 429"
}

# A. unlimited
start_sim "$LATENCY_MS" 0 0
enrich "$work/list.csv" "$PWD/$work/a"
ok_a=$(field ok "$summary"); enrich_a=$(field enrichSeconds "$summary"); hits_a=$(field cacheHits "$summary")
peak_serper=$(stat_of serper peakConcurrency); peak_groq=$(stat_of groq peakConcurrency)
stop_sim
rate_a=$(calc "$ok_a / $enrich_a")
bound=$(calc "$CONCURRENCY / (3 * $LATENCY_MS / 1000)")
share_bound=$(calc "$rate_a / $bound")
echo "A: $ok_a rows researched in ${enrich_a}s = $rate_a rows/s; bound $bound rows/s; ratio $share_bound"

# B. rate limited, limiter set 5% under the provider's limits
start_sim "$LATENCY_MS" "$SERPER_RPM" "$GROQ_RPM"
enrich "$work/limited.csv" "$PWD/$work/b" LEADLINE_SERPER_RPM=$((SERPER_RPM * 95 / 100)) LEADLINE_GROQ_RPM=$((GROQ_RPM * 95 / 100))
ok_b=$(field ok "$summary"); enrich_b=$(field enrichSeconds "$summary")
read_limits; stop_sim
text_b=$limits_text; json_b=$limits_json; md_b=$limits_md
echo "B: $ok_b rows in ${enrich_b}s; $text_b"

# C. the seed's one-row-at-a-time loop
start_sim "$LATENCY_MS" 0 0
seed=$(java bench/SeedStylePipeline.java "http://127.0.0.1:$port" "$work/list.csv" "$SEED_ROWS")
stop_sim
rate_c=$(echo "$seed" | grep -oE '"rowsPerSecond":[0-9.]+' | grep -oE '[0-9.]+$')
speedup=$(calc "$rate_a / $rate_c" 1)
echo "C: seed-style pipeline $rate_c rows/s; Leadline is ${speedup}x"

# D. B's list split over two processes at once, sharing one budget through Redis
start_redis
start_sim "$LATENCY_MS" "$SERPER_RPM" "$GROQ_RPM"
half=$((LIMITED_ROWS / 2))
head -n $((half + 1)) "$work/limited.csv" > "$work/half-1.csv"
{ head -n 1 "$work/limited.csv"; tail -n +$((half + 2)) "$work/limited.csv"; } > "$work/half-2.csv"
shared=(LEADLINE_REDIS_URL="redis://127.0.0.1:$redis_port" LEADLINE_SERPER_RPM=$((SERPER_RPM * 95 / 100))
        LEADLINE_GROQ_RPM=$((GROQ_RPM * 95 / 100)))
enrich "$work/half-1.csv" "$PWD/$work/d1" "${shared[@]}" & first=$!
enrich "$work/half-2.csv" "$PWD/$work/d2" "${shared[@]}" & second=$!
wait "$first" "$second"
d1=$(summary_of "$PWD/$work/d1"); d2=$(summary_of "$PWD/$work/d2")
ok_d=$(( $(field ok "$d1") + $(field ok "$d2") ))
# why: the processes start together, so the slower one's enrich step is the pair's
enrich_d=$(calc "($(field enrichSeconds "$d1") > $(field enrichSeconds "$d2") ? $(field enrichSeconds "$d1") : $(field enrichSeconds "$d2"))" 1)
read_limits; stop_sim
echo "D: two processes, $ok_d rows, slower enrich step ${enrich_d}s (B: ${enrich_b}s); $limits_text"

machine="$(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"')"
cat > bench/results/provider-throughput.json <<JSON
{
  "benchmark": "provider pipeline against a loopback Serper/Groq simulator",
  "machine": "$machine",
  "latency_ms": $LATENCY_MS,
  "concurrency": $CONCURRENCY,
  "unlimited": { "rows": $ROWS, "rows_researched": $ok_a, "enrich_seconds": $enrich_a, "rows_per_second": $rate_a,
                 "bound_rows_per_second": $bound, "bound_formula": "concurrency / (3 x latency): two searches in parallel, then research, then opener",
                 "ratio_to_bound": $share_bound, "cache_hits": $hits_a, "peak_in_flight": { "serper": $peak_serper, "groq": $peak_groq } },
  "rate_limited": { "rows": $LIMITED_ROWS, "rows_researched": $ok_b, "enrich_seconds": $enrich_b,
                    $json_b },
  "seed_style": { "rows": $SEED_ROWS, "rows_per_second": $rate_c, "leadline_speedup": $speedup },
  "two_processes_shared_limits": { "rows": $LIMITED_ROWS, "rows_researched": $ok_d, "enrich_seconds_slower_process": $enrich_d,
                    $limits_json }
}
JSON
cat > bench/results/provider-throughput.md <<MD
# Provider pipeline throughput

\`bench/provider-throughput.sh\` against \`bench/ProviderSim.java\` (Serper + Groq wire formats on 127.0.0.1, ${LATENCY_MS} ms per call), concurrency $CONCURRENCY, fresh data dir (cold cache) per run. $machine.

| run | figure |
|---|---|
| A. no rate limit, $ROWS rows | **$rate_a rows/s** = **$share_bound ×** the bound of $bound rows/s (concurrency ÷ 3 × latency); peak in flight: serper $peak_serper, groq $peak_groq |
| B. limits serper $SERPER_RPM / groq $GROQ_RPM RPM, limiter at 95 %, $LIMITED_ROWS rows | $md_b |
| C. seed-style one row at a time, $SEED_ROWS rows | $rate_c rows/s → Leadline is **${speedup} ×** faster |
| D. B's rows split over two processes at once, limiter shared through Redis | $limits_md; $ok_d rows; slower process's enrich step ${enrich_d} s (B alone: ${enrich_b} s) |
MD
cat bench/results/provider-throughput.md
