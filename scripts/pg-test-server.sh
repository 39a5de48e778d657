#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite, on 127.0.0.1 only, in /tmp (never the system cluster;
# /tmp because the server's own user must be able to reach its data folder, which a home folder may forbid).
#   bash scripts/pg-test-server.sh start   → prints the SQLAlchemy URL of an empty database "redtour"
#   bash scripts/pg-test-server.sh stop
# Uses Debian's postgresql packages (scripts/setup.sh --test installs them). As root, the server runs as the
# "postgres" user, which initdb requires.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${REDTOUR_PG_PORT:-54329}
root=${REDTOUR_PG_DIR:-/tmp/redtour-pg-$(id -u)-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -f "$root/data/PG_VERSION" ]; then
      rm -rf "$root" && mkdir -p "$root"
      [ "$(id -u)" -eq 0 ] && chown postgres "$root"
      as_owner "$bin/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # One role must log in with a password (scram), so the keyring path is tested against a real check.
    hba="$root/data/pg_hba.conf"
    if ! grep -q "redtour_pw" "$hba"; then
      as_owner sh -c "{ echo 'host all redtour_pw 127.0.0.1/32 scram-sha-256'; cat '$hba'; } > '$hba.new' && mv '$hba.new' '$hba'"
      as_owner "$bin/pg_ctl" -D "$root/data" reload >/dev/null 2>&1 || true
    fi
    if ! as_owner "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
      # fsync off: a test server, thrown away; the app's own durability settings are tested on SQLite.
      as_owner "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c synchronous_commit=off -c max_connections=200" \
        start >/dev/null
    fi
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA \
      -c "SELECT 1 FROM pg_database WHERE datname='redtour'" | grep -q 1 ||
      "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres redtour
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'redtour_pw') THEN
        CREATE ROLE redtour_pw LOGIN PASSWORD 'redtour-test-password';
      END IF; END \$\$" >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/redtour"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
