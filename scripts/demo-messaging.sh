#!/usr/bin/env bash
# Demo matters of the messaging module for the demo cities sokolov, plzen and praha, through the public API; safe to
# rerun (each matter has a fixed Idempotency-Key, so a rerun finds the same matter and changes nothing).
# Per city: seven citizen matters marked "(demo)" in different states and ladder levels — new; answered by the
# demo constable; in progress with an owner and an internal note; escalated to the police leadership; addressed to
# the leadership and acknowledged; escalated on to the coordination meeting; closed. Staff actions are done by the
# demo logins <role>.<city> (password demo). Needs only bash and curl.
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
api=${SAFECITY_URL:-http://localhost:8080}/api/cities
kc=${KEYCLOAK_URL:-http://localhost:8180}

body=$(mktemp)
trap 'rm -f "$body"' EXIT

token() { # username → access token (public test client safecity-cli, password grant; demo only)
    curl -sS -m 30 -d grant_type=password -d client_id=safecity-cli -d "username=$1" -d password=demo \
        "$kc/realms/safecity/protocol/openid-connect/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

call() { # method path token json [idempotency-key] → prints the status; the answer is in $body
    local method=$1 path=$2 tok=$3 json=$4 key=${5:-}
    curl -sS -m 60 -o "$body" -w '%{http_code}' -X "$method" "$api/$path" \
        ${tok:+-H "Authorization: Bearer $tok"} ${key:+-H "Idempotency-Key: $key"} \
        -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "$json"
}

id_of() { sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$body" | head -1; }

matter() { # city key json → the matter's id on stdout when it was created now (201), nothing when it existed
    local code
    code=$(call POST "$1/messaging/matters" "" "$3" "demo-$1-centre-$2")  # keys of the centre-district matters (the first demo matters sat next door)
    case "$code" in
        201) id_of ;;
        200) ;;
        *) echo "    messaging $1: submitting $2 answered $code: $(head -c 400 "$body")" >&2 ;;
    esac
}

staff() { # city matter-id action token json: a staff action on a matter
    local code
    code=$(call POST "$1/messaging/matters/$2/$3" "$4" "$5")
    case "$code" in
        200 | 201) ;;
        *) echo "    messaging $1: $3 on matter $2 answered $code: $(head -c 400 "$body")" >&2 ;;
    esac
}

demo_city() { # slug lat lon
    local c=$1 lat=$2 lon=$3 constable officer id n=0
    constable=$(token "constable.$c")
    officer=$(token "police-officer.$c")
    local at="\"location\":{\"lat\":$lat,\"lon\":$lon},\"consent\":true,\"demo\":true"

    id=$(matter "$c" 1 "{\"category\":\"noise\",\"text\":\"(demo) V noci je u zastávky hluk a rozbité lahve.\",$at}")
    [ -n "$id" ] && n=$((n + 1))

    id=$(matter "$c" 2 "{\"category\":\"traffic\",\"text\":\"(demo) Auta parkují na přechodu u školy.\",$at,\"contact\":{\"name\":\"Jana Ukázková (demo)\",\"email\":\"jana.ukazkova@demo.safecity.cz\"}}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" owner "$constable" '{}'
        staff "$c" "$id" replies "$constable" '{"text":"(demo) Děkujeme, hlídka bude ráno u školy dohlížet na přechod."}'
    fi

    id=$(matter "$c" 3 "{\"category\":\"vandalism\",\"text\":\"(demo) Posprejovaná lavička a koš v parku.\",$at}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" status "$constable" '{"status":"in-progress","reason":"(demo) předáno technickým službám"}'
        staff "$c" "$id" replies "$constable" '{"text":"(demo) Technické služby mají objednávku na úterý.","internal":true}'
    fi

    id=$(matter "$c" 4 "{\"category\":\"drugs\",\"text\":\"(demo) V průchodu se opakovaně prodávají drogy.\",$at}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" escalate "$constable" '{"reason":"(demo) přesahuje možnosti okrsku, potřeba součinnosti PČR"}'
    fi

    id=$(matter "$c" 5 "{\"category\":\"public-order\",\"text\":\"(demo) Prosím o vyšší přítomnost hlídek o víkendech.\",\"to\":\"leadership\",\"consent\":true,\"demo\":true}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" status "$officer" '{"status":"acknowledged"}'
    fi

    id=$(matter "$c" 6 "{\"category\":\"safety-feeling\",\"text\":\"(demo) Neosvětlený podchod u nádraží, lidé se bojí chodit.\",$at}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" escalate "$constable" '{"reason":"(demo) osvětlení je věc města"}'
        staff "$c" "$id" escalate "$officer" '{"reason":"(demo) na koordinační poradu s odborem dopravy"}'
    fi

    id=$(matter "$c" 7 "{\"category\":\"other\",\"text\":\"(demo) Ztracený pes u radnice.\",$at}")
    if [ -n "$id" ]; then
        n=$((n + 1))
        staff "$c" "$id" replies "$constable" '{"text":"(demo) Pes je v útulku, majitel se přihlásil."}'
        staff "$c" "$id" status "$constable" '{"status":"closed"}'
    fi
    echo "    messaging $c: $n demo matter(s) created (7 in all)"
}

# the city centres of demo-working-groups.sh: the matters land in the district whose working group are the demo
# logins, so that constable.<city> finds them under ?mine=true
demo_city sokolov 50.1811 12.6395
demo_city plzen 49.7475 13.3776
demo_city praha 50.0875 14.4213
