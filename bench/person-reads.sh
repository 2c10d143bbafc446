#!/usr/bin/env bash
# Person reads under load (not a CI test): GetPerson by record key from 8 callers, each read audited, measured
#   1. alone, next to the empty RPC from the same 8 callers,
#   2. while 8 other callers register new records one Register at a time (a second load process),
# on a fresh registry of GENERATED persons (default 20,000 records of the realism profile), registered first over
# RegisterStream. Usage: bench/person-reads.sh [work-dir]; PORT (default 5390), GENERATED and CALLS from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mpi-person-reads}
port=${PORT:-5390}
generated=${GENERATED:-20000}
calls=${CALLS:-20000}
rm -rf "$work"; mkdir -p "$work"

dotnet build -c Release Mpi.Tools -v quiet -nologo > /dev/null
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"
$tools generate --count "$generated" --seed 11 --output "$work/held" > /dev/null
$tools generate --count 200000 --duplicate-rate 0 --seed 12 --output "$work/new" > /dev/null
# The register load's records are new people: another registry code keeps them apart from the held ones.
sed -E '2,$ s/^[^,]*,/LOADREG,/' "$work/new/records.csv" > "$work/new.csv"

. bench/serve.sh
serve_started "$work/serve.log" . "$port" --database "$work/mpi.db"
service=$served
register=
trap 'kill $service 2>/dev/null || true; kill $register 2>/dev/null || true' EXIT
key=$(development_key "$work/serve.log")
load="$tools load --address http://127.0.0.1:$port --api-key $key"
. bench/process-cpu.sh

$load --input "$work/held/records.csv" --concurrency 1 --stream --baseline-calls 0 > /dev/null
echo "GetPerson, 8 callers, alone (the empty RPC first):"
$load --input "$work/held/records.csv" --concurrency 8 --read-persons --calls "$calls" --baseline-calls 20000 --warmup-seconds 5
before=$(cpu_ticks $service)
$load --input "$work/held/records.csv" --concurrency 8 --read-persons --calls "$calls" --baseline-calls 0 --warmup-seconds 0
echo "service CPU per read: $(cpu_per_call $service "$before" "$calls")"
echo "GetPerson, 8 callers, while 8 other callers Register:"
$load --input "$work/new.csv" --concurrency 8 --baseline-calls 0 > "$work/register.out" 2>&1 &
register=$!
sleep 3
$load --input "$work/held/records.csv" --concurrency 8 --read-persons --calls "$calls" --baseline-calls 20000 --warmup-seconds 3
kill "$register" 2>/dev/null || true
grep -E "VmHWM" "/proc/$service/status"
