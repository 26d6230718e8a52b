#!/usr/bin/env bash
# Research cost per row, before and after research read the whole row (issue 14), in one run:
# the same 300-row list (3 contacts per company, an Apollo-style export) through the app as it was
# at BASE_REF and as it is now, against bench/ResearchFake.java (hand-written Serper fixtures with
# 10 organic results each; a Groq fake that counts prompt and completion tokens from the text it
# receives and returns). Reports Serper calls, Groq calls and tokens per row from the fake's usage.
#   bench/research-tokens.sh
#   ROWS=600 CONTACTS=3 BASE_REF=<commit> bench/research-tokens.sh
# Writes bench/results/research-tokens.{json,md}. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-300}
CONTACTS=${CONTACTS:-3}
# why: main just before issue 14 landed; any commit with the email-only research will do
BASE_REF=${BASE_REF:-95c796c}
# BASE_DIR: an already extracted (and built) source tree of BASE_REF, instead of git archive
BASE_DIR=${BASE_DIR:-}
CONCURRENCY=${CONCURRENCY:-16}
work=bench/work/research-tokens
rm -rf "$work" && mkdir -p "$work" bench/results
java bench/ResearchFake.java list "$ROWS" "$CONTACTS" "$work/list.csv"

# why: package, not install: the two builds must not overwrite each other in ~/.m2
echo "building the app now and at $BASE_REF..." >&2
./mvnw -B -q -o -DskipTests -Dspring-javaformat.skip=true package -pl batch-app -am
if [ -z "$BASE_DIR" ]; then
  BASE_DIR="$work/base" && mkdir -p "$BASE_DIR"
  git archive "$BASE_REF" | tar -x -C "$BASE_DIR"
fi
[ -f "$BASE_DIR/batch-app/target/leadline.jar" ] || (cd "$BASE_DIR" && ./mvnw -B -q -o -DskipTests -Dspring-javaformat.skip=true package -pl batch-app -am)

port=$((20000 + RANDOM % 10000))
java bench/ResearchFake.java serve "$port" "$work/list.csv" bench/fixtures/serper > "$work/fake.log" 2>&1 &
fake_pid=$!
trap 'kill $fake_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do grep -q "research fake on" "$work/fake.log" && break; sleep 0.1; done

stat() { grep -oE "\"$1\":[0-9]+" <<<"$2" | grep -oE '[0-9]+$'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
run() { # name jar
  curl -s "http://127.0.0.1:$port/reset" > /dev/null
  env SERPER_API_KEY=bench GROQ_API_KEY=bench LEADLINE_SERPER_URL="http://127.0.0.1:$port" \
      LEADLINE_GROQ_URL="http://127.0.0.1:$port/openai/v1" LEADLINE_DATA_DIR="$PWD/$work/$1-data" \
      LEADLINE_RESEARCH_CONCURRENCY="$CONCURRENCY" \
      java -jar "$2" enrich "$work/list.csv" --format csv --out "$PWD/$work/$1.csv" > "$work/$1.log" 2>&1
  local s; s=$(curl -s "http://127.0.0.1:$port/stats")
  local ok; ok=$(grep -c ',ok,' "$work/$1.csv" || true)
  eval "${1}_ok=$ok"
  eval "${1}_serper=$(calc "$(stat serperCalls "$s") / $ROWS")"
  eval "${1}_groq=$(calc "$(stat groqCalls "$s") / $ROWS")"
  eval "${1}_prompt=$(calc "$(stat promptTokens "$s") / $ROWS" 0)"
  eval "${1}_completion=$(calc "$(stat completionTokens "$s") / $ROWS" 0)"
}
run before "$BASE_DIR/batch-app/target/leadline.jar"
run after batch-app/target/leadline.jar
prompt_saving=$(calc "100 * (1 - $after_prompt / $before_prompt)" 1)
total_saving=$(calc "100 * (1 - ($after_prompt + $after_completion) / ($before_prompt + $before_completion))" 1)
echo "before ($BASE_REF): $before_ok ok; per row $before_serper Serper calls, $before_groq Groq calls, $before_prompt prompt + $before_completion completion tokens"
echo "after:  $after_ok ok; per row $after_serper Serper calls, $after_groq Groq calls, $after_prompt prompt + $after_completion completion tokens"
echo "prompt tokens per row: -$prompt_saving %; prompt+completion: -$total_saving %"

machine="$(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"')"
cat > bench/results/research-tokens.json <<JSON
{
  "benchmark": "research cost per row: email-only research (before) vs research reading the whole row (after)",
  "machine": "$machine",
  "list": { "rows": $ROWS, "contacts_per_company": $CONTACTS, "columns": "First Name, Last Name, Title, Company, Email, Website, Person Linkedin Url, City" },
  "fixtures": "bench/fixtures/serper: 2 person and 2 company Serper responses written by hand, 10 organic results each, filled per query",
  "token_counting": "the fake counts tokens from the text it receives and returns (o200k-like pieces, 4 per message + 3 per request)",
  "before": { "ref": "$BASE_REF", "ok_rows": $before_ok, "serper_calls_per_row": $before_serper, "groq_calls_per_row": $before_groq,
              "prompt_tokens_per_row": $before_prompt, "completion_tokens_per_row": $before_completion },
  "after": { "ok_rows": $after_ok, "serper_calls_per_row": $after_serper, "groq_calls_per_row": $after_groq,
             "prompt_tokens_per_row": $after_prompt, "completion_tokens_per_row": $after_completion },
  "prompt_tokens_saved_percent": $prompt_saving,
  "total_tokens_saved_percent": $total_saving,
  "targets": { "serper_calls_per_row_at_most": 1.4, "prompt_tokens_saved_percent_at_least": 40 }
}
JSON
cat > bench/results/research-tokens.md <<MD
# Research cost per row

\`bench/research-tokens.sh\` — $ROWS rows, $CONTACTS contacts per company, Apollo-style columns; Serper answers
from hand-written fixtures (10 organic results each), Groq usage counted by the fake from the text it receives.
Machine: $machine.

| | Serper calls/row | Groq calls/row | prompt tokens/row | completion tokens/row | ok rows |
|---|---|---|---|---|---|
| before ($BASE_REF: email-only research) | $before_serper | $before_groq | $before_prompt | $before_completion | $before_ok |
| after (row fields, company once per job, trimmed prompts) | $after_serper | $after_groq | $after_prompt | $after_completion | $after_ok |

Prompt tokens per row: **-$prompt_saving %**; prompt + completion: **-$total_saving %**.
Targets: ≤ 1.4 Serper calls per row, ≥ 40 % fewer prompt tokens per row.
MD
