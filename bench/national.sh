#!/usr/bin/env bash
# The national benchmark of issue #13: builds the national data set (bench/national.sql: 290
# municipalities, 2 900 districts, 100 000 places, 50 000 measures, 2 000 000 incidents; seeded),
# starts the app against it with a 512 MB heap, and prints for each question the app's throughput with
# 8 concurrent clients (wrk), p50/p99, the same question answered by lean hand-written SQL with
# pgbench -c8 -j2 on the same rows (bench/national/*.sql), and the ratio; then the public pages'
# time to usable in headless Chromium and the heap. Not part of the test suite.
#
#   bench/national.sh [--seed S] [--seconds N] [--fresh]
#
# The data set lives in its own cluster (/var/tmp/trygghetskartan-national, port 56433) and is built
# once per seed (~4 min); --fresh builds it again. The figures go to target/bench/national.txt too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seed=0.42
seconds=15
fresh=false
while [ $# -gt 0 ]; do
  case $1 in
    --seed) seed=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --fresh) fresh=true; shift ;;
    *) echo "usage: bench/national.sh [--seed S] [--seconds N] [--fresh]" >&2; exit 2 ;;
  esac
done
say() { echo "national: $*" >&2; }

dir=/var/tmp/trygghetskartan-national
port=56433
app_port=18433
out=target/bench/national.txt
mkdir -p target/bench

./tk apt wrk chromium chromium-driver
db/local-postgis.sh install
built=$(cat "$dir/seed" 2>/dev/null || true)
if $fresh || [ "$built" != "$seed" ]; then
  db/local-postgis.sh stop --dir "$dir" 2>/dev/null || true
  rm -rf "$dir"
fi
db/local-postgis.sh start --dir "$dir" --port "$port" --db national --fast
eval "$(db/local-postgis.sh env --dir "$dir")"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/national"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=$SPRING_DATASOURCE_USERNAME PGPASSWORD=$SPRING_DATASOURCE_PASSWORD PGDATABASE=national

say "building the app"
./mvnw -B -q -DskipTests package
jar=$(ls target/trygghetskartan-*.jar | grep -v plain | head -1)

app_pid=
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; app_pid=; }
trap stop_app EXIT
start_app() {
  java -Xmx512m -jar "$jar" --server.port=$app_port --spring.web.resources.chain.cache=true \
    > target/bench/national-app.log 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$app_port/api/vocabularies" > /dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { say "the app did not start: see target/bench/national-app.log"; exit 1; }
    sleep 1
  done
  say "the app did not answer within 120 s"; exit 1
}

if [ "$built" != "$seed" ] || $fresh; then
  say "the app migrates the empty database"
  start_app; stop_app
  say "generating the national data set (seed $seed)"
  start=$(date +%s)
  psql -q -v seed="$seed" -f bench/national.sql
  echo "$seed" > "$dir/seed"
  say "generated in $(( $(date +%s) - start )) s"
fi

start_app
base="http://127.0.0.1:$app_port"
heap_log=target/bench/national-heap.txt
# The heap in use, every second while the benchmark runs (old + eden + survivors, in KB): one jstat
# that samples, not one a second (a JVM's start each second would take a core's quarter from the app).
jstat -gc "$app_pid" 1000 2>/dev/null | awk 'NR > 1 { print $3 + $4 + $6 + $8; fflush() }' > "$heap_log" &

# The questions: name | the app's path, with {slug} {bbox} {x} {y} of a viewport row | raw SQL file | p99 target.
paths() {
  psql -AtF ' ' -c "SELECT slug, round(min_lon::numeric, 5), round(min_lat::numeric, 5), round(max_lon::numeric, 5),
                           round(max_lat::numeric, 5), tx, ty FROM bench_viewport ORDER BY i" |
    awk -v t="$1" '{ p = t; gsub(/\{slug\}/, $1, p); gsub(/\{bbox\}/, $2 "," $3 "," $4 "," $5, p);
                     gsub(/\{x\}/, $6, p); gsub(/\{y\}/, $7, p); print p }'
}
questions=(
  "places by viewport|/api/places?municipality={slug}&bbox={bbox}|places.sql|100"
  "measures by viewport|/api/measures?municipality={slug}&bbox={bbox}|measures.sql|100"
  "districts list|/api/neighbourhoods?municipality={slug}|districts.sql|200"
  "public incident grid|/api/incident-statistics?year=2024&municipality={slug}&bbox={bbox}|incident-grid.sql|100"
  "MVT tile of places z14|/tiles/places/14/{x}/{y}.mvt|tile.sql|100"
  "national overview|/api/municipalities|overview.sql|300"
)

printf "%-24s %9s %8s %8s %9s %6s %7s %9s  %s\n" question "app req/s" "p50 ms" "p99 ms" "raw tps" ratio "not 200" "alone ms" "targets" | tee "$out"
for question in "${questions[@]}"; do
  IFS='|' read -r name template sql p99_target <<< "$question"
  list=$(mktemp)
  paths "$template" > "$list"
  # Warm both, then measure: the app with wrk, the raw SQL with pgbench, back to back.
  wrk -t2 -c8 -d3s -s bench/national/pick.lua "$base" "$list" > /dev/null
  app=$(wrk -t2 -c8 -d"${seconds}s" --timeout 10s -s bench/national/pick.lua "$base" "$list" | grep '^BENCH')
  # One client alone: how long a request takes when nothing else runs (the targets in ms are for this).
  alone=$(wrk -t1 -c1 -d5s --timeout 10s -s bench/national/pick.lua "$base" "$list" | awk '/^BENCH/ {print $3}')
  raw=$(pgbench -n -c8 -j2 -T"$seconds" -f "bench/national/$sql" 2>&1 | awk '/^tps/ {print $3}')
  rm -f "$list"
  read -r _ rps p50 p99 errors bad <<< "$app"
  [ "$bad" = "-" ] || say "$name: answers other than 200 (the first: $bad)"
  ratio=$(awk -v a="$rps" -v r="$raw" 'BEGIN {printf "%.2f", (r > 0 ? a / r : 0)}')
  printf "%-24s %9.0f %8.1f %8.1f %9.0f %6s %7s %9.1f  (≥ 0.8×, p99 < %s ms)\n" "$name" "$rps" "$p50" "$p99" "$raw" \
    "$ratio" "$errors" "$alone" "$p99_target" | tee -a "$out"
done

say "the public pages in headless Chromium (desktop, cold cache)"
first=$(psql -Atc "SELECT slug FROM municipality WHERE NOT is_default ORDER BY slug LIMIT 1")
./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NationalPageBenchmark \
  -Dfailsafe.printSummary=false -Dbench.port=$app_port \
  "-Dbench.pages=/=body:has([data-district]):has(.leaflet-overlay-pane path, .leaflet-marker-icon)|/$first/=body:has([data-district]):has(.leaflet-overlay-pane path, .leaflet-marker-icon)|/sverige=body:has([data-municipality]):has(.leaflet-marker-icon)" \
  > /dev/null || { say "the page benchmark failed: see target/failsafe-reports"; exit 1; }
sed 's/^/page /' target/bench/national-pages.txt | tee -a "$out"
echo "(targets: usable < 1500 ms, < 2048 KB)" | tee -a "$out"

peak=$(sort -n "$heap_log" | tail -1)
printf "heap: peak in use %.0f MB of -Xmx512m during the run\n" "$(awk -v k="${peak:-0}" 'BEGIN {print k / 1024}')" | tee -a "$out"
