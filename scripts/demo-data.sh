#!/usr/bin/env bash
# Loads the demo data into a running stack (./safecity up calls it; safe to rerun). Needs only bash and curl.
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export SAFECITY_URL=${SAFECITY_URL:-http://localhost:8080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}

# a platform-admin token (public test client safecity-cli, password grant); demo-districts.sh can reuse it
SAFECITY_ADMIN_TOKEN=$("$here/token.sh" platform-admin demo)
export SAFECITY_ADMIN_TOKEN

body=$(mktemp)
trap 'rm -f "$body"' EXIT

post() { # path json: POST as platform-admin; prints the status code, the answer is in $body
    curl -sS -m 60 -o "$body" -w '%{http_code}' -X POST "$SAFECITY_URL$1" \
        -H "Authorization: Bearer $SAFECITY_ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -H 'Accept: application/json' --data-binary "$2"
}

city() { # slug name municipalityCode population
    local code
    code=$(post /api/cities "{\"slug\":\"$1\",\"name\":\"$2\",\"municipalityCode\":\"$3\",\"population\":$4,\"timeZone\":\"Europe/Prague\",\"locales\":[\"cs\",\"en\"]}")
    case "$code" in
        201) echo "    city $1: created" ;;
        409) echo "    city $1: exists" ;;
        *)
            echo "    city $1: POST /api/cities answered $code: $(cat "$body")" >&2
            exit 1
            ;;
    esac
}

# ---- cities (tenants): slug, name, municipality code (ZÚJ), population
city sokolov "Sokolov" 560286 22924
city plzen "Plzeň" 554791 175219
city praha "Praha" 554782 1335084

# The demo staff (<role>.<city>, imported with the realm) hold their city role through the group /<city>/<role>;
# a demo city that was offboarded and created again has new, empty groups: put them back (idempotent).
for slug in sokolov plzen praha; do
    for role in city-admin police-officer constable councillor; do
        code=$(curl -sS -m 60 -o "$body" -w '%{http_code}' -X PUT \
            "$SAFECITY_URL/api/cities/$slug/staff/$role.$slug/roles" \
            -H "Authorization: Bearer $SAFECITY_ADMIN_TOKEN" -H 'Content-Type: application/json' \
            --data-binary "{\"roles\":[\"$role\"]}")
        [ "$code" = 200 ] || echo "    staff $role.$slug: PUT roles answered $code: $(cat "$body")" >&2
    done
done

# ---- districts module: its demo steps (districts, boroughs, working groups...) live in demo-districts.sh,
# ---- maintained by the districts module. It gets SAFECITY_URL, KEYCLOAK_URL and SAFECITY_ADMIN_TOKEN.
if [ -f "$here/demo-districts.sh" ]; then
    echo "    districts: scripts/demo-districts.sh"
    bash "$here/demo-districts.sh"
fi

# ---- further modules: add their demo steps below, in the same way (scripts/demo-<module>.sh).

# ---- events module: seed cadences, meetings, measures with reviews, a public meeting, event plans, projects.
if [ -f "$here/demo-events.sh" ]; then
    echo "    events: scripts/demo-events.sh"
    bash "$here/demo-events.sh"
fi

# ---- stats module: demo crime records inside each city's districts and demo survey answers (demo-stats.sh).
if [ -f "$here/demo-stats.sh" ]; then
    echo "    stats: scripts/demo-stats.sh"
    bash "$here/demo-stats.sh"
fi

# ---- messaging module: demo matters in different states and ladder levels (demo-messaging.sh).
if [ -f "$here/demo-messaging.sh" ]; then
    echo "    messaging: scripts/demo-messaging.sh"
    bash "$here/demo-messaging.sh"
fi
