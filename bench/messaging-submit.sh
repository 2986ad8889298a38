#!/usr/bin/env bash
# Citizen submissions accepted per second (each a new matter committed before its 201) against GET /api/ping in the
# same run, with p50/p99 latencies (see bench/README.md). Runs in a fresh bench city (rate limit off, matters to the
# police leadership: no routing, no mail), which is offboarded at the end.
# Usage: bench/messaging-submit.sh [seconds] [connections] [layout]   (needs wrk and the stack: ./safecity up)
# layout: shared (default) — Payara, PostgreSQL and wrk share this machine's cores, so PostgreSQL's CPU for each
#   durable insert is taken from Payara's;
#   db-own-core — emulates a database host of its own on one machine: every PostgreSQL process is pinned to the last
#   core and Payara to the others (taskset, restored at the end); wrk runs on the database's core, so Payara's cores
#   serve ping and submissions alone. Needs local PostgreSQL and Payara processes and the right to set their affinity.
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${SAFECITY_URL:-http://localhost:8080}
DURATION=${1:-15}
CONNECTIONS=${2:-16}
LAYOUT=${3:-shared}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
curl -fsS "$BASE/api/ping" >/dev/null || { echo "platform not answering at $BASE: run ./safecity up" >&2; exit 1; }
load=() # how wrk is started: as it is, or on the database's core
case "$LAYOUT" in
shared) ;;
db-own-core)
    cores=$(nproc)
    payara=$(pgrep -f 'glassfish.jar' | head -1 || true)
    postmaster=$(pgrep -o -x postgres || true)
    if [ "$cores" -lt 2 ] || [ -z "$payara" ] || [ -z "$postmaster" ]; then
        echo "layout db-own-core needs 2 or more cores and Payara and PostgreSQL running on this machine" >&2
        exit 1
    fi
    db_core=$((cores - 1))
    app_cores="0-$((cores - 2))"
    pg_affinity=$(taskset -p -c "$postmaster" | sed 's/.*: //')
    app_affinity=$(taskset -p -c "$payara" | sed 's/.*: //')
    unpin() {
        taskset -a -p -c "$app_affinity" "$payara" >/dev/null 2>&1 || true
        for pid in $(pgrep -x postgres); do taskset -p -c "$pg_affinity" "$pid" >/dev/null 2>&1 || true; done
    }
    trap unpin EXIT # restores on any exit until the cleanup below takes over
    # backends forked later inherit the postmaster's affinity; pooled ones are pinned here
    for pid in $(pgrep -x postgres); do
        taskset -p -c "$db_core" "$pid" >/dev/null || { echo "cannot pin PostgreSQL (pid $pid): run as root or as its owner" >&2; exit 1; }
    done
    taskset -a -p -c "$app_cores" "$payara" >/dev/null || { echo "cannot pin Payara (pid $payara)" >&2; exit 1; }
    load=(taskset -c "$db_core")
    echo "layout db-own-core: PostgreSQL and wrk on core $db_core, Payara on core(s) $app_cores"
    ;;
*)
    echo "unknown layout '$LAYOUT': shared or db-own-core" >&2
    exit 2
    ;;
esac
admin=$(KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180} "$here/../scripts/token.sh" platform-admin demo)
export CITY="b-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
auth=(-H "Authorization: Bearer $admin" -H 'Content-Type: application/json')
curl -fsS -o /dev/null "${auth[@]}" -X POST "$BASE/api/cities" -d "{\"slug\":\"$CITY\",\"name\":\"Bench $CITY\"}"
curl -fsS -o /dev/null "${auth[@]}" -X PUT "$BASE/api/cities/$CITY/modules/messaging" \
    -d '{"enabled":true,"settings":{"rateLimitPerHour":0}}'
out=$(mktemp -d)
# CPU seconds (in clock ticks) of this machine's java and postgres processes, for the cost per request below
ticks() { local t=0 f; for pid in $(pgrep -x "$1"); do read -ra f <"/proc/$pid/stat" 2>/dev/null && t=$((t + f[13] + f[14])); done; echo $t; }
cleanup() {
    [ "$LAYOUT" != db-own-core ] || unpin
    curl -sS -o /dev/null -H "Authorization: Bearer $admin" -X DELETE "$BASE/api/cities/$CITY" || true
    rm -rf "$out"
}
trap cleanup EXIT

echo "bench city $CITY; warm-up 5 s each ..."
"${load[@]}" wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
"${load[@]}" wrk -t2 -c"$CONNECTIONS" -d5s -s "$here/messaging-submit.lua" "$BASE" >/dev/null

echo "GET /api/ping for ${DURATION}s, $CONNECTIONS connections, 2 threads"
j0=$(ticks java) p0=$(ticks postgres)
"${load[@]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/ping" | tee "$out/ping.txt"
j1=$(ticks java) p1=$(ticks postgres)
echo
echo "POST /api/cities/$CITY/messaging/matters (a new matter each) for ${DURATION}s"
j2=$(ticks java) p2=$(ticks postgres)
"${load[@]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$here/messaging-submit.lua" "$BASE" | tee "$out/submit.txt"
j3=$(ticks java) p3=$(ticks postgres)

ping=$(awk '/Requests\/sec/ {print $2}' "$out/ping.txt")
submit=$(awk '/Requests\/sec/ {print $2}' "$out/submit.txt")
bad=$(awk '/Non-2xx/ {print $5}' "$out/submit.txt")
p50=$(awk '$1 == "50%" {print $2}' "$out/submit.txt")
p99=$(awk '$1 == "99%" {print $2}' "$out/submit.txt")
ping50=$(awk '$1 == "50%" {print $2}' "$out/ping.txt")
ping99=$(awk '$1 == "99%" {print $2}' "$out/ping.txt")
stored=$(curl -fsS -H "Authorization: Bearer $admin" "$BASE/api/cities/$CITY/indicators" \
    | grep -o '"key":"messaging.matters"[^}]*"value":[0-9]*' | sed 's/.*"value"://')
echo
echo "ping_rps=$ping ping_p50=$ping50 ping_p99=$ping99 submit_rps=$submit submit_p50=$p50 submit_p99=$p99 non_2xx=${bad:-0} matters_stored=${stored:-?}"
awk -v p="$ping" -v s="$submit" -v l="$LAYOUT" 'BEGIN { printf "submit/ping ratio = %.2f (goal >= 0.5; layout %s)\n", s / p, l }'
# where the time goes, when Payara and PostgreSQL run on this machine: CPU per request (java = Payara, Keycloak and
# the mail catcher, idle during the run; postgres = all of this server's backends)
awk -v hz="$(getconf CLK_TCK)" -v np="$(awk '/requests in/ {print $1}' "$out/ping.txt")" \
    -v ns="$(awk '/requests in/ {print $1}' "$out/submit.txt")" -v jp=$((j1 - j0)) -v pp=$((p1 - p0)) \
    -v js=$((j3 - j2)) -v ps=$((p3 - p2)) 'BEGIN { if (np > 0 && ns > 0 && jp > 0)
    printf "CPU per request on this machine: ping %.0f us (java %.0f, postgres %.0f), submission %.0f us (java %.0f, postgres %.0f)\n",
        (jp + pp) * 1e6 / hz / np, jp * 1e6 / hz / np, pp * 1e6 / hz / np,
        (js + ps) * 1e6 / hz / ns, js * 1e6 / hz / ns, ps * 1e6 / hz / ns }'
if [ "${bad:-0}" != 0 ]; then
    echo "WARNING: $bad answers were not 2xx (a redeploy during the run?): the figures above are not valid" >&2
    exit 1
fi
