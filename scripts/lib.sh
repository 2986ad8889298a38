# shellcheck shell=bash
# Common settings and helpers for ./safecity. Sourced, never run.
#
# Layout of the runtime directory (.safecity/, gitignored):
#   payara6/                     Payara Server (unzipped from Maven Central), domain1
#   keycloak-<version>/          Keycloak (unzipped from Maven Central), dev-file database in data/h2
#   lib/postgresql-<v>.jar       PostgreSQL JDBC driver, added to domain1 with asadmin add-library
#   pg/                          embedded PostgreSQL (only when no PostgreSQL answers on localhost:5432)
#   db.env                       which PostgreSQL the stack uses (mode, host, port)
#   logs/                        keycloak.log, postgres.log, build.log, test.log, payara.log -> server.log
#   keycloak.pid                 PID of kc.sh (Payara's PID is in domain1/config/pid, PostgreSQL's in
#                                pg/data/postmaster.pid)

SC_ROOT=${SC_ROOT:?}
SC_RUN="$SC_ROOT/.safecity"
SC_LOGS="$SC_RUN/logs"

pom_property() { # name default: a <properties> value of the root pom (single source of versions)
    local v
    v=$(sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$SC_ROOT/pom.xml" 2>/dev/null | head -1)
    echo "${v:-$2}"
}

PAYARA_VERSION=$(pom_property payara.version 6.2025.9)
KEYCLOAK_VERSION=$(pom_property keycloak.version 26.5.6)
PG_JDBC_VERSION=$(pom_property postgresql.version 42.7.14)
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

PAYARA_HOME="$SC_RUN/payara6"
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_DIR="$PAYARA_HOME/glassfish/domains/domain1"
PAYARA_LOG="$DOMAIN_DIR/logs/server.log"
KC_HOME="$SC_RUN/keycloak-$KEYCLOAK_VERSION"
KC_LOG="$SC_LOGS/keycloak.log"
KC_PID_FILE="$SC_RUN/keycloak.pid"
PG_DIR="$SC_RUN/pg"
PG_LOG="$SC_LOGS/postgres.log"
DB_ENV="$SC_RUN/db.env"
REALM_FILE="$SC_ROOT/keycloak/safecity-realm.json"
EAR="$SC_ROOT/ear/target/safecity.ear"

APP_URL=http://localhost:8080
KC_URL=http://localhost:8180
KC_MGMT_URL=http://localhost:9180
KC_REALM=safecity
KC_ADMIN_USER="admin"
KC_ADMIN_PASSWORD="admin"

# Heaps: sized so that Payara + Keycloak + PostgreSQL idle under 2.5 GB RSS (see ./safecity status).
PAYARA_HEAP=${SAFECITY_PAYARA_HEAP:--Xms128m -Xmx768m}
KC_HEAP=${SAFECITY_KC_HEAP:--Xms64m -Xmx384m}

# ---------------------------------------------------------------------------------------------- output
SC_T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - SC_T0 ))s"; }
step() { printf '==> [%5s] %s\n' "$(elapsed)" "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { # message [hint lines...]
    printf '\nERROR: %s\n' "$1" >&2
    shift
    local l
    for l in "$@"; do printf '       %s\n' "$l" >&2; done
    exit 1
}
show_tail() { # file [lines]: the end of a log, indented, on stderr
    [ -f "$1" ] || return 0
    printf '       --- last %s lines of %s ---\n' "${2:-25}" "$1" >&2
    tail -n "${2:-25}" "$1" | sed 's/^/       | /' >&2
}

# ---------------------------------------------------------------------------------------------- processes
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

pid_from() { # file: first line, if it is a number
    [ -f "$1" ] || return 1
    local p
    p=$(head -n1 "$1" 2>/dev/null | tr -dc '0-9')
    [ -n "$p" ] && echo "$p"
}

descendants() { # pid: the pid and all its descendants
    local p=$1 c
    echo "$p"
    for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$c"; done
}

rss_kb() { # pid: resident set size of the process tree in kB
    local total=0 p r
    for p in $(descendants "$1"); do
        r=$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null)
        total=$(( total + ${r:-0} ))
    done
    echo "$total"
}

mb() { echo "$(( ($1 + 512) / 1024 )) MB"; }

stop_pid() { # pid name seconds signal: signal, wait, then SIGKILL
    local pid=$1 name=$2 secs=${3:-30} sig=${4:-TERM} i
    alive "$pid" || return 0
    kill -"$sig" "$pid" 2>/dev/null || true
    for ((i = 0; i < secs * 2; i++)); do
        alive "$pid" || return 0
        sleep 0.5
    done
    warn "$name (pid $pid) did not stop within ${secs}s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------- network
port_open() { # host port: something accepts TCP connections
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

port_owner() { # port: "pid/name" of the listener, when ss can tell
    command -v ss >/dev/null || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}

http_code() { # url: HTTP status, 000 when nothing answers
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

wait_for() { # seconds description command...: poll every 2 s, progress every 20 s
    local secs=$1 what=$2 start now
    shift 2
    start=$(date +%s)
    while ! "$@"; do
        now=$(date +%s)
        if (( now - start >= secs )); then
            return 1
        fi
        if (( (now - start) % 20 < 2 && now - start >= 20 )); then
            info "still waiting for $what ($(( now - start ))s of ${secs}s)"
        fi
        sleep 2
    done
}

# ---------------------------------------------------------------------------------------------- Maven
mvn_fetch() { # groupId:artifactId:version:type directory: copy one artifact from Maven (Central) into directory
    mkdir -p "$2"
    (cd "$SC_RUN" && mvn -q -B "$DEPENDENCY_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" \
        -Dmdep.overWriteReleases=false >>"$SC_LOGS/fetch.log" 2>&1 9>&-) \
        || die "Maven could not fetch $1." "Is Maven Central reachable (mvn -B dependency:get -Dartifact=$1)?" \
               "Log: $SC_LOGS/fetch.log"
}

unpack_zip() { # zip directory
    if command -v unzip >/dev/null; then
        unzip -q -o "$1" -d "$2"
    else # jar keeps no file modes: restore the executable bits of the launch scripts
        (cd "$2" && jar xf "$1") && find "$2" -path '*/bin/*' -type f -exec chmod +x {} +
    fi
}

# ---------------------------------------------------------------------------------------------- lock
# One ./safecity up/down/deploy/test at a time per checkout (engineers share the checkout and the stack).
# Daemons are started with "9>&-" so that they do not inherit the lock.
take_lock() { # what
    mkdir -p "$SC_RUN" "$SC_LOGS"
    exec 9>"$SC_RUN/lock"
    if ! flock -n 9; then
        info "waiting for another ./safecity command to finish ($(cat "$SC_RUN/lock.owner" 2>/dev/null || echo unknown))"
        flock -w "${SAFECITY_LOCK_WAIT:-1800}" 9 || die "another ./safecity command still holds $SC_RUN/lock." \
            "Wait for it, or remove the lock file if no ./safecity process is running."
    fi
    echo "pid $$: ./safecity $1, since $(date '+%H:%M:%S')" >"$SC_RUN/lock.owner"
}
