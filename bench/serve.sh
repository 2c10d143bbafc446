# Sourced by the bench scripts (from the repository root, the service built in Release): the service of this checkout
# in the background, and the development key its first start prints.

bench_root=$PWD

# serve_started LOG FOLDER PORT [serve options…]: starts `serve` in FOLDER (where it keeps what is its own beside a
# PostgreSQL database: the UI's cookie keys) on ports PORT to PORT+3 (gRPC, metrics, UI, FHIR) with the options given,
# its output in LOG, and returns once LOG says it started (fails after 90 s, or when it exits first, naming LOG).
# $served is its process id. Settings from the environment of the call: Mpi__MaxRegistersPerSecond=0 serve_started …
serve_started() {
  local log=$1 folder=$2 port=$3
  shift 3
  (cd "$folder" && exec dotnet "$bench_root/Mpi.Service/bin/Release/net10.0/Mpi.Service.dll" serve --port "$port" \
    --metrics-port $((port + 1)) --ui-port $((port + 2)) --fhir-port $((port + 3)) "$@") > "$log" 2>&1 &
  served=$!
  for _ in $(seq 1 180); do
    grep -q "Application started" "$log" && return 0
    kill -0 "$served" 2>/dev/null || break
    sleep 0.5
  done
  echo "serve did not start: see $log" >&2
  return 1
}

# development_key LOG: the development API key a first start printed in LOG.
development_key() { grep -o 'mpi_[A-Za-z0-9_.-]*' "$1" | head -1; }
