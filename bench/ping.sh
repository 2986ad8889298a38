#!/usr/bin/env bash
# Baseline throughput of the running platform: GET /api/ping (a trivial JAX-RS call through the whole edge:
# MP-JWT, the city filter, Jersey). Other benchmarks report their throughput as a ratio to this figure,
# measured in the same run (see bench/README.md).
# Usage: bench/ping.sh [seconds] [connections]     (needs wrk: apt-get install wrk; the stack: ./safecity up)
set -euo pipefail
BASE=${SAFECITY_URL:-http://localhost:8080}
DURATION=${1:-15}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
echo "warm-up 5 s ..."
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
echo "GET /api/ping for ${DURATION}s, $CONNECTIONS connections, 2 threads"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/ping" | tee /tmp/safecity-bench-ping.txt
rps=$(awk '/Requests\/sec/ {print $2}' /tmp/safecity-bench-ping.txt)
echo "ping_rps=$rps"
