#!/usr/bin/env bash
# Locate vs ping on a busy machine: short alternating wrk runs (ping, GET /api/cities/$CITY, locate, ping again)
# repeated ROUNDS times; each round's ratios use the mean of its two ping runs, and the medians of the rounds are
# reported. Load from other processes changes by the second on a shared 2-core machine; alternating within seconds
# keeps both sides of each ratio under the same load, where one 15 s run per endpoint (districts-locate.sh) does not.
# Usage: bench/districts-locate-rounds.sh [rounds] [seconds per run]   (default 8 3; needs wrk and the demo data)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
ROUNDS=${1:-8}
SECS=${2:-3}
export CITY=${CITY:-praha} GEOMETRY=false
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
rps() { wrk -t2 -c16 -d"${SECS}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
wrk -t2 -c16 -d3s "$BASE/api/ping" >/dev/null
wrk -t2 -c16 -d3s -s "$here/districts-locate.lua" "$BASE" >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for r in $(seq 1 "$ROUNDS"); do
    p1=$(rps "$BASE/api/ping"); c=$(rps "$BASE/api/cities/$CITY"); l=$(rps -s "$here/districts-locate.lua" "$BASE")
    p2=$(rps "$BASE/api/ping")
    echo "round $r: ping $p1 / $p2, city $c, locate $l req/s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    awk -v a="$p1" -v b="$p2" -v c="$c" -v l="$l" 'BEGIN { p = (a + b) / 2; printf "%.4f %.4f\n", l / p, c / p }' >>"$out"
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
lp=$(cut -d' ' -f1 "$out" | median); cp=$(cut -d' ' -f2 "$out" | median)
range=$(cut -d' ' -f1 "$out" | sort -n | sed -n '1p;$p' | paste -sd' ')
printf "median of %d rounds: locate/ping = %.2f (rounds %s), city/ping = %.2f\n" "$ROUNDS" "$lp" "${range// / … }" "$cp"
