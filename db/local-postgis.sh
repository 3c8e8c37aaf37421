#!/usr/bin/env bash
# The project's own PostgreSQL + PostGIS cluster, run from the Debian binaries.
#
#   db/local-postgis.sh start  [--dir DIR] [--port PORT] [--db NAME] [--fast]   start (initialising on first use)
#   db/local-postgis.sh stop   [--dir DIR]                                      stop it
#   db/local-postgis.sh status [--dir DIR]                                      is it running?
#   db/local-postgis.sh env    [--dir DIR]                                      print SPRING_DATASOURCE_* exports
#   db/local-postgis.sh install                                                 install postgresql-15-postgis-3 if missing
#   db/local-postgis.sh backup  FILE [--dir DIR] [--db NAME]                    the database into FILE (pg_dump, custom format)
#   db/local-postgis.sh restore FILE [--dir DIR] [--db NAME] [--force]          FILE into the database, made anew
#
# PostgreSQL refuses to run as root, so as root the cluster runs as the unprivileged 'postgres'
# user. The cluster listens on 127.0.0.1 only; the app's role gets a random password kept in DIR.
# A restore refuses a database that holds tables unless --force; the app must be stopped for it.
set -euo pipefail

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PACKAGE=postgresql-$PG_MAJOR-postgis-3
PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

dir=$PROJECT_DIR/.local/postgres
port=55432
db=trygghetskartan
fast=false
force=false
file=
cmd=${1:-}
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --fast) fast=true; shift ;;
    --force) force=true; shift ;;
    -*) echo "local-postgis: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$file" ] || { echo "local-postgis: one FILE only" >&2; exit 2; }; file=$1; shift ;;
  esac
done
# A link left by an earlier run (see init_cluster) leads to the real folder.
[ -L "$dir" ] && dir=$(readlink -f "$dir")
data=$dir/data

say() { echo "local-postgis: $*" >&2; }

installed() {
  [ -x "$PG_BIN/initdb" ] && [ -f "/usr/share/postgresql/$PG_MAJOR/extension/postgis.control" ]
}

install_packages() {
  installed && return 0
  local apt="apt-get"
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      apt="sudo apt-get"
    else
      say "PostgreSQL $PG_MAJOR with PostGIS 3 is not installed and I cannot install it without root."
      say "Run:  sudo apt-get update && sudo apt-get install -y $PACKAGE"
      exit 1
    fi
  fi
  say "installing $PACKAGE with apt"
  $apt update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $apt install -y -qq "$PACKAGE" >/dev/null
  installed || { say "installing $PACKAGE failed"; exit 1; }
}

# Run a command as the cluster's owner: ourselves, or 'postgres' when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # From /, since the current folder may be closed to 'postgres'.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

port_of_cluster() {
  if [ -f "$dir/port" ]; then cat "$dir/port"; else echo "$port"; fi
}

psql_owner() {
  as_owner psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(port_of_cluster)" -U postgres "$@"
}

init_cluster() {
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      # A parent folder (a home directory, say) is closed to 'postgres': keep the cluster in a
      # folder it can reach, and leave a link to it where it was asked for.
      local outside
      outside=/var/tmp/trygghetskartan-postgres-$(printf '%s' "$dir" | md5sum | cut -c1-10)
      say "the 'postgres' user cannot reach $dir; the cluster lives in $outside (linked from there)"
      mkdir -p "$outside"
      chown postgres: "$outside"
      rmdir "$dir" 2>/dev/null || true
      ln -sfn "$outside" "$dir"
      dir=$outside
      data=$dir/data
    fi
  fi
  say "initialising a new cluster in $data"
  as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = ''"
    if $fast; then
      # The tests' cluster: every cached Spring test context keeps its own pool open.
      echo "max_connections = 300"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    else
      echo "max_connections = 50"
    fi
  } | as_owner tee -a "$data/postgresql.conf" >/dev/null
  # Only the cluster's superuser may connect without a password; the app uses its own role.
  as_owner sh -c "printf 'host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' > '$data/pg_hba.conf'"
  echo "$port" > "$dir/port"
  head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
  chmod 600 "$dir/password"
}

start() {
  install_packages
  [ -f "$data/PG_VERSION" ] || init_cluster
  if running; then
    say "already running on port $(port_of_cluster)"
  else
    as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $(port_of_cluster)" start >/dev/null || { tail -20 "$dir/postgres.log" >&2; exit 1; }
    say "started on 127.0.0.1:$(port_of_cluster) (data in $data)"
  fi
  local pw
  pw=$(cat "$dir/password")
  psql_owner -d postgres <<SQL
SELECT 'CREATE ROLE trygg LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trygg')\gexec
ALTER ROLE trygg PASSWORD '$pw';
SELECT 'CREATE DATABASE $db OWNER trygg' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
  psql_owner -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis"
}

stop() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

# pg_dump and pg_restore run as the caller, who reads and writes FILE, and connect as the cluster's
# superuser (trusted on 127.0.0.1), so the PostGIS extension and every owner come along.
client() {
  local tool=$1
  shift
  "$PG_BIN/$tool" -h 127.0.0.1 -p "$(port_of_cluster)" -U postgres "$@"
}

need_running() {
  running || { say "the cluster in $dir is not running (./tk db start)"; exit 1; }
}

backup() {
  [ -n "$file" ] || { say "backup needs a FILE to write"; exit 2; }
  need_running
  # Written beside FILE first, so that a dump cut short never passes for a backup.
  client pg_dump --format=custom --file="$file.partial" "$db"
  mv "$file.partial" "$file"
  say "backed up $db to $file ($(du -h "$file" | cut -f1))"
}

restore() {
  [ -f "$file" ] || { say "restore needs a backup FILE; $file is not one"; exit 2; }
  need_running
  client pg_restore --list "$file" >/dev/null || { say "$file is not a pg_dump custom-format file"; exit 1; }
  if [ -n "$(psql_owner -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    # Tables of its own, that is, other than those of an extension such as PostGIS's spatial_ref_sys.
    local tables
    tables=$(psql_owner -At -d "$db" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')")
    if [ "$tables" -gt 0 ] && ! $force; then
      say "$db holds $tables tables; a restore would replace them all. Stop the app and add --force to do it."
      exit 1
    fi
    # Made anew, so that nothing of the old database is left beside what the backup holds.
    psql_owner -d postgres -c "DROP DATABASE \"$db\"" \
      || { say "could not drop $db: is the app still connected? Stop it first."; exit 1; }
  fi
  psql_owner -d postgres -c "CREATE DATABASE \"$db\" OWNER trygg"
  # One transaction: a restore that fails leaves an empty database, not half of one.
  client pg_restore --single-transaction --exit-on-error --dbname="$db" "$file"
  say "restored $file into $db"
}

print_env() {
  echo "export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$(port_of_cluster)/$db"
  echo "export SPRING_DATASOURCE_USERNAME=trygg"
  echo "export SPRING_DATASOURCE_PASSWORD=$(cat "$dir/password")"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on 127.0.0.1:$(port_of_cluster) (data in $data)"; else echo "not running"; exit 3; fi ;;
  env) print_env ;;
  install) install_packages ;;
  backup) backup ;;
  restore) restore ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
