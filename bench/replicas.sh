#!/usr/bin/env bash
# Two service replicas on one PostgreSQL (not a CI test): how soon a change committed through one is seen by Match on
# the other. Starts a PostgreSQL of its own (bench/postgres.sh), two `serve` processes on it, each in a folder of its
# own, then `load --lag` registers CHANGES (default 1000) new, distinct persons one at a time on the first and asks
# the second's Match every millisecond until it finds each. Usage: bench/replicas.sh [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mpi-replicas}
changes=${CHANGES:-1000}
port=${PORT:-5480}
rm -rf "$work" && mkdir -p "$work/a" "$work/b"
. bench/postgres.sh

dotnet build -c Release Mpi.Tools -v quiet -nologo
mpi="dotnet $PWD/Mpi.Service/bin/Release/net10.0/Mpi.Service.dll"
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"
database=$(pg_start "$work/pg" $((port + 50)))
services=()
trap 'kill "${services[@]}" 2>/dev/null || true; pg_stop "$work/pg"' EXIT

. bench/serve.sh
serve_started "$work/a/serve.log" "$work/a" "$port" --database "$database"
services+=("$served")
serve_started "$work/b/serve.log" "$work/b" $((port + 10)) --database "$database"
services+=("$served")
key=$(development_key "$work/a/serve.log")
$mpi health --address "http://127.0.0.1:$port"
$mpi health --address "http://127.0.0.1:$((port + 10))"

$tools generate --count "$changes" --duplicate-rate 0 --seed 18 --output "$work/records" > /dev/null
echo "replication lag over $changes changes (registered on one replica, found by Match on the other):"
$tools load --input "$work/records/records.csv" --address "http://127.0.0.1:$port,http://127.0.0.1:$((port + 10))" --api-key "$key" --lag "$changes"
