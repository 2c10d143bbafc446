#!/usr/bin/env bash
# The load benches' data (run from the repository root, Mpi.Tools built in Release): PERSONS+50,000 distinct generated
# persons, no duplicates, in WORK: preload.csv (the first PERSONS), new.csv (the last 50,000: new people),
# queries.csv (the first 20,000: registered people to Match). Kept when WORK already has them.
# Usage: bench/distinct-persons.sh WORK PERSONS
set -euo pipefail
work=$1
persons=$2
all="$work/all/records.csv"
[ -f "$all" ] && exit 0
dotnet Mpi.Tools/bin/Release/net10.0/Mpi.Tools.dll generate --count $((persons + 50000)) --duplicate-rate 0 --seed 42 --output "$work/all" > /dev/null
head -n $((persons + 1)) "$all" > "$work/preload.csv"
{ head -n 1 "$all"; tail -n 50000 "$all"; } > "$work/new.csv"
{ head -n 1 "$all"; head -n 20001 "$all" | tail -n 20000; } > "$work/queries.csv"
