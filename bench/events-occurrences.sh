#!/usr/bin/env bash
# Events module throughput against the running platform, as ratios to GET /api/ping measured in the same run (see
# bench/README.md):
#   1. one body's occurrences for the next 3 months (RFC 5545 expansion with ical4j, merged with the changed
#      occurrences) and the same body's iCalendar feed;
#   2. the cost of the city-wide feed (GET /api/cities/{city}/events/calendar.ics) as the city's bodies grow
#      10 → 30 → 100 → 300 (each with one moved and one cancelled occurrence): the feed holds one VEVENT per series plus
#      one per moved occurrence, so its size and time should grow linearly with the bodies, no faster. Measured cold
#      (right after a write, which forgets the cached answer) and warm (from the module's 2 s read cache).
# It onboards a throw-away city (bench-events-<random>) and offboards it at the end.
# Usage: bench/events-occurrences.sh [seconds] [connections]   (needs wrk and curl; the stack: ./safecity up)
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
KC=${KEYCLOAK_URL:-http://localhost:8180}
DURATION=${1:-15}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
TOKEN=$(curl -sS -m 30 -d grant_type=password -d client_id=safecity-cli -d username=platform-admin -d password=demo \
    "$KC/realms/safecity/protocol/openid-connect/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no platform-admin token from $KC" >&2; exit 1; }
CITY="bench-events-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"

out=$(mktemp -d)
cleanup() {
    curl -sS -m 120 -o /dev/null -X DELETE "$BASE/api/cities/$CITY" -H "Authorization: Bearer $TOKEN" || true
    rm -rf "$out"
}
trap cleanup EXIT

post() { # path json → id of the created object (empty when the answer has none)
    curl -sS -m 60 -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary "$2" | { grep -o '"id":[0-9]*' || true; } | head -n 1 | cut -d: -f2
}

curl -fsS -m 60 -o /dev/null -X POST "$BASE/api/cities" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "{\"slug\":\"$CITY\",\"name\":\"Bench events\"}"

add_body() { # n → creates body n (every 14 days at 17:00 from this week) with one moved and one cancelled occurrence
    local id
    id=$(post "/api/cities/$CITY/bodies" "{\"kind\":\"district-working-group\",\"name\":\"Skupina $1\",
      \"scope\":\"city\",\"series\":{\"rrule\":\"FREQ=WEEKLY;INTERVAL=2\",\"start\":\"$start_day\",
      \"durationMinutes\":90,\"location\":\"Radnice\"}}")
    post "/api/cities/$CITY/bodies/$id/occurrences/${second}/move" "{\"start\":\"${moved_to}\"}" >/dev/null
    post "/api/cities/$CITY/bodies/$id/occurrences/${third}/cancel" '{"reason":"bench"}' >/dev/null
    echo "$id"
}
today=$(date -u +%F)
start_day="${today}T17:00"
second="$(date -u -d "$today + 14 days" +%F)T17:00"
moved_to="$(date -u -d "$today + 15 days" +%F)T18:00"
third="$(date -u -d "$today + 28 days" +%F)T17:00"
to=$(date -u -d "$today + 3 months" +%F)

body=$(add_body 1)
occurrences="$BASE/api/cities/$CITY/bodies/$body/occurrences?from=$today&to=$to"
ics="$BASE/api/cities/$CITY/bodies/$body/calendar.ics"
curl -fsS -o /dev/null "$occurrences"
curl -fsS -o /dev/null "$ics"

echo "warm-up 5 s each ..."
for u in "$BASE/api/ping" "$occurrences" "$ics"; do
    wrk -t2 -c"$CONNECTIONS" -d5s "$u" >/dev/null
done
run() { # name url
    echo "GET $2 for ${DURATION}s, $CONNECTIONS connections, 2 threads"
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" | tee "$out/$1.txt"
    echo
}
run ping "$BASE/api/ping"
run occurrences "$occurrences"
run ics "$ics"
ping=$(awk '/Requests\/sec/ {print $2}' "$out/ping.txt")
occ=$(awk '/Requests\/sec/ {print $2}' "$out/occurrences.txt")
ical=$(awk '/Requests\/sec/ {print $2}' "$out/ics.txt")
echo "ping_rps=$ping occurrences_rps=$occ ics_rps=$ical"
awk -v p="$ping" -v o="$occ" -v i="$ical" \
    'BEGIN { printf "occurrences/ping ratio = %.2f   ics/ping ratio = %.2f\n\n", o / p, i / p }'

echo "city-wide feed as bodies grow: cold (a write just forgot the cached answer; median of 9) and warm (wrk 5 s)"
printf '%8s %10s %12s %14s %12s\n' bodies bytes cold_ms "cold_µs/body" warm_req/s
have=1
feed="$BASE/api/cities/$CITY/events/calendar.ics"
for n in 10 30 100 300; do
    while [ "$have" -lt "$n" ]; do
        have=$((have + 1))
        add_body "$have" >/dev/null
    done
    bytes=$(curl -fsS "$feed" | wc -c)
    for i in 1 2 3 4 5 6 7 8 9; do
        # moving the first body's occurrence to the same time again is a write: it forgets the city's cached feeds
        post "/api/cities/$CITY/bodies/$body/occurrences/${second}/move" "{\"start\":\"${moved_to}\"}" >/dev/null
        curl -fsS -o /dev/null -w '%{time_total}\n' "$feed"
    done | sort -n | sed -n 5p >"$out/cold.txt"
    cold=$(cat "$out/cold.txt")
    wrk -t2 -c4 -d2s "$feed" >/dev/null
    rps=$(wrk -t2 -c4 -d5s "$feed" | awk '/Requests\/sec/ {print $2}')
    awk -v n="$n" -v b="$bytes" -v c="$cold" -v r="$rps" \
        'BEGIN { printf "%8d %10d %12.1f %14.0f %12.1f\n", n, b, c * 1000, c * 1000000 / n, r }'
done
