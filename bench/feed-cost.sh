#!/usr/bin/env bash
# The identity-change feed's cost to registration (not a CI test): registers a generated population (duplicates
# included, so registrations link), after an unreported warm-up part, in eight parts of PART records each (default
# 10,000), with and without one Watch
# consumer following the feed from its head (load --watch), in the order none, watch, watch, none so that the registry's
# growth weighs on both alike: first Register from 8 callers, then RegisterStream from one. The service's register
# rate limit is off (Mpi__MaxRegistersPerSecond=0), so throughput is what the service can do.
# Usage: bench/feed-cost.sh [work-dir]; PORT (default 5590) and PART from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mpi-feed-cost}
port=${PORT:-5590}
part=${PART:-10000}
rounds=${ROUNDS:-3}
parts=$((2 + rounds * 8))
rm -rf "$work"; mkdir -p "$work"

dotnet build -c Release Mpi.Tools -v quiet -nologo > /dev/null
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"
$tools generate --count $((part * parts)) --seed 31 --output "$work/people" > /dev/null
for i in $(seq 0 $((parts - 1))); do
  { head -n 1 "$work/people/records.csv"; tail -n +2 "$work/people/records.csv" | sed -n "$((i * part + 1)),$(((i + 1) * part))p"; } > "$work/part-$i.csv"
done

. bench/serve.sh
Mpi__MaxRegistersPerSecond=0 serve_started "$work/serve.log" . "$port" --database "$work/mpi.db"
service=$served
trap 'kill $service 2>/dev/null || true' EXIT
key=$(development_key "$work/serve.log")

run() { # part, mode (Register or RegisterStream), watch or none
  local args=(--input "$work/part-$1.csv" --address "http://127.0.0.1:$port" --api-key "$key" --baseline-calls 0)
  if [ "$2" = RegisterStream ]; then args+=(--concurrency 1 --stream); else args+=(--concurrency 8); fi
  if [ "$3" = watch ]; then args+=(--watch); fi
  local out; out=$($tools load "${args[@]}")
  local rate; rate=$(grep -o 'per_second=[0-9]*' <<< "$out" | cut -d= -f2)
  echo "$2 $3: $(grep -o 'records=.*p99_ms=[0-9.]*' <<< "$out") $(grep -o 'watch changes=.*' <<< "$out" || true)" >&2
  echo "$rate"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# The warm-up: the service's and the load tool's just-in-time compilation, both register paths and the feed.
run 0 Register watch > /dev/null 2>&1
run 1 RegisterStream watch > /dev/null 2>&1
i=2
for mode in Register RegisterStream; do
  : > "$work/none.rates"; : > "$work/watch.rates"
  for _ in $(seq 1 "$rounds"); do
    for watching in none watch watch none; do run $i $mode $watching >> "$work/$watching.rates"; i=$((i + 1)); done
  done
  none=$(median < "$work/none.rates"); watch=$(median < "$work/watch.rates")
  awk -v mode=$mode -v none="$none" -v watch="$watch" 'BEGIN {
    printf "%s: median %.0f/s without a consumer, %.0f/s with one Watch consumer (%+.1f%%)\n", mode, none, watch, (watch - none) / none * 100 }'
done
