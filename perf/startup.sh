#!/usr/bin/env bash
# Start-up to ready (launch until /actuator/health/readiness is UP, training included) and resident
# memory when ready, over N start-ups: perf/startup.sh [N, default 5]. JAVA_OPTS is passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/common.sh
source perf/common.sh
RUNS=${1:-5}
build_jars
WORK=$(mktemp -d /tmp/qm-startup.XXXXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT
echo "load average before: $(load_average)"
for i in $(seq 1 "$RUNS"); do
  start_app "$WORK"
  sleep 1
  printf 'start %d: ready in %5d ms, %s, RSS %d MB (load %s)\n' "$i" "$READY_MS" \
    "$(grep -o 'Started AssistantApplication in [0-9.]* seconds' "$WORK/app.log" || echo 'no start line')" \
    "$(rss_mb "$APP_PID")" "$(load_average)"
  stop_app
done
