#!/usr/bin/env bash
# Demo data of the stats module (called by demo-data.sh after the cities and their districts exist; safe to rerun:
# records are imported idempotently by id, and a city that already has its demo survey keeps it). Needs bash, curl,
# awk and jq (without jq the step is skipped with a note).
#   crime records: for each demo city, 24 months of generated records at points inside each district in force
#                  (from GET /api/cities/{city}/districts.geojson: a point between the district's vertex centroid and
#                  one of its vertices), imported through POST /api/cities/{city}/crime-records?format=mapped with
#                  source "demo"; every type and outcome reads "(demo) …", the records and the import job are
#                  flagged demo
#   surveys:       one invitation survey "Pocit bezpečí (demo)" per city over the last 12 months with 20–40 anonymous
#                  answers per district, entered through POST …/surveys/{id}/paper-responses; a few marked risk
#                  places in Sokolov become its districts' risk places (source survey, "(demo)")
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL; SAFECITY_ADMIN_TOKEN (else fetched);
# DEMO_STATS_CITIES (default "sokolov plzen praha").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
api=${SAFECITY_URL:-http://localhost:8080}/api/cities
cities=${DEMO_STATS_CITIES:-sokolov plzen praha}
if ! command -v jq >/dev/null; then
    echo "    stats: jq is not installed, demo crime records and survey answers skipped"
    exit 0
fi
token=${SAFECITY_ADMIN_TOKEN:-$("$here/token.sh" platform-admin demo)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

call() { # method path content-type body-file: prints the status; the answer is in $tmp/out
    curl -sS -m 600 -o "$tmp/out" -w '%{http_code}' -X "$1" "$api$2" -H "Authorization: Bearer $token" \
        -H "Content-Type: $3" -H 'Accept: application/json' --data-binary "@$4"
}

cat > "$tmp/codes.json" <<'JSON'
{"types":{"(demo) krádež prostá":"theft","(demo) krádež vloupáním":"burglary","(demo) krádež vozidla":"vehicle",
 "(demo) poškození cizí věci":"damage","(demo) výtržnictví":"public-order","(demo) ublížení na zdraví":"violence",
 "(demo) drogy":"drugs","(demo) podvod":"fraud"},
 "outcomes":{"(demo) objasněno":"cleared","(demo) neobjasněno":"not-cleared","(demo) v šetření":"pending"}}
JSON

this_month=$(date -u +%Y-%m)
for city in $cities; do
    if ! curl -sSf -m 60 -o "$tmp/districts.geojson" "$api/$city/districts.geojson?simplify=5"; then
        echo "    stats $city: no districts, skipped"
        continue
    fi
    # one line per district: code, then its outer ring's vertices (lon lat …)
    jq -r '.features[] | [.properties.code] + [(.geometry | if .type == "Polygon" then .coordinates[0]
           else .coordinates[0][0] end) | .[] | "\(.[0]) \(.[1])"] | join(" ")' "$tmp/districts.geojson" \
        > "$tmp/rings.txt"
    [ -s "$tmp/rings.txt" ] || { echo "    stats $city: no districts, skipped"; continue; }
    code=$(call PUT "/$city/stats/code-lists/demo" application/json "$tmp/codes.json")
    [ "$code" = 200 ] || { echo "    stats $city: code lists answered $code: $(cat "$tmp/out")" >&2; exit 1; }

    # crime records: 24 months before this one (not before the boundaries' validFrom), a district-specific rate,
    # deterministic (same ids on a rerun)
    valid_from=$(jq -r '[.features[].properties.validFrom // empty] | max // "2000-01-01"' "$tmp/districts.geojson")
    awk -v city="$city" -v ym="$this_month" -v since="${valid_from:0:7}" '
        BEGIN {
            srand(length(city) * 7919 + 17)
            split("(demo) krádež prostá|(demo) krádež vloupáním|(demo) krádež vozidla|(demo) poškození cizí věci|(demo) výtržnictví|(demo) ublížení na zdraví|(demo) drogy|(demo) podvod", types, "|")
            split("(demo) objasněno|(demo) neobjasněno|(demo) neobjasněno|(demo) v šetření", outcomes, "|")
            split(ym, p, "-"); y0 = p[1] + 0; m0 = p[2] + 0
            print "id,date,lat,lon,type,outcome"
        }
        {
            code = $1; n = int((NF - 1) / 2) - 1; if (n < 3) next
            cx = 0; cy = 0
            for (i = 0; i < n; i++) { cx += $(2 + 2 * i); cy += $(3 + 2 * i) }
            cx /= n; cy /= n
            rate = 1 + int(rand() * 9)
            for (k = 1; k <= 24; k++) {
                mm = m0 - k; yy = y0; while (mm < 1) { mm += 12; yy-- }
                if (sprintf("%04d-%02d", yy, mm) < since) continue
                cnt = int(rand() * rate * 2)
                for (j = 0; j < cnt; j++) {
                    v = int(rand() * n); t = rand() * 0.8
                    lon = cx + t * ($(2 + 2 * v) - cx); lat = cy + t * ($(3 + 2 * v) - cy)
                    day = 1 + int(rand() * 28)
                    ty = types[1 + int(rand() * rand() * 8)]
                    printf "DEMO-%s-%s-%04d%02d-%d,%04d-%02d-%02d,%.6f,%.6f,%s,%s\n", city, code, yy, mm, j, yy, mm, day, lat, lon, ty, outcomes[1 + int(rand() * 4)]
                }
            }
        }' "$tmp/rings.txt" > "$tmp/records.csv"
    code=$(call POST "/$city/crime-records?format=mapped&source=demo&demo=true&idColumn=id&dateColumn=date&latColumn=lat&lonColumn=lon&typeColumn=type&outcomeColumn=outcome" text/csv "$tmp/records.csv")
    case "$code" in
        200) echo "    stats $city: crime records $(jq -c '{imported, duplicates, unlocated, rejected: (.rejected | length)}' "$tmp/out")" ;;
        202) echo "    stats $city: crime records importing as job $(jq -r .id "$tmp/out")" ;;
        *) echo "    stats $city: import answered $code: $(cat "$tmp/out")" >&2; exit 1 ;;
    esac

    # the demo survey, once
    curl -sS -m 60 -o "$tmp/surveys.json" "$api/$city/surveys"
    if jq -e 'map(select(.title | contains("(demo)"))) | length > 0' "$tmp/surveys.json" >/dev/null; then
        echo "    stats $city: demo survey exists"
        continue
    fi
    from=$(date -u -d "$this_month-01 -12 months" +%Y-%m)
    to=$(date -u -d "$this_month-01 -1 month" +%Y-%m)
    opens=$(date -u -d "-30 days" +%Y-%m-%dT00:00)
    closes=$(date -u -d "+30 days" +%Y-%m-%dT23:00)
    cat > "$tmp/survey.json" <<JSON
{"title":"Pocit bezpečí $from – $to (demo)","periodFrom":"$from","periodTo":"$to","opensAt":"$opens",
 "closesAt":"$closes","access":"invitation","demo":true,
 "questions":[{"key":"stops","text":"How safe do you feel at the public transport stops in your district? (demo)"}]}
