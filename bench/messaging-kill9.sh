#!/usr/bin/env bash
# "No acknowledged matter is lost": submits matters under load (bash + curl workers, each matter with its own
# Idempotency-Key, every tenth key sent twice on purpose, and any unanswered request retried with the same key),
# kills Payara with kill -9 in the middle, starts the domain again, lets the workers finish, and then checks in
# PostgreSQL that every key that got a 201 or 200 has exactly one matter with the id that was answered, and that no
# key has two matters. Figures: submissions acknowledged, lost (must be 0), duplicated (must be 0), outage seconds.
#
# DESTRUCTIVE for the running stack: it kills the shared Payara. Do not run it while others use the stack.
# Usage: bench/messaging-kill9.sh [workers] [seconds-before-kill] [seconds-after-restart]
# Environment: SAFECITY_URL, KEYCLOAK_URL, PGHOST/PGPORT/PGUSER/PGPASSWORD (default localhost:5432 safecity).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
WORKERS=${1:-8}
BEFORE=${2:-15}
AFTER=${3:-20}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-safecity} PGPASSWORD=${PGPASSWORD:-safecity}
domain="$root/.safecity/payara6/glassfish/domains/domain1"
asadmin="$root/.safecity/payara6/bin/asadmin"
[ -x "$asadmin" ] || { echo "no Payara in .safecity (./safecity up first)" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE" >&2; exit 1; }

admin=$(KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180} "$root/scripts/token.sh" platform-admin demo)
city="k-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
auth=(-H "Authorization: Bearer $admin" -H 'Content-Type: application/json')
curl -fsS -o /dev/null "${auth[@]}" -X POST "$BASE/api/cities" -d "{\"slug\":\"$city\",\"name\":\"Kill test $city\"}"
curl -fsS -o /dev/null "${auth[@]}" -X PUT "$BASE/api/cities/$city/modules/messaging" \
    -d '{"enabled":true,"settings":{"rateLimitPerHour":0}}'
work=$(mktemp -d)
echo "city $city, $WORKERS workers, kill -9 after ${BEFORE}s, run ${AFTER}s after the restart; logs in $work"

stop_at=$(( $(date +%s) + BEFORE + 600 )) # upper bound; the workers stop when $work/stop appears
worker() { # n: submits until $work/stop exists; writes "key status id" for every acknowledged submission
    local n=$1 i=0 key code id reply="$work/reply.$1"
    while [ ! -f "$work/stop" ] && [ "$(date +%s)" -lt "$stop_at" ]; do
        i=$((i + 1))
        key="w$n-$i"
        for send in 1 2; do
            while :; do # retry the same key until the platform answers (it may be down)
                code=$(curl -sS -m 20 -o "$reply" -w '%{http_code}' -X POST "$BASE/api/cities/$city/messaging/matters" \
                    -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
                    --data-binary "{\"category\":\"noise\",\"text\":\"(kill test) $key\",\"to\":\"leadership\",\"consent\":true}" \
                    2>/dev/null || echo 000)
                case "$code" in
                    200 | 201)
                        id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$reply" | head -1)
                        echo "$key $code $id" >>"$work/acked.$n"
                        break
                        ;;
                    *) sleep 0.5 ;;
                esac
                [ -f "$work/stop" ] && break # unacknowledged: not counted
            done
            [ $((i % 10)) -eq 0 ] || break # every tenth key twice
        done
    done
}
for n in $(seq 1 "$WORKERS"); do worker "$n" & done

sleep "$BEFORE"
pid=$(head -n1 "$domain/config/pid")
echo "kill -9 Payara (pid $pid) at $(date +%T)"
t0=$(date +%s)
kill -9 "$pid"
sleep 2
echo "starting the domain again"
(setsid "$asadmin" --interactive=false start-domain domain1 </dev/null >"$work/start.log" 2>&1)
until curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; do sleep 1; done
t1=$(date +%s)
echo "ready again after $((t1 - t0)) s (the domain redeploys the application itself)"
sleep "$AFTER"
touch "$work/stop"
wait

cat "$work"/acked.* | sort >"$work/acked.txt"
acked=$(wc -l <"$work/acked.txt")
psql -qAt -d safecity -F ' ' -c "select idempotency_key, id from messaging_matter where tenant_id = '$city' order by 1" \
    >"$work/stored.txt"
lost=0
while read -r key code id; do
    grep -q "^$key $id\$" "$work/stored.txt" || { lost=$((lost + 1)); echo "LOST or different id: $key $code $id"; }
done <"$work/acked.txt"
dups=$(psql -qAt -d safecity -c "select count(*) from (select idempotency_key from messaging_matter where tenant_id = \
'$city' group by 1 having count(*) > 1) d")
replays=$(awk '$2 == 200' "$work/acked.txt" | wc -l)
echo
echo "acknowledged=$acked (of which replays answered 200: $replays) stored_matters=$(wc -l <"$work/stored.txt")" \
    "lost=$lost duplicated_keys=$dups outage_s=$((t1 - t0))"
curl -sS -o /dev/null -H "Authorization: Bearer $admin" -X DELETE "$BASE/api/cities/$city" || true
[ "$lost" = 0 ] && [ "$dups" = 0 ]
