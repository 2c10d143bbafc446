#!/usr/bin/env bash
# The identity-change feed followed from Node.js across two crashes: registers GENERATED generated records (default
# 6,000) with feed-follow.mjs (32 callers, a steward churning, a Watch consumer), kills the service with kill -9 once
# 1,500 and again once 3,500 registrations are acknowledged (KILL_AT, default "1500 3500"; empty: no kill), restarts
# it on the same file and port each time, and prints what the consumer checked at the end (its exit code is this
# script's). Usage: clients/node/feed-follow.sh [work-dir]; PORT (default 5490), GENERATED and KILL_AT from the environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/mpi-feed-follow}
port=${PORT:-5490}
generated=${GENERATED:-6000}
rm -rf "$work"; mkdir -p "$work"

dotnet build -c Release Mpi.Tools -v quiet -nologo > /dev/null
[ -d clients/node/node_modules ] || (cd clients/node && npm ci --silent)
dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll generate --count "$generated" --seed 21 --output "$work/people" > /dev/null

. bench/serve.sh
starts=0
start() {
  starts=$((starts + 1))
  serve_started "$work/serve-$starts.log" . "$port" --database "$work/mpi.db"
  service=$served
}
# Waits until the consumer's progress line reports at least $1 acknowledged registrations.
acknowledged() {
  until [ "$(grep -o '[0-9]* acknowledged' "$work/node.log" | tail -1 | cut -d' ' -f1)" -ge "$1" ] 2>/dev/null; do
    kill -0 "$node" 2>/dev/null || return 0
    sleep 0.2
  done
}

start
trap 'kill -9 $service 2>/dev/null || true' EXIT
key=$(development_key "$work/serve-1.log")
(cd clients/node && MPI_API_KEY=$key MPI_ADDRESS=127.0.0.1:$port node feed-follow.mjs "$work/people/records.csv") > "$work/node.log" 2>&1 &
node=$!
for at in ${KILL_AT-1500 3500}; do
  acknowledged "$at"
  kill -9 "$service"
  wait "$service" 2>/dev/null || true
  echo "kill -9 of the service at $(grep -o '[0-9]* acknowledged' "$work/node.log" | tail -1)"
  sleep 1
  start
done
status=0
wait "$node" || status=$?
cat "$work/node.log"
exit "$status"
