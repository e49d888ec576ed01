# Starts Debian's PostgreSQL on this machine and exports TEST_POSTGRES_URL, so that the query-log
# tests run against a real server. Source it (it exports a variable):  source .ci/postgres.sh
# Idempotent: installs the package only when missing, leaves a running server as it is.
# initdb refuses to run as root, so the cluster belongs to the postgres user, as Debian sets it up.

pg_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq postgresql >/dev/null
fi

pg_version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  if [ "$(id -u)" -eq 0 ]; then pg_createcluster "$pg_version" main >/dev/null; else sudo pg_createcluster "$pg_version" main >/dev/null; fi
fi
pg_port="$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" {print $3}')"
if ! pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$pg_version" main start; else sudo pg_ctlcluster "$pg_version" main start; fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p "$pg_port"

if [ "$(pg_as_postgres psql -p "$pg_port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'qm_test'")" != "1" ]; then
  pg_as_postgres psql -p "$pg_port" -q -v ON_ERROR_STOP=1 -c "CREATE ROLE qm_test LOGIN PASSWORD 'qm_test'"
fi
if [ "$(pg_as_postgres psql -p "$pg_port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'qm_test'")" != "1" ]; then
  pg_as_postgres createdb -p "$pg_port" -O qm_test qm_test
fi

export TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:${pg_port}/qm_test?user=qm_test&password=qm_test"
echo "PostgreSQL $pg_version for the tests: TEST_POSTGRES_URL=$TEST_POSTGRES_URL"
