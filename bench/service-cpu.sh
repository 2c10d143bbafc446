#!/usr/bin/env bash
# The service's own CPU per call (not a CI test): from /proc, over 30,000 audited Match calls from 8 callers and over
# a RegisterStream of 50,000 new persons, on a fresh registry of PERSONS (default 20,000) distinct generated persons.
# CPU per call hardly depends on what else the machine runs, where calls per second do: run it in two checkouts,
# alternating, to compare builds. Usage: bench/service-cpu.sh [work-dir]; PERSONS and PORT (default 5780) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mpi-service-cpu}
persons=${PERSONS:-20000}
port=${PORT:-5780}
mkdir -p "$work"
dotnet build -c Release Mpi.Tools -v quiet -nologo > /dev/null
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"
bench/distinct-persons.sh "$work" "$persons"
rm -rf "$work/run"; mkdir -p "$work/run"
. bench/serve.sh
serve_started "$work/run/serve.log" . "$port" --database "$work/run/mpi.db"
service=$served
trap 'kill $service 2>/dev/null || true' EXIT
key=$(development_key "$work/run/serve.log")
load="$tools load --address http://127.0.0.1:$port --api-key $key --baseline-calls 0"
. bench/process-cpu.sh

$load --input "$work/preload.csv" --concurrency 1 --stream > /dev/null
$load --input "$work/queries.csv" --concurrency 8 --match --calls 20000 --warmup-seconds 5 > /dev/null
before=$(cpu_ticks $service)
echo "Match, 8 callers: $($load --input "$work/queries.csv" --concurrency 8 --match --calls 30000 --warmup-seconds 0 | grep -o 'per_second=[0-9]*'), service CPU per call $(cpu_per_call $service "$before" 30000)"
before=$(cpu_ticks $service)
echo "RegisterStream, 50,000 new persons: $($load --input "$work/new.csv" --concurrency 1 --stream | grep -o 'per_second=[0-9]*'), service CPU per record $(cpu_per_call $service "$before" 50000)"
