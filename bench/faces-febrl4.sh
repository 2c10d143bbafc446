#!/usr/bin/env bash
# FEBRL4 through the FHIR and HL7 v2 faces against the same file through gRPC (not a CI test; issue 17's acceptance
# figures): a model trained on the file without labels (`train`), then for each face a fresh registry served with it:
#   gRPC: `load --concurrency 1 --output` (one Register per record, every record's person read back);
#   FHIR: bench/fhir_client.py (one POST /fhir/Patient per record, every record's person read back through $ihe-pix);
#   MLLP: bench/mllp_client.py (one ADT^A04 per record over one connection, persons read back through $ihe-pix);
# all scored with ../shared/tools/score.py. Usage: bench/faces-febrl4.sh [work-dir]; PORT (default 5690).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/mpi-faces-febrl4}
port=${PORT:-5690}
shared=../shared
rm -rf "$work"; mkdir -p "$work"

dotnet build -c Release Mpi.Tools -v quiet -nologo > /dev/null
mpi="dotnet Mpi.Service/bin/Release/net10.0/Mpi.Service.dll"
tools="dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll"
python3 "$shared/tools/febrl2canon.py" "$work/febrl4" A="$shared/data/febrl/dataset4a.csv" B="$shared/data/febrl/dataset4b.csv" > /dev/null
$mpi train --input "$work/febrl4/records.csv" --model-out "$work/model.json" > /dev/null

. bench/serve.sh
serve() {
  # The development key printed on the first start is also the MLLP listener's: a first start without the listener
  # issues it, a second start with the listener bound to it serves.
  serve_started "$work/serve-$1.log" . "$port" --database "$work/$1.db" --model "$work/model.json"
  service=$served
  key=$(development_key "$work/serve-$1.log")
  if [ "$1" = mllp ]; then
    kill $service; wait $service 2>/dev/null || true
    Mpi__MllpListeners__0__ApiKey=$key serve_started "$work/serve-$1-2.log" . "$port" --database "$work/$1.db" --mllp-port $((port + 4))
    service=$served
  fi
}
trap 'kill $service 2>/dev/null || true' EXIT

serve grpc
$tools load --address "http://127.0.0.1:$port" --api-key "$key" --input "$work/febrl4/records.csv" --concurrency 1 --baseline-calls 0 \
  --output "$work/grpc-clusters.csv" | grep -E "per_second|p50" || true
echo "gRPC: $(python3 "$shared/tools/score.py" "$work/febrl4/truth.csv" "$work/grpc-clusters.csv" | tr '\n' ' ')"
kill $service; wait $service 2>/dev/null || true

serve fhir
python3 bench/fhir_client.py "http://127.0.0.1:$((port + 3))" "$key" "$work/febrl4/records.csv" "$work/fhir-clusters.csv"
echo "FHIR: $(python3 "$shared/tools/score.py" "$work/febrl4/truth.csv" "$work/fhir-clusters.csv" | tr '\n' ' ')"
kill $service; wait $service 2>/dev/null || true

serve mllp
python3 bench/mllp_client.py 127.0.0.1 $((port + 4)) "http://127.0.0.1:$((port + 3))" "$key" "$work/febrl4/records.csv" "$work/mllp-clusters.csv"
echo "MLLP: $(python3 "$shared/tools/score.py" "$work/febrl4/truth.csv" "$work/mllp-clusters.csv" | tr '\n' ' ')"
