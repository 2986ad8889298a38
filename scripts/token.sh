#!/usr/bin/env bash
# Prints an access token of a demo user from the local Keycloak (realm safecity, public test client
# safecity-cli, password grant — TEST/DEMO ONLY). Needs only bash and curl.
#   scripts/token.sh <username> [password]        password defaults to "demo"
# Environment: KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: $0 <username> [password]   e.g. $0 constable.plzen" >&2
    exit 2
fi
kc=${KEYCLOAK_URL:-http://localhost:8180}
body=$(curl -sS -m 20 "$kc/realms/safecity/protocol/openid-connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=safecity-cli \
    --data-urlencode "username=$1" --data-urlencode "password=${2:-demo}" --data-urlencode scope=openid) || {
    echo "Keycloak does not answer at $kc (is the stack up? ./safecity status)" >&2
    exit 1
}
token=$(printf '%s' "$body" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
    echo "no token for '$1': $body" >&2
    exit 1
fi
printf '%s\n' "$token"
