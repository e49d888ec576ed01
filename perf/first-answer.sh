#!/usr/bin/env bash
# Launch to first answer with the README's run command (bin/run: config/jvm.options and the start-up archive), over
# N starts (5): the time until POST /api/v1/ask first answers, the median, and the load average of each start.
# The starts share one data directory: the first trains the models and keeps them there (nlu/TrainedModelCache), the
# later ones read them back, as every start after the first does in a real installation.
#   perf/first-answer.sh [N]        environment: APP_PORT (18080), JAVA and QM_ARCHIVE as for bin/run
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/common.sh
source perf/common.sh
RUNS=${1:-5}
APP_PORT=${APP_PORT:-18080}
bin/run --prepare
WORK=$(mktemp -d /tmp/qm-first.XXXXXX)
PID=""
trap 'if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
times=()
for i in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  bin/run --server.port="$APP_PORT" --bot.data-dir="$WORK/data" >"$WORK/app-$i.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"text":"质量月的主题是什么"}' \
    "http://127.0.0.1:$APP_PORT/api/v1/ask"; do
    kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/app-$i.log" >&2; exit 1; }
    sleep 0.02
  done
  took=$(( $(now_ms) - start ))
  times+=("$took")
  printf 'start %d: first answer after %5d ms, RSS %d MB (load %s)\n' "$i" "$took" "$(rss_mb "$PID")" "$(load_average)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
printf 'median of %d: %d ms (bar < 3000 ms)\n' "$RUNS" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')"
