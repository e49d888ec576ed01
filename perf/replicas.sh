#!/usr/bin/env bash
# Replicated mode on loopback (docs/deployment.md): a throw-away PostgreSQL cluster and a Redis in a temp dir, two
# replicas (bot.cluster.enabled=true) and nginx in front of them; wrk (perf/ask.lua) measures answers/s of one replica
# alone and of both behind the balancer, then one replica is stopped (SIGTERM, graceful) in the middle of a run and
# the run reports what happened to the requests in flight. Finally the query log is counted in PostgreSQL.
# Ports (override with the variables): REDIS_PORT 28379, PG_PORT 28432, A_PORT 28081, B_PORT 28082, LB_PORT 28080.
# Settings: DURATION (s per phase, 20), THREADS (2), CONNECTIONS (16), KEEP=1 keeps the work directory.
# Needs (Debian): postgresql, redis-server, nginx, wrk, curl (installed when missing); Maven and a JDK. Runs as root (PostgreSQL then runs as
# the postgres user) or as an ordinary user.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/common.sh
source perf/common.sh

REDIS_PORT=${REDIS_PORT:-28379}
PG_PORT=${PG_PORT:-28432}
A_PORT=${A_PORT:-28081}
B_PORT=${B_PORT:-28082}
LB_PORT=${LB_PORT:-28080}
DURATION=${DURATION:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}

missing=""
for tool in redis-server nginx wrk curl psql; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || missing="$missing postgresql"
if [ -n "$missing" ]; then
  # what is missing comes from Debian's packages (psql is in postgresql)
  packages=$(echo "$missing" | sed 's/\bpsql\b/postgresql/' | tr ' ' '\n' | sort -u | tr '\n' ' ')
  echo "installing:$packages (Debian packages) ..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
for port in "$REDIS_PORT" "$PG_PORT" "$A_PORT" "$B_PORT" "$LB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

build_jars
WORK=$(mktemp -d /tmp/qm-replicas.XXXXXX)
chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
# --- Redis, no persistence
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK" --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)

# --- PostgreSQL: a cluster of its own in the work directory
mkdir -p "$WORK/pg" "$WORK/pgsock"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg" "$WORK/pgsock"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U qm -E UTF8 >"$WORK/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgsock/pg.log" -w \
  -o "-p $PG_PORT -k $WORK/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U qm -d postgres -qc "CREATE DATABASE qm"
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/qm?user=qm"

# --- the replicas: one intents directory (the shared volume), a data directory (spool volume) each
cp -r intents "$WORK/intents"
start_replica() {
  local name=$1 port=$2
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx512m} -jar "$APP_JAR" --server.port="$port" --bot.cluster.enabled=true \
    --spring.datasource.url="$DB_URL" --spring.data.redis.url="redis://127.0.0.1:$REDIS_PORT" \
    --bot.query-log.salt=perf-replicas-salt-0123456789 --bot.intents-dir="$WORK/intents" \
    --bot.notice-file="$PWD/$NOTICE" --bot.data-dir="$WORK/data-$name" --bot.rate-limit.enabled=false \
    >>"$WORK/$name.log" 2>&1 &
  eval "PID_$name=$!"
  PIDS+=($!)
}
await_ready() {
  local name=$1 port=$2 start
  start=$(now_ms)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if [ $(( $(now_ms) - start )) -gt 180000 ]; then echo "replica $name not ready in 180 s:" >&2; tail -30 "$WORK/$name.log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "replica $name ready in $(( $(now_ms) - start )) ms"
}
start_replica a "$A_PORT"
await_ready a "$A_PORT"
start_replica b "$B_PORT"
await_ready b "$B_PORT"

# --- nginx: round robin; a request whose replica refuses the connection or goes away is tried on the other
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream replicas {
    server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      # asking again is harmless (the question is logged twice at worst), so a POST that failed on a replica
      # going away is retried on the other
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$LB_PORT/actuator/health/readiness"; do sleep 0.1; done

java -cp "$BENCH_JAR" org.qualitymonth.assistant.perf.BenchmarkQuestions intents "$NOTICE" 31000 "$WORK/all.txt"
sed -n '1,1000p' "$WORK/all.txt" >"$WORK/mix.txt"
sed -n '1001,31000p' "$WORK/all.txt" >"$WORK/warmup.txt"

ANSWERED=0
phase() {
  local name=$1 url=$2 file=$3 seconds=$4
  local result
  result=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s perf/ask.lua "$url" -- "$file" mix "$THREADS" sessions \
    | grep '^RESULT' | sed 's/^RESULT //')
  printf '%-22s %s\n' "$name" "$result"
  case "$result" in
    *" errors=0 non2xx=0 "*) ;;
    *) echo "$name: some requests failed" >&2 ;;
  esac
  ANSWERED=$(( ANSWERED + $(echo "$result" | sed 's/^requests=\([0-9]*\).*/\1/') ))
}
echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per phase, mix of 1,000 questions in sessions"
phase warmup-a "http://127.0.0.1:$A_PORT" "$WORK/warmup.txt" 15 >/dev/null
phase warmup-b "http://127.0.0.1:$B_PORT" "$WORK/warmup.txt" 15 >/dev/null
phase one-replica "http://127.0.0.1:$A_PORT" "$WORK/mix.txt" "$DURATION"
phase two-behind-nginx "http://127.0.0.1:$LB_PORT" "$WORK/mix.txt" "$DURATION"

# one replica stopped gracefully a third into the run: in-flight requests finish, new ones go to the other
( sleep $(( DURATION / 3 )); kill -TERM "$PID_b" ) &
stopper=$!
phase b-stopped-midway "http://127.0.0.1:$LB_PORT" "$WORK/mix.txt" "$DURATION"
wait "$stopper" || true
wait "$PID_b" 2>/dev/null || true
echo "replica b: $(grep -c 'Graceful shutdown complete' "$WORK/b.log" || true) graceful shutdown(s) logged, exit after SIGTERM"

# after a flush or two, every answered question is in the shared query log
sleep 3
rows=$(psql -h 127.0.0.1 -p "$PG_PORT" -U qm -d qm -tAc "SELECT count(*) FROM query_log")
echo "query_log rows in PostgreSQL: $rows, answers wrk counted (all phases, warm-ups included): $ANSWERED"
# a request nginx retried on the other replica may be logged twice; none may be missing
[ "$rows" -ge "$ANSWERED" ] || { echo "query log records missing" >&2; exit 1; }
