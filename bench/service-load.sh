#!/usr/bin/env bash
# The service's load test at scale (not a CI test): a registry preloaded with PERSONS distinct persons through
# RegisterStream, then, against it and each next to an empty-RPC baseline measured in the same run,
#   1. Match from 8 concurrent callers (each query is a registered person's record), after a warm-up pass,
#   2. RegisterStream of 50,000 new persons from one caller,
# and the service's resident memory (now and peak). Usage: bench/service-load.sh [work-dir]
# PERSONS (default 1000000) and PORT (default 5380) come from the environment. A preloaded work dir is reused.
# DATABASE=postgres runs the service on a PostgreSQL server of the bench's own in the work dir (bench/postgres.sh,
# durable as shipped) instead of the SQLite file; its default work dir is /tmp/mpi-load-postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${DATABASE:-sqlite}
work=${1:-/tmp/mpi-load$([ "$store" = postgres ] && echo -postgres)}
persons=${PERSONS:-1000000}
port=${PORT:-5380}
mkdir -p "$work"

# The tools project references the service, so one build gives both: the service, and generate and load beside it.
dotnet build -c Release Mpi.Tools -v quiet -nologo
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"

# Distinct persons only (no duplicates): the first PERSONS rows preload the registry, the last 50,000 are new people.
bench/distinct-persons.sh "$work" "$persons"

database="$work/mpi.db"
if [ "$store" = postgres ]; then
  . bench/postgres.sh
  database=$(pg_start "$work/pg" $((port + 50)))
fi
. bench/serve.sh
serve_started "$work/serve.log" "$work" "$port" --database "$database"
service=$served
trap 'kill $service 2>/dev/null || true; if [ "$store" = postgres ]; then sleep 2; pg_stop "$work/pg"; fi' EXIT
key_file="$work/api-key"
if grep -q "Development API key" "$work/serve.log"; then development_key "$work/serve.log" > "$key_file"; fi
key=$(cat "$key_file")

if [ ! -f "$work/preloaded" ]; then
  echo "preloading $persons persons over RegisterStream"
  $tools load --input "$work/preload.csv" --address "http://127.0.0.1:$port" --api-key "$key" --concurrency 1 --stream --baseline-calls 0
  touch "$work/preloaded"
fi
# Candidate search reads the records from memory, loaded in the background after a restart: wait for it.
for _ in $(seq 1 300); do grep -q "Record directory loaded" "$work/serve.log" && break; sleep 1; done
grep "Record directory loaded" "$work/serve.log" | tail -1

# A freshly started service runs its first calls cold (JIT, thread pool ramp-up): one unreported pass warms it up.
# Each load generator is a fresh process too, so `load` also makes 3 s of unreported calls (--warmup-seconds) before
# each measured run: its own compiler thread would otherwise take a share of the two cores while measuring.
$tools load --input "$work/queries.csv" --address "http://127.0.0.1:$port" --api-key "$key" --concurrency 8 --match --calls 20000 --baseline-calls 20000 > /dev/null
echo "Match, 8 callers:"
$tools load --input "$work/queries.csv" --address "http://127.0.0.1:$port" --api-key "$key" --concurrency 8 --match --calls 20000 --baseline-calls 20000
echo "RegisterStream, 50,000 new persons, 1 caller:"
# A local id suffix per run keeps them new on a reused registry (registry codes and generated ids hold no comma).
run=$(date +%s)
sed -E "2,\$ s/^([^,]*),([^,]*),/\1,\2-r$run,/" "$work/new.csv" > "$work/new-run.csv"
$tools load --input "$work/new-run.csv" --address "http://127.0.0.1:$port" --api-key "$key" --concurrency 1 --stream --baseline-calls 20000
# The service's own process (the subshell exec'd into it, so $service is its pid).
grep -E "VmRSS|VmHWM" "/proc/$service/status"
if [ "$store" = postgres ]; then
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p $((port + 50)) -U mpi -d mpi -tAc "SELECT 'database size: ' || pg_size_pretty(pg_database_size('mpi'))"
fi
