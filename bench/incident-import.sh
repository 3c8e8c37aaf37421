#!/usr/bin/env bash
# Benchmark: import N synthetic incidents (default 1 000 000) into a running app (./tk run) and
# report the time, the rate and the app's heap afterwards. Usage: bench/incident-import.sh [N] [URL]
set -euo pipefail
n=${1:-1000000}
url=${2:-http://localhost:8080}
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"' EXIT
awk -v n="$n" 'BEGIN {
  srand(7); print "id;occurred_at;category;x;y"
  split("bike_theft vandalism theft drug_offence assault disturbance", c, " ")
  for (i = 1; i <= n; i++)
    printf "BENCH-%d;2024-%02d-%02dT%02d:%02d;%s;%.1f;%.1f\n", i, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
      c[1 + i % 6], 566000 + rand() * 7000, 6537000 + rand() * 7000
}' > "$file"
echo "file: $n lines, $(du -h "$file" | cut -f1)"
# A source of its own each run (imports name a source of the managed list), so nothing is a duplicate.
source="bench-$(date +%s)"
curl -sf -u planner:planner -H 'Content-Type: application/json' \
  -d "{\"slug\": \"$source\", \"name\": \"Benchmark $source\"}" "$url/api/incident-sources" > /dev/null
start=$(date +%s.%N)
curl -sf -u planner:planner -H 'Content-Type: text/csv' --data-binary @"$file" \
  "$url/api/incident-imports?source=$source&wait=true" > /tmp/bench-import.json
end=$(date +%s.%N)
python3 - "$start" "$end" "$n" <<'PY'
import json, sys
start, end, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
report = json.load(open('/tmp/bench-import.json'))
print(f"imported {report['imported']}, duplicates {report['duplicates']}, rejected {report['rejected']}")
print(f"time {end - start:.1f} s, {n / (end - start):,.0f} lines/s")
PY
pid=$(pgrep -f TrygghetskartanApplication | head -1 || true)
if [ -n "$pid" ] && command -v jcmd >/dev/null; then
  jcmd "$pid" GC.heap_info | grep -E "garbage-first heap|total" | head -2
fi
