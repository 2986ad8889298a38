#!/usr/bin/env bash
# The coordinators' comparison (GET /api/stats/comparison) over CITIES generated cities × YEARS years of monthly
# per-district, per-category counts, against the hand-written SQL of the same aggregation in the same run.
# The data is written straight into the database (platform_tenant rows named bench-cmp-NNNN, and
# stats_crime_aggregate: DISTRICTS districts × 8 categories × 12·YEARS months per city, cleared status random) and
# removed at the end; the city x month rollup the importer maintains is filled from it the same way. Timed warm,
# REPEAT times each, medians: the endpoint, the hand-written SQL over the per-district counts, and the hand-written
# SQL over the rollup (what the endpoint reads).
# Goal: endpoint ≤ 1.2 × SQL, and under 300 ms.
# Usage: bench/stats-comparison.sh [cities] [years] [districts] [repeat]   (default 1000 5 5 15)
# Environment: SAFECITY_URL, PGHOST/PGUSER/PGDATABASE (default localhost/safecity/safecity).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
CITIES=${1:-1000}
YEARS=${2:-5}
DISTRICTS=${3:-5}
REPEAT=${4:-15}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-safecity} PGDATABASE=${PGDATABASE:-safecity}
FROM=2020-01
TO=$(date -u -d "2020-01-01 +$((YEARS * 12 - 1)) months" +%Y-%m)
token=$("$here/../scripts/token.sh" coordinator demo)

cleanup() {
    psql -q -c "delete from stats_crime_city_month where tenant_id like 'bench-cmp-%';
        delete from stats_crime_aggregate where tenant_id like 'bench-cmp-%';
        delete from platform_tenant where slug like 'bench-cmp-%'" || true
}
trap cleanup EXIT
cleanup
echo "generating $CITIES cities x $YEARS years x $DISTRICTS districts x 8 categories (monthly)"
t0=$(date +%s)
psql -q <<SQL
insert into platform_tenant (slug, name, time_zone, default_locale, locales, population, created_at, created_by)
select 'bench-cmp-' || lpad(i::text, 4, '0'), 'Bench ' || i, 'Europe/Prague', 'cs', 'cs', 5000 + (i * 7919) % 200000,
       now(), 'bench'
from generate_series(1, $CITIES) i;
insert into stats_crime_aggregate (tenant_id, month, district_code, category, source, crime_type, outcome, cleared, count)
select 'bench-cmp-' || lpad(i::text, 4, '0'), date '2020-01-01' + make_interval(months => m), 'D' || d, c, 'bench',
       c, '', (array['cleared', 'not-cleared', 'pending'])[1 + (i + m + d) % 3], 1 + (i * 31 + m * 7 + d * 3) % 20
from generate_series(1, $CITIES) i, generate_series(0, $((YEARS * 12 - 1))) m, generate_series(1, $DISTRICTS) d,
     unnest(array['violence', 'theft', 'burglary', 'vehicle', 'damage', 'drugs', 'public-order', 'other']) c;
-- what the importer maintains beside the aggregate: the city x month rollup the endpoint reads
insert into stats_crime_city_month (tenant_id, month, offences, cleared, not_cleared, c_violence, c_theft, c_burglary,
    c_vehicle, c_damage, c_drugs, c_public_order, c_other)
select tenant_id, month, sum(count), sum(count) filter (where cleared = 'cleared'),
       sum(count) filter (where cleared = 'not-cleared'),
       sum(count) filter (where category = 'violence'), sum(count) filter (where category = 'theft'),
       sum(count) filter (where category = 'burglary'), sum(count) filter (where category = 'vehicle'),
       sum(count) filter (where category = 'damage'), sum(count) filter (where category = 'drugs'),
       sum(count) filter (where category = 'public-order'), sum(count) filter (where category = 'other')
from stats_crime_aggregate where tenant_id like 'bench-cmp-%' group by tenant_id, month;
analyze stats_crime_aggregate;
analyze stats_crime_city_month;
SQL
rows=$(psql -tAq -c "select count(*) from stats_crime_aggregate where tenant_id like 'bench-cmp-%'")
echo "  $rows aggregate rows in $(( $(date +%s) - t0 )) s"

SQLTEXT="select t.slug, t.name, t.population, a.category,
  sum(a.count) filter (where a.cleared = 'cleared') as cleared,
  sum(a.count) filter (where a.cleared = 'not-cleared') as not_cleared, sum(a.count) as offences,
  round(sum(a.count) * 1000.0 / nullif(t.population, 0), 3) as per_1000
from platform_tenant t left join stats_crime_aggregate a on a.tenant_id = t.slug
  and a.month between date '$FROM-01' and date '$TO-01'
group by t.slug, t.name, t.population, a.category order by t.slug"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "hand-written SQL (psql, server-side execution time of EXPLAIN ANALYZE excluded: wall time of the query)"
for i in $(seq 1 3); do psql -q -o /dev/null -c "$SQLTEXT"; done
sql_ms=$(for i in $(seq 1 "$REPEAT"); do
    s=$(date +%s%N); psql -q -o /dev/null -c "$SQLTEXT"; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | median)
echo "  median ${sql_ms} ms (psql process start included)"
psql_start=$(for i in $(seq 1 "$REPEAT"); do
    s=$(date +%s%N); psql -q -o /dev/null -c "select 1"; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | median)
sql_net=$((sql_ms - psql_start))
echo "  psql start + select 1: ${psql_start} ms -> query ${sql_net} ms"

ROLLUP="select t.slug, t.name, t.population, sum(m.offences), sum(m.cleared), sum(m.not_cleared),
  sum(m.c_violence), sum(m.c_sexual), sum(m.c_robbery), sum(m.c_burglary), sum(m.c_theft), sum(m.c_vehicle),
  sum(m.c_damage), sum(m.c_drugs), sum(m.c_weapons), sum(m.c_public_order), sum(m.c_fraud), sum(m.c_anti_social),
  sum(m.c_other)
from platform_tenant t left join stats_crime_city_month m on m.tenant_id = t.slug
  and m.month between date '$FROM-01' and date '$TO-01'
group by t.slug, t.name, t.population order by t.slug"
for i in $(seq 1 3); do psql -q -o /dev/null -c "$ROLLUP"; done
rollup_ms=$(for i in $(seq 1 "$REPEAT"); do
    s=$(date +%s%N); psql -q -o /dev/null -c "$ROLLUP"; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | median)
rollup_net=$((rollup_ms - psql_start))
echo "hand-written SQL over the city x month rollup: ${rollup_net} ms"

url="$BASE/api/stats/comparison?from=$FROM&to=$TO&modules=false"
echo "GET /api/stats/comparison?from=$FROM&to=$TO&modules=false (coordinator)"
for i in $(seq 1 3); do curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$url"; done
api_ms=$(for i in $(seq 1 "$REPEAT"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
done | awk '{ printf "%d\n", $1 * 1000 }' | median)
echo "  median ${api_ms} ms ($(curl -fsS -H "Authorization: Bearer $token" "$url" | wc -c) bytes)"
with_modules=$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
    "$BASE/api/stats/comparison?from=$FROM&to=$TO" | awk '{ printf "%d", $1 * 1000 }')
echo "  with the other modules' indicators (one measure call per city and module): ${with_modules} ms"
awk -v a="$api_ms" -v s="$sql_net" -v r="$rollup_net" 'BEGIN {
    printf "comparison/SQL over per-district counts = %.2f, comparison/SQL over the rollup = %.2f (goal <= 1.2); endpoint %d ms (goal < 300)\n", a / (s > 0 ? s : 1), a / (r > 0 ? r : 1), a }'
