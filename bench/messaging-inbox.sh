#!/usr/bin/env bash
# The first page of a working group's inbox in a city with 100,000 matters against the same page in a city with 100,
# in the same run (p99 ratio; the goal: at most 1.5, i.e. the cost does not grow with the backlog), and both against
# GET /api/ping. The matters are inserted directly into PostgreSQL (psql, database safecity) in two fresh bench cities
# that are offboarded at the end; the page is read over HTTP by a staff token (platform-admin).
# Usage: bench/messaging-inbox.sh [seconds] [connections]   (needs wrk, psql and the stack: ./safecity up)
# Environment: SAFECITY_URL, KEYCLOAK_URL, PGHOST (localhost), PGPORT (5432), PGUSER/PGPASSWORD (safecity).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
DURATION=${1:-15}
CONNECTIONS=${2:-8}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-safecity} PGPASSWORD=${PGPASSWORD:-safecity}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
admin=$(KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180} "$here/../scripts/token.sh" platform-admin demo)
auth=(-H "Authorization: Bearer $admin" -H 'Content-Type: application/json')
rand() { head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
small="b-$(rand)"
large="b-$(rand)"
out=$(mktemp -d)
cleanup() {
    for c in "$small" "$large"; do
        curl -sS -o /dev/null -H "Authorization: Bearer $admin" -X DELETE "$BASE/api/cities/$c" || true
    done
    rm -rf "$out"
}
trap cleanup EXIT

fill() { # city count: the city, its default ladder, and count matters spread over 10 districts and 5 statuses
    curl -fsS -o /dev/null "${auth[@]}" -X POST "$BASE/api/cities" -d "{\"slug\":\"$1\",\"name\":\"Bench $1\"}"
    curl -fsS -o /dev/null "$BASE/api/cities/$1/messaging/ladder" # creates the default ladder
    psql -q -d safecity -c "insert into messaging_matter (tenant_id, category, text, addressee, district_code,
        district_name, consent, locale, status, level_key, level_since, ack_due_at, answer_due_at, created_at,
        tracking_hash, source, demo)
      select '$1', 'noise', '(bench) matter ' || g, 'district', 'D' || (g % 10), 'District ' || (g % 10), true, 'cs',
        (array['new','acknowledged','in-progress','answered','closed'])[1 + (g / 10) % 5], 'working-group',
        now() - (g || ' seconds')::interval, now(), now() + interval '14 days', now() - (g || ' seconds')::interval,
        md5('$1' || g) || md5(g || '$1'), 'web', true
      from generate_series(1, $2) g"
    psql -q -d safecity -c "analyze messaging_matter"
}
echo "filling $small with 100 and $large with 100,000 matters ..."
fill "$small" 100
fill "$large" 100000

page() { echo "$BASE/api/cities/$1/messaging/matters?district=D3&status=new,acknowledged,in-progress&limit=25"; }
for c in "$small" "$large"; do
    curl -fsS -o /dev/null -H "Authorization: Bearer $admin" "$(page "$c")"
done
echo "warm-up 5 s each ..."
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
for c in "$small" "$large"; do
    wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $admin" "$(page "$c")" >/dev/null
done

echo "GET /api/ping for ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/ping" | tee "$out/ping.txt"
echo "first inbox page, 100 matters, for ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $admin" "$(page "$small")" \
    | tee "$out/small.txt"
echo "first inbox page, 100,000 matters, for ${DURATION}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $admin" "$(page "$large")" \
    | tee "$out/large.txt"

ms() { # wrk latency (e.g. 812.00us, 3.20ms, 1.01s) of percentile $2 in file $1, in ms
    awk -v q="$2" '$1 == q { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        if (u == "us") v /= 1000; else if (u == "s") v *= 1000; print v }' "$1"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
echo
echo "ping_rps=$(rps "$out/ping.txt") small_rps=$(rps "$out/small.txt") large_rps=$(rps "$out/large.txt")"
echo "small_p50=$(ms "$out/small.txt" 50%)ms small_p99=$(ms "$out/small.txt" 99%)ms" \
    "large_p50=$(ms "$out/large.txt" 50%)ms large_p99=$(ms "$out/large.txt" 99%)ms"
awk -v s="$(ms "$out/small.txt" 99%)" -v l="$(ms "$out/large.txt" 99%)" \
    'BEGIN { printf "p99 large/small = %.2f (goal <= 1.5)\n", l / s }'