JSON
    code=$(call POST "/$city/surveys" application/json "$tmp/survey.json")
    [ "$code" = 201 ] || { echo "    stats $city: survey answered $code: $(cat "$tmp/out")" >&2; exit 1; }
    survey=$(jq -r .id "$tmp/out")
    # answers per district: a district-specific fear level; Sokolov's answers mark a few risk places
    awk -v city="$city" '
        BEGIN { srand(length(city) * 104729 + 3) }
        {
            code = $1; n = int((NF - 1) / 2) - 1; if (n < 3) next
            cx = 0; cy = 0
            for (i = 0; i < n; i++) { cx += $(2 + 2 * i); cy += $(3 + 2 * i) }
            cx /= n; cy /= n
            fear = rand(); answers = 20 + int(rand() * 21)
            for (j = 0; j < answers; j++) {
                s = 1 + int(rand() * 2 + fear * 2.5); if (s > 4) s = 4
                q = 1 + int(rand() * 2 + fear * 2); if (q > 4) q = 4
                place = ""
                if (city == "sokolov" && j == 0) {
                    place = sprintf(",\"riskPlaces\":[{\"lat\":%.6f,\"lon\":%.6f,\"description\":\"Unlit path near the stop\"}]", cy, cx)
                }
                printf "{\"district\":\"%s\",\"safety\":%d,\"answers\":{\"stops\":%d}%s}\n", code, s, q, place
            }
        }' "$tmp/rings.txt" > "$tmp/answers.jsonl"
    split -l 1000 "$tmp/answers.jsonl" "$tmp/batch."
    total=0
    for b in "$tmp"/batch.*; do
        jq -s . "$b" > "$b.json"
        code=$(call POST "/$city/surveys/$survey/paper-responses" application/json "$b.json")
        [ "$code" = 200 ] || { echo "    stats $city: answers answered $code: $(cat "$tmp/out")" >&2; exit 1; }
        total=$((total + $(jq .accepted "$tmp/out")))
        rm -f "$b" "$b.json"
    done
    echo "    stats $city: demo survey $survey with $total answers"
done
