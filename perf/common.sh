# Shared by the perf scripts: building the jars, a free port, starting and stopping the app.
# Sourced, not run; expects to be in the project root.

APP_JAR=target/quality-month-assistant.jar
BENCH_JAR=target/benchmarks.jar
NOTICE=seeds/000_6176395c013b77c3.txt

# Builds the application jar and target/benchmarks.jar when missing or older than their sources.
build_jars() {
  if [ ! -f "$APP_JAR" ] || [ -n "$(find pom.xml src/main -newer "$APP_JAR" -type f | head -1)" ]; then
    echo "building $APP_JAR ..." >&2
    mvn -B -q -DskipTests package >&2
  fi
  if [ ! -f "$BENCH_JAR" ] || [ -n "$(find pom.xml src/main src/perf src/jmh -newer "$BENCH_JAR" -type f | head -1)" ]; then
    echo "building $BENCH_JAR ..." >&2
    mvn -B -q -Pbenchmarks -Dmaven.test.skip=true package >&2
  fi
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_app WORKDIR: starts the app on a free port with its data in WORKDIR and waits until it is ready.
# Sets APP_PID, APP_PORT, APP_URL and READY_MS (launch to readiness UP, in ms). JAVA_OPTS is passed to java.
start_app() {
  local work=$1
  APP_PORT=$(free_port)
  APP_URL="http://127.0.0.1:$APP_PORT"
  local start
  start=$(now_ms)
  # flood control is off: the load generator is one client asking as fast as it can, on purpose
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$APP_JAR" --server.port="$APP_PORT" --bot.intents-dir="$PWD/intents" \
    --bot.notice-file="$PWD/$NOTICE" --bot.data-dir="$work/data" \
    --bot.rate-limit.enabled=false >"$work/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "$APP_URL/actuator/health/readiness"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app stopped while starting; its log:" >&2
      tail -50 "$work/app.log" >&2
      return 1
    fi
    if [ $(( $(now_ms) - start )) -gt 120000 ]; then
      echo "the app was not ready within 120 s" >&2
      return 1
    fi
    sleep 0.05
  done
  READY_MS=$(( $(now_ms) - start ))
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# rss_mb PID: resident set size now; peak_rss_mb PID: the highest it has been (VmHWM).
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
peak_rss_mb() { echo $(( $(awk '/^VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
