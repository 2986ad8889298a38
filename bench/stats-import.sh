#!/usr/bin/env bash
# Crime-record import throughput (rows/s) against PostgreSQL's own COPY of the same file into a plain table, in the
# same run. The file is police.uk-shaped (12 columns, ids, ~1/4 without id like anti-social behaviour), with points
# inside a fresh bench city's 100 districts (a 10 × 10 grid), so district assignment is included. The import goes
# through POST /api/cities/{city}/crime-records (202 + job, polled until done); COPY is psql's \copy of the file into
# an unlogged-free plain table with text columns. Goal: import ≥ 0.25 × COPY rows/s.
# Usage: bench/stats-import.sh [rows]   (default 1000000; needs the stack: ./safecity up; psql)
# Environment: SAFECITY_URL (default http://localhost:8080), PGHOST/PGUSER/PGDATABASE (default localhost/safecity),
# HEAP=1 to sample the live heap during the import every HEAP_EVERY seconds (default 10; each sample forces a full
# GC: it slows the import, so the throughput of such a run is not the figure).
# Prints the live heap of Payara's JVM (after a forced full GC, jcmd) before and after the import (and, with HEAP=1,
# during it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
ROWS=${1:-1000000}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-safecity} PGDATABASE=${PGDATABASE:-safecity}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
token=$("$here/../scripts/token.sh" platform-admin demo)
auth=(-H "Authorization: Bearer $token")
slug="bench-stats-$(date +%s)"

echo "city $slug with a 10 x 10 grid of districts"
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$BASE/api/cities" \
    -d "{\"slug\":\"$slug\",\"name\":\"Bench stats\",\"population\":100000}"
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: application/geo+json' -X PUT "$BASE/api/cities/$slug/outline" \
    -d '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[14.3,50.0],[14.5,50.0],[14.5,50.1],[14.3,50.1],[14.3,50.0]]]}}'
awk 'BEGIN { printf "{\"type\":\"FeatureCollection\",\"features\":["
    for (i = 0; i < 10; i++) for (j = 0; j < 10; j++) {
        x0 = 14.3 + i * 0.02; y0 = 50.0 + j * 0.01; x1 = x0 + 0.02; y1 = y0 + 0.01
        printf "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"D%d%d\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}}", (i + j ? "," : ""), i, j, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0 }
    print "]}" }' > "$tmp/grid.geojson"
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: application/geo+json' \
    -X POST "$BASE/api/cities/$slug/boundaries?validFrom=2015-01-01&codeProperty=code" --data-binary "@$tmp/grid.geojson"

echo "generating $ROWS rows"
awk -v n="$ROWS" 'BEGIN {
    srand(42)
    split("Anti-social behaviour|Burglary|Criminal damage and arson|Drugs|Other theft|Public order|Shoplifting|Vehicle crime|Violence and sexual offences|Robbery", t, "|")
    split("Investigation complete; no suspect identified|Unable to prosecute suspect|Offender given a caution|Status update unavailable|Local resolution", o, "|")
    print "crime_id,month,reported_by,falls_within,longitude,latitude,location,lsoa_code,lsoa_name,crime_type,last_outcome_category,context"
    for (i = 0; i < n; i++) {
        k = 1 + int(rand() * 10); asb = (k == 1)
        printf "%s,20%02d-%02d,Bench Police,Bench Police,%.6f,%.6f,On or near Bench Street %d,E0%07d,Bench %03d,%s,%s,\n",
            asb ? "" : sprintf("%064x", i), 18 + int(rand() * 5), 1 + int(rand() * 12), 14.3 + rand() * 0.2, 50.0 + rand() * 0.1,
            int(rand() * 500), int(rand() * 9999999), int(rand() * 999), t[k], asb ? "" : o[1 + int(rand() * 5)]
    }
}' > "$tmp/records.csv"
size=$(stat -c %s "$tmp/records.csv")
echo "file: $ROWS rows, $((size / 1024 / 1024)) MB"

# live heap of the domain's JVM (DAS, domains/domain1) after a full GC: what the import holds, not garbage
payara_pid=$(pgrep -f 'domains/domain1/lib' | head -1 || true)
heap() {
    [ -n "$payara_pid" ] || return 0
    jcmd "$payara_pid" GC.run >/dev/null 2>&1 || return 0
    jcmd "$payara_pid" GC.heap_info 2>/dev/null \
        | sed -n 's/.*garbage-first heap *total \([0-9]*\)K, used \([0-9]*\)K.*/live heap \2 KB (of \1 KB)/p'
}
echo "before: $(heap)"

echo "PostgreSQL COPY into a plain table"
psql -q -c "drop table if exists bench_stats_copy; create table bench_stats_copy (crime_id text, month text, reported_by text, falls_within text, longitude text, latitude text, location text, lsoa_code text, lsoa_name text, crime_type text, last_outcome_category text, context text)"
t0=$(date +%s.%N)
psql -q -c "\\copy bench_stats_copy from '$tmp/records.csv' with (format csv, header true)"
t1=$(date +%s.%N)
psql -q -c "drop table bench_stats_copy"
copy_rate=$(awk -v n="$ROWS" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
echo "COPY: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, $copy_rate rows/s"

echo "POST /api/cities/$slug/crime-records?format=police-uk"
t0=$(date +%s.%N)
curl -fsS "${auth[@]}" -H 'Content-Type: text/csv' -X POST --data-binary "@$tmp/records.csv" -D "$tmp/headers" \
    -o /dev/null "$BASE/api/cities/$slug/crime-records?format=police-uk&async=true"
job=$(sed -n 's|^[Ll]ocation: .*/imports/\([0-9]*\).*|\1|p' "$tmp/headers")
while :; do
    # a transient failure (e.g. another engineer redeploying) is retried; an interrupted job reports failed
    state=$(curl -fsS "${auth[@]}" "$BASE/api/cities/$slug/crime-records/imports/$job" || echo '{}')
    status=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$state")
    [ "$status" = done ] || [ "$status" = failed ] && break
    [ "${HEAP:-0}" = 1 ] && h=$(heap) && [ -n "$h" ] && echo "  $(sed -n 's/.*"linesRead":\([0-9]*\).*/\1/p' <<<"$state") lines: $h"
    sleep "$([ "${HEAP:-0}" = 1 ] && echo "${HEAP_EVERY:-10}" || echo 0.2)"
done
t1=$(date +%s.%N)
echo "job $job: $status $(sed -n 's/.*"report":\({[^}]*\).*/\1/p' <<<"$state" | cut -c1-120)"
echo "after: $(heap)"
import_rate=$(awk -v n="$ROWS" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
echo "import: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, $import_rate rows/s (upload, parse, locate, insert, aggregate)"
awk -v i="$import_rate" -v c="$copy_rate" 'BEGIN { printf "import/COPY = %.2f (goal >= 0.25)\n", i / c }'
curl -fsS -o /dev/null "${auth[@]}" -X DELETE "$BASE/api/cities/$slug" && echo "city $slug offboarded" \
    || echo "city $slug left (no offboarding endpoint?)"
