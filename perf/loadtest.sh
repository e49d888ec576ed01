#!/usr/bin/env bash
# Load test of POST /api/v1/ask on loopback (docs/performance.md explains the phases and the figures).
#   perf/loadtest.sh             measure
#   perf/loadtest.sh --profile   the same phases, each under Java Flight Recorder, and a summary of the samples
# Settings (environment): DURATION (s per wrk phase, 20), MISS_SECONDS (s of the cache-miss phase, 10: it needs
# a new question per request), THREADS (wrk threads, 2), CONNECTIONS (16),
# RATE (fixed-rate requests/s, 200), RATE_SECONDS (60), JAVA_OPTS (for the app), KEEP=1 keeps the work directory.
# Needs wrk (apt-get install -y wrk), curl, Maven and a JDK; builds the jars when they are missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/common.sh
source perf/common.sh

PROFILE=0
case "${1:-}" in
  --profile) PROFILE=1 ;;
  "") ;;
  *) echo "usage: perf/loadtest.sh [--profile]" >&2; exit 2 ;;
esac
DURATION=${DURATION:-20}
MISS_SECONDS=${MISS_SECONDS:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
RATE=${RATE:-200}
RATE_SECONDS=${RATE_SECONDS:-60}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }

build_jars
WORK=$(mktemp -d /tmp/qm-loadtest.XXXXXX)
cleanup() {
  stop_app
  if [ "${KEEP:-0}" = 1 ] || [ "$PROFILE" = 1 ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# One list of distinct questions, cut into pools that never overlap: the 1,000 of the mix, new questions
# for the cache-miss runs, and questions to warm the JIT up with.
java -cp "$BENCH_JAR" org.qualitymonth.assistant.perf.BenchmarkQuestions intents "$NOTICE" 250000 "$WORK/all.txt"
sed -n '1,1000p' "$WORK/all.txt" >"$WORK/mix.txt"
sed -n '1001,200000p' "$WORK/all.txt" >"$WORK/unseen.txt"
sed -n '200001,230000p' "$WORK/all.txt" >"$WORK/warmup.txt"
sed -n '230001,250000p' "$WORK/all.txt" >"$WORK/unseen-fixed.txt"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load average before start: $(load_average)"
start_app "$WORK"
echo "start-up to ready: ${READY_MS} ms ($(grep -o 'Started AssistantApplication in [0-9.]* seconds' "$WORK/app.log" || true))"
echo "RSS when ready: $(rss_mb "$APP_PID") MB"

# wrk_phase NAME FILE MODE SESSIONS SECONDS: one wrk run; prints its RESULT line, under JFR when profiling.
wrk_phase() {
  local name=$1 file=$2 mode=$3 sessions=$4 seconds=$5
  if [ "$PROFILE" = 1 ]; then jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$WORK/$name.jfr" >/dev/null; fi
  local result
  result=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s perf/ask.lua "$APP_URL" -- "$file" "$mode" "$THREADS" "$sessions" \
    | grep '^RESULT' | sed 's/^RESULT //')
  if [ "$PROFILE" = 1 ]; then jcmd "$APP_PID" JFR.stop name="$name" >/dev/null; fi
  printf '%-8s %s  (load %s)\n' "$name" "$result" "$(load_average)"
  case "$result" in
    *" errors=0 non2xx=0 "*) ;;
    *) echo "$name: some requests failed" >&2; exit 1 ;;
  esac
  case "$result" in
    *" repeated=0"*) ;;
    *) [ "$mode" = walk ] && [ "$name" = miss ] && echo "  warning: the new questions ran out, the repeats were cache hits: lower MISS_SECONDS" ;;
  esac
  return 0
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per phase (miss: ${MISS_SECONDS} s)"
# warm-up: JIT and connections, on questions of its own
wrk_phase warmup "$WORK/warmup.txt" walk sessions 15 >/dev/null
# mix: the 1,000 questions with repeats, in sessions (first sight of a question is a cache miss)
wrk_phase mix "$WORK/mix.txt" mix sessions "$DURATION"
# hit: the same questions once more, all in the cache now, without sessions: one cache lookup each
wrk_phase fill "$WORK/mix.txt" walk nosessions 2 >/dev/null
wrk_phase hit "$WORK/mix.txt" mix nosessions "$DURATION"
# miss: questions never asked before, without sessions: one classification each
wrk_phase miss "$WORK/unseen.txt" walk nosessions "$MISS_SECONDS"

for mode in mix walk; do
  file="$WORK/mix.txt"; [ "$mode" = walk ] && file="$WORK/unseen-fixed.txt"
  java -cp "$BENCH_JAR" org.qualitymonth.assistant.perf.FixedRateLoad "$APP_URL/api/v1/ask" "$file" "$mode" "$RATE" \
    "$RATE_SECONDS" 10 | sed 's/^/  /'
done
echo "load average after the runs: $(load_average)"
echo "RSS after the runs: $(rss_mb "$APP_PID") MB, peak $(peak_rss_mb "$APP_PID") MB"

if [ "$PROFILE" = 1 ]; then
  for name in mix hit miss; do
    echo "== profile of the $name phase ($WORK/$name.jfr)"
    java -cp "$BENCH_JAR" org.qualitymonth.assistant.perf.JfrHotMethods "$WORK/$name.jfr" 20
  done
fi
