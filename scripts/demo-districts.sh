#!/usr/bin/env bash
# Demo data of the districts module (called by demo-data.sh after the cities sokolov, plzen and praha exist; safe to
# rerun: a city that already has an outline or a boundary version is left as it is). Needs only bash and curl.
#   Praha:   levels city → borough → district, boroughs Praha 1–15, outline, the 226 real municipal-police
#            districts (IPR Praha) imported through the import API
#   Sokolov: outline (kod 560286), 9 provisional districts
#   Plzeň:   levels city → borough → district, outline (kod 554791), 64 provisional districts in boroughs Plzeň 1–10
# Real data comes from ../shared/data (SAFECITY_DATA); without it, the tiny hand-made fixtures in scripts/fixtures/
# stand in (rough outlines, four Praha districts).
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180),
# SAFECITY_DATA (default <repo>/../shared/data); DEMO_PRAHA, DEMO_SOKOLOV, DEMO_PLZEN: other city slugs to load into
# (default praha, sokolov, plzen); DEMO_ADMIN: user to act as (default city-admin.<slug>).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
api=${SAFECITY_URL:-http://localhost:8080}/api/cities
kc=${KEYCLOAK_URL:-http://localhost:8180}
data=${SAFECITY_DATA:-$here/../../shared/data}
valid_from=2025-01-01
praha=${DEMO_PRAHA:-praha}
sokolov=${DEMO_SOKOLOV:-sokolov}
plzen=${DEMO_PLZEN:-plzen}

if [ -f "$data/praha-mp-districts.geojson" ] && [ -f "$data/cz-municipalities.geojson" ]; then
    municipalities=$data/cz-municipalities.geojson
    praha_districts=$data/praha-mp-districts.geojson
    echo "    districts: real data from $data"
else
    municipalities=$here/fixtures/districts-outlines.geojson
    praha_districts=$here/fixtures/districts-praha-sample.geojson
    echo "    districts: $data not found, using the small fixtures in scripts/fixtures/"
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

token() { # username → access token (public test client safecity-cli, password grant; demo only)
    curl -sS -m 30 -d grant_type=password -d client_id=safecity-cli -d "username=$1" -d password=demo \
        "$kc/realms/safecity/protocol/openid-connect/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

call() { # method path token content-type data-arg... → prints the status; the answer is in $body
    local method=$1 path=$2 tok=$3 type=$4
    shift 4
    curl -sS -m 300 -o "$body" -w '%{http_code}' -X "$method" "$api/$path" -H "Authorization: Bearer $tok" \
        -H "Content-Type: $type" -H 'Accept: application/json' "$@"
}

expect() { # what status-wanted status-got
    if [ "$3" != "$2" ]; then
        echo "    districts: $1 answered $3 (expected $2): $(head -c 600 "$body")" >&2
        exit 1
    fi
}

has_outline() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/$1/outline")" = 200 ]; }
has_boundaries() { curl -sS "$api/$1/boundaries" | grep -q '"number"'; }

levels_with_boroughs() { # city token borough-level-name
    expect "PUT $1/levels" 200 "$(call PUT "$1/levels" "$2" application/json --data-binary \
        "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"$3\"},"\
"{\"key\":\"district\",\"name\":\"Okrsek\"}]}")"
}

outline() { # city token property value
    if has_outline "$1"; then
        echo "    districts: $1 outline exists"
        return
    fi
    expect "PUT $1/outline" 200 "$(call PUT "$1/outline?property=$3&value=$4" "$2" application/geo+json \
        --data-binary "@$municipalities")"
    echo "    districts: $1 outline set ($3=$4): $(cat "$body")"
}

provisional() { # city token json
    if has_boundaries "$1"; then
        echo "    districts: $1 has boundaries, skipped"
        return
    fi
    expect "POST $1/districts/provisional" 201 "$(call POST "$1/districts/provisional" "$2" application/json \
        --data-binary "$3")"
    echo "    districts: $1 provisional: $(cat "$body")"
}

# ---- Praha: real districts, code <mc_praha>-<okrsek> (okrsek is unique only within its borough)
t=$(token "${DEMO_ADMIN:-city-admin.$praha}")
levels_with_boroughs "$praha" "$t" "Obvod městské policie"
for n in $(seq 1 15); do
    expect "PUT $praha/boroughs/$n" 200 "$(call PUT "$praha/boroughs/$n" "$t" application/json \
        --data-binary "{\"name\":\"Praha $n\"}")"
done
outline "$praha" "$t" ok Praha
if has_boundaries "$praha"; then
    echo "    districts: $praha has boundaries, skipped"
else
    # codeTemplate={mc_praha}-{okrsek}, nameTemplate=Praha {mc_praha} – okrsek {okrsek} (URL-encoded)
    q="codeTemplate=%7Bmc_praha%7D-%7Bokrsek%7D&nameTemplate=Praha%20%7Bmc_praha%7D%20%E2%80%93%20okrsek%20%7Bokrsek%7D"
    q="$q&boroughProperty=mc_praha&validFrom=$valid_from"
    expect "POST $praha/boundaries" 201 "$(call POST "$praha/boundaries?$q" "$t" application/geo+json \
        --data-binary "@$praha_districts")"
    echo "    districts: $praha imported: $(sed 's/,"warnings":.*//' "$body")}"
fi

# ---- Sokolov: no borough level, 9 provisional districts
t=$(token "${DEMO_ADMIN:-city-admin.$sokolov}")
outline "$sokolov" "$t" kod 560286
provisional "$sokolov" "$t" "{\"districts\":9,\"seed\":560286,\"validFrom\":\"$valid_from\"}"

# ---- Plzeň: 64 provisional districts in the 10 boroughs Plzeň 1–10
t=$(token "${DEMO_ADMIN:-city-admin.$plzen}")
levels_with_boroughs "$plzen" "$t" "Městský obvod"
outline "$plzen" "$t" kod 554791
provisional "$plzen" "$t" "{\"districts\":64,\"boroughs\":10,\"seed\":554791,\"validFrom\":\"$valid_from\","\
"\"boroughName\":\"Plzeň {n}\"}"

# ---- people and places of the district cards (working groups, stations, info boxes, recommendations)
bash "$here/demo-working-groups.sh"
