# Sourced by the bench scripts that run on PostgreSQL: a server of the bench's own, Debian's PostgreSQL binaries
# (apt-get install -y postgresql), initdb'd into a work folder and started on a port with pg_ctl (as the postgres
# user when run as root: PostgreSQL refuses root). Durable as shipped (fsync, synchronous_commit on).

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pg_bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start FOLDER PORT: starts (initdb'ing on first use) a server in FOLDER on PORT with a database "mpi"; prints its
# connection string.
pg_start() {
  local folder=$1 port=$2
  if [ ! -d "$folder/data" ]; then
    mkdir -p "$folder"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$folder"
    as_postgres "$pg_bin/initdb" -D "$folder/data" -U mpi --auth=trust -E UTF8 --no-locale > /dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 120 \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c shared_buffers=${PG_SHARED_BUFFERS:-512MB}" start > /dev/null
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U mpi -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'mpi'" | grep -q 1 \
    || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U mpi mpi
  echo "Host=127.0.0.1;Port=$port;Username=mpi;Database=mpi"
}

# pg_stop FOLDER
pg_stop() { as_postgres "$pg_bin/pg_ctl" -D "$1/data" -m fast -w stop > /dev/null || true; }
