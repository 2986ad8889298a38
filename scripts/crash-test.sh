#!/usr/bin/env bash
# Crash test: writers create risk places through the API, Payara is killed with kill -9 in the middle, ONE restart
# command brings the platform back, then every acknowledged write (201) must be stored, and nothing else except
# writes that were cut off by the kill (sent, never answered). Exit code 0 when all holds.
#
# Usage: scripts/crash-test.sh [writers] [seconds-before-kill]     (default 8 writers, 10 s; needs ./safecity up)
# Environment (defaults: the single-instance stack):
#   SAFECITY_URL     the API (http://localhost:8080)
#   KILL_PID_FILE    the pid file of the JVM to kill (.safecity/payara6/glassfish/domains/domain1/config/pid)
#   RESTART          the one command that must bring it back ("./safecity up --no-build")
# e.g. against a cluster instance: SAFECITY_URL=http://localhost:28080
#   KILL_PID_FILE=.safecity/payara6/glassfish/nodes/localhost-domain1/sc-1/config/pid RESTART="./safecity cluster up"
set -euo pipefail
cd "$(dirname "$0")/.."
WRITERS=${1:-8}
BEFORE=${2:-10}
BASE=${SAFECITY_URL:-http://localhost:8080}
PID_FILE=${KILL_PID_FILE:-.safecity/payara6/glassfish/domains/domain1/config/pid}
RESTART=${RESTART:-./safecity up --no-build}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '==> %s\n' "$*"; }
token=$(KEYCLOAK_URL=$KEYCLOAK_URL scripts/token.sh platform-admin demo)
api() { # method path [content-type body]: prints "status body"
    local out args=(-s -m 30 -o "$work/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token")
    [ -z "${3:-}" ] || args+=(-H "Content-Type: $3" --data-binary "$4")
    out=$(curl "${args[@]}" "$BASE$2" || echo 000)
    echo "$out $(cat "$work/body" 2>/dev/null)"
}

slug="t-crash$(date +%s | tail -c 6)"
say "city $slug with districts A1, B2 at $BASE"
r=$(api POST /api/cities application/json "{\"slug\":\"$slug\",\"name\":\"Crash test\"}")
[ "${r%% *}" = 201 ] || { echo "onboarding failed: $r" >&2; exit 1; }
districts='{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"A1","name":"A1"},"geometry":{"type":"Polygon","coordinates":[[[14.40,50.08],[14.41,50.08],[14.41,50.09],[14.40,50.09],[14.40,50.08]]]}},
 {"type":"Feature","properties":{"code":"B2","name":"B2"},"geometry":{"type":"Polygon","coordinates":[[[14.41,50.08],[14.42,50.08],[14.42,50.09],[14.41,50.09],[14.41,50.08]]]}}]}'
r=$(api POST "/api/cities/$slug/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01" \
    application/geo+json "$districts")
[ "${r%% *}" = 201 ] || { echo "boundary import failed: $r" >&2; exit 1; }

writer() { # n: writes until $work/stop exists; logs "ack|cut|fail mark"
    local n=$1 i=0 mark code
    while [ ! -f "$work/stop" ]; do
        mark="w$n-$i"
        code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' --data-binary \
            "{\"district\":\"A1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[14.405,50.085]},\"kind\":\"feels-unsafe\",\"description\":\"$mark\",\"source\":\"survey\"}" \
            "$BASE/api/cities/$slug/risk-places" || true)
        case "$code" in
            201) echo "ack $mark" ;;
            000) echo "cut $mark" ;; # sent, no answer: may or may not have committed
            *) echo "fail $mark $code" ;;
        esac
        i=$((i + 1))
        [ "$code" = 201 ] || sleep 0.5
    done >"$work/writer-$n.log"
}

say "$WRITERS writers for ${BEFORE}s, then kill -9 of pid $(cat "$PID_FILE")"
for n in $(seq 1 "$WRITERS"); do writer "$n" & done
sleep "$BEFORE"
pid=$(cat "$PID_FILE")
kill -9 "$pid"
say "killed $pid after $(cat "$work"/writer-*.log | grep -c '^ack') acknowledged writes"
sleep 3
touch "$work/stop"
wait
t0=$(date +%s)
say "restart: $RESTART"
$RESTART >"$work/restart.log" 2>&1 || { tail -30 "$work/restart.log" >&2; echo "FAILED: the restart command failed" >&2; exit 1; }
say "restart took $(( $(date +%s) - t0 ))s"

cat "$work"/writer-*.log | awk '$1=="ack" {print $2}' | sort >"$work/acked"
cat "$work"/writer-*.log | awk '$1!="ack" {print $2}' | sort >"$work/unanswered"
r=$(api GET "/api/cities/$slug/risk-places")
[ "${r%% *}" = 200 ] || { echo "FAILED: reading the risk places after the restart answered: $r" >&2; exit 1; }
echo "${r#* }" | grep -o '"description":"[^"]*"' | sed 's/"description":"//; s/"$//' | sort >"$work/stored"
lost=$(comm -23 "$work/acked" "$work/stored" | wc -l)
extra=$(comm -13 "$work/acked" "$work/stored" | comm -23 - "$work/unanswered" | wc -l)
cut_stored=$(comm -13 "$work/acked" "$work/stored" | wc -l)
say "acknowledged $(wc -l <"$work/acked"), stored $(wc -l <"$work/stored"), unanswered $(wc -l <"$work/unanswered") (of which stored: $cut_stored), lost $lost, never attempted but stored $extra"
# a staff read, a public read and readiness work after the one restart
for p in "/api/cities/$slug/districts/locate?lat=50.085&lon=14.405" /api/cities /health/ready; do
    code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE$p")
    [ "$code" = 200 ] || { echo "FAILED: GET $p answered $code after the restart" >&2; exit 1; }
done
api DELETE "/api/cities/$slug" >/dev/null || true
if [ "$lost" != 0 ] || [ "$extra" != 0 ]; then
    echo "FAILED" >&2
    exit 1
fi
say "PASSED: every acknowledged write survived kill -9, nothing unexpected was stored, one restart sufficed"
