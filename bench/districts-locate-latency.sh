#!/usr/bin/env bash
# Latency of locate-my-district at a fixed rate (wrk2 style, no coordinated omission), against GET /api/ping at the
# same rate in the same run: bench/ConstantRate.java (HdrHistogram) schedules RATE requests per second and measures
# each from the instant it should have been sent. Goal: locate's p99 below 4x ping's p99 at 500 req/s.
# Usage: bench/districts-locate-latency.sh [rate] [seconds]   (default 500 20; needs the demo data: ./safecity up)
# Environment: SAFECITY_URL (default http://localhost:8080), CITY (default praha).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
RATE=${1:-500}
SECONDS_EACH=${2:-20}
CITY=${CITY:-praha}
HDR_VERSION=2.2.2
jar="$here/../.safecity/lib/HdrHistogram-$HDR_VERSION.jar"
if [ ! -f "$jar" ]; then
    mkdir -p "$(dirname "$jar")"
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.hdrhistogram:HdrHistogram:$HDR_VERSION:jar" -DoutputDirectory="$(dirname "$jar")" >/dev/null
fi
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
run() { java -cp "$jar" "$here/ConstantRate.java" "$@"; }
echo "GET /api/ping at $RATE/s for ${SECONDS_EACH}s (after 3 s warm-up)"
ping=$(run "$BASE/api/ping" "$RATE" "$SECONDS_EACH" | tee /dev/stderr)
echo "GET /api/cities/$CITY/districts/locate (random points) at $RATE/s for ${SECONDS_EACH}s (after 3 s warm-up)"
locate=$(run "$BASE" "$RATE" "$SECONDS_EACH" "$CITY" | tee /dev/stderr)
p99() { sed -n 's/.*p99=\([0-9.]*\)ms.*/\1/p' <<<"$1"; }
awk -v p="$(p99 "$ping")" -v l="$(p99 "$locate")" \
    'BEGIN { printf "p99 ping=%.2fms locate=%.2fms  locate/ping p99 ratio = %.2f (goal < 4)\n", p, l, l / p }'
