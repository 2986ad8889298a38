#!/usr/bin/env bash
# Locate-my-district throughput against the running platform, as a ratio to GET /api/ping measured in the same run
# (see bench/README.md). Each locate request asks for another random point inside Praha (districts-locate.lua), so
# the answer goes through the edge filter, the version in force, the cached STRtree index and the district card
# (borough, working group, stations, recommendations) — in the steady state all from the short-lived read caches
# (safecity.cache.ttl), without a database round trip.
# Usage: bench/districts-locate.sh [seconds] [connections]   (needs wrk and the demo data: ./safecity up)
# Environment: SAFECITY_URL (default http://localhost:8080), CITY (default praha), GEOMETRY (default false).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
DURATION=${1:-15}
CONNECTIONS=${2:-16}
export CITY=${CITY:-praha} GEOMETRY=${GEOMETRY:-false}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
probe="$BASE/api/cities/$CITY/districts/locate?lat=50.0870&lon=14.4208&geometry=false"
curl -fsS -o /dev/null "$probe" || { echo "no districts to locate in $CITY ($probe): load the demo data" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "warm-up 5 s each ..."
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s "$here/districts-locate.lua" "$BASE" >/dev/null

echo "GET /api/ping for ${DURATION}s, $CONNECTIONS connections, 2 threads"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/ping" | tee "$out/ping.txt"
echo
echo "GET /api/cities/$CITY (city-scoped baseline: the edge resolves the city) for ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/cities/$CITY" | tee "$out/city.txt"
echo
echo "GET /api/cities/$CITY/districts/locate (random points, geometry=$GEOMETRY) for ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$here/districts-locate.lua" "$BASE" | tee "$out/locate.txt"

ping=$(awk '/Requests\/sec/ {print $2}' "$out/ping.txt")
city=$(awk '/Requests\/sec/ {print $2}' "$out/city.txt")
locate=$(awk '/Requests\/sec/ {print $2}' "$out/locate.txt")
bad=$(awk '/Non-2xx/ {print $5}' "$out/locate.txt")
echo
echo "ping_rps=$ping city_rps=$city locate_rps=$locate non_2xx=${bad:-0}"
awk -v p="$ping" -v c="$city" -v l="$locate" \
    'BEGIN { printf "locate/ping ratio = %.2f   locate/city ratio = %.2f\n", l / p, l / c }'
