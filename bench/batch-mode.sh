#!/usr/bin/env bash
# Live vs batch mode on one list against a loopback simulator of Serper, Groq and Groq's Batch API
# (bench/ProviderSim.java): live chat calls, batch files and batches submitted, estimated cost
# (summary.json, at the configured prices: batch tokens at half price) and wall time of the whole
# `./leadline enrich`, with each simulated batch completing BATCH_DELAY_S seconds after it is created.
#   bench/batch-mode.sh                          # defaults below
#   ROWS=2000 BATCH_DELAY_S=20 LATENCY_MS=300 bench/batch-mode.sh
# Writes bench/results/batch-mode.{json,md}. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-2000}
LATENCY_MS=${LATENCY_MS:-300}
BATCH_DELAY_S=${BATCH_DELAY_S:-20}
CONCURRENCY=${CONCURRENCY:-32}
work=bench/work/batch-mode
rm -rf "$work" && mkdir -p "$work" bench/results
[ -f batch-app/target/leadline.jar ] || ./mvnw -B -q -o -pl batch-app -am package -DskipTests
java bench/GenerateList.java "$ROWS" "$work/list.csv"

sim_pid=""
start_sim() {
  port=$((20000 + RANDOM % 10000))
  java bench/ProviderSim.java "$port" "$LATENCY_MS" 0 0 3600 "$BATCH_DELAY_S" > "$work/sim.log" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 100); do grep -q "simulator on" "$work/sim.log" && return; sleep 0.1; done
  echo "simulator did not start" >&2; exit 1
}
stop_sim() { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
trap stop_sim EXIT
stat_of() { curl -s "http://127.0.0.1:$port/stats" | grep -oE "\"$1\":\{[^}]*\}" | grep -oE "\"$2\":[0-9]+" | grep -oE '[0-9]+$'; }
field() { grep -oE "\"$1\" *: *[0-9.]+" "$2" | head -1 | grep -oE '[0-9.]+$'; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

run() { # mode data-dir
  local mode=$1 data=$2 t0 id
  start_sim
  t0=$(now)
  env SERPER_API_KEY=sim GROQ_API_KEY=sim LEADLINE_SERPER_URL="http://127.0.0.1:$port" \
      LEADLINE_GROQ_URL="http://127.0.0.1:$port/openai/v1" LEADLINE_DATA_DIR="$data" \
      LEADLINE_RESEARCH_CONCURRENCY="$CONCURRENCY" LEADLINE_BATCH_POLLFIRST=1s LEADLINE_BATCH_POLLMAX=5s \
      ./leadline enrich "$work/list.csv" --format csv --mode "$mode" > "$data.log" 2>&1
  wall=$(calc "$(now) - $t0" 1)
  id=$(grep -oE 'job [0-9a-f-]{36} started' "$data.log" | awk '{print $2}')
  summary="$data/objects/outputs/local/$id/summary.json"
  chats=$(stat_of groq requests); searches=$(stat_of serper requests)
  files=$(stat_of batch filesUploaded); batches=$(stat_of batch batchesCreated); batch_requests=$(stat_of batch requests)
  ok=$(field ok "$summary"); cost=$(field estimatedCostUsd "$summary")
  prompt=$(field promptTokens "$summary"); completion=$(field completionTokens "$summary")
  stop_sim
  echo "$mode: $ok ok rows, $chats live chat calls, $files batch files / $batches batches ($batch_requests requests), $searches searches, cost \$$cost, wall ${wall}s"
}

run live "$PWD/$work/live"
live=("$ok" "$chats" "$files" "$batches" "$batch_requests" "$searches" "$cost" "$wall" "$prompt" "$completion")
run batch "$PWD/$work/batch"
batch=("$ok" "$chats" "$files" "$batches" "$batch_requests" "$searches" "$cost" "$wall" "$prompt" "$completion")
# why: searches cost the same in both modes; the model's share is what the batch price halves
serper_price=0.001
model_live=$(calc "${live[6]} - ${live[5]} * $serper_price" 4)
model_batch=$(calc "${batch[6]} - ${batch[5]} * $serper_price" 4)
model_ratio=$(calc "$model_batch / $model_live" 2)
cost_ratio=$(calc "${batch[6]} / ${live[6]}" 2)

machine="$(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"')"
cat > bench/results/batch-mode.json <<JSON
{
  "benchmark": "live vs batch mode, ./leadline enrich against a loopback Serper/Groq/Batch API simulator",
  "machine": "$machine",
  "rows": $ROWS, "latency_ms": $LATENCY_MS, "concurrency": $CONCURRENCY, "batch_delay_seconds": $BATCH_DELAY_S,
  "live":  { "ok_rows": ${live[0]}, "live_chat_calls": ${live[1]}, "batch_files": ${live[2]}, "batches": ${live[3]},
             "batch_requests": ${live[4]}, "searches": ${live[5]}, "prompt_tokens": ${live[8]}, "completion_tokens": ${live[9]},
             "estimated_cost_usd": ${live[6]}, "model_cost_usd": $model_live, "wall_seconds": ${live[7]} },
  "batch": { "ok_rows": ${batch[0]}, "live_chat_calls": ${batch[1]}, "batch_files": ${batch[2]}, "batches": ${batch[3]},
             "batch_requests": ${batch[4]}, "searches": ${batch[5]}, "prompt_tokens": ${batch[8]}, "completion_tokens": ${batch[9]},
             "estimated_cost_usd": ${batch[6]}, "model_cost_usd": $model_batch, "wall_seconds": ${batch[7]} },
  "model_cost_ratio_batch_to_live": $model_ratio,
  "total_cost_ratio_batch_to_live": $cost_ratio
}
JSON
cat > bench/results/batch-mode.md <<MD
# Live vs batch mode

\`bench/batch-mode.sh\`: \`./leadline enrich\` of a $ROWS-row list (bench/GenerateList.java) against
bench/ProviderSim.java on 127.0.0.1 — Serper and Groq with ${LATENCY_MS} ms per call, and Groq's Batch
API whose batches complete ${BATCH_DELAY_S} s after they are created. Research concurrency $CONCURRENCY;
batch polling from 1 s backing off to 5 s. Machine: $machine.

| | live | batch |
|---|---:|---:|
| ok rows | ${live[0]} | ${batch[0]} |
| live chat-completion calls | ${live[1]} | ${batch[1]} |
| batch files submitted (batches) | ${live[2]} (${live[3]}) | ${batch[2]} (${batch[3]}) |
| requests answered by batches | ${live[4]} | ${batch[4]} |
| Serper searches (live in both) | ${live[5]} | ${batch[5]} |
| prompt / completion tokens | ${live[8]} / ${live[9]} | ${batch[8]} / ${batch[9]} |
| estimated model cost (USD) | $model_live | $model_batch (**${model_ratio}×**) |
| estimated total cost incl. searches (USD) | ${live[6]} | ${batch[6]} (${cost_ratio}×) |
| wall time of \`enrich\` (s) | ${live[7]} | ${batch[7]} |

Batch mode makes its model calls in three rounds (company summaries, people, openers), each a batch
the provider may take up to its completion window for: the wall time is the searches plus three
batch turnarounds (here ${BATCH_DELAY_S} s each; on Groq minutes to hours, within the 24 h window),
not the list size over the live rate limit. Costs are estimates at the configured list prices
(leadline.research.prices.*, batch tokens at groq-batch-factor 0.5).
MD
cat bench/results/batch-mode.md
