# shellcheck shell=bash
# PostgreSQL for the local stack. Sourced by ./safecity.
#
# SAFECITY_PG=auto (default): use the PostgreSQL that answers on localhost:5432 (creating role and database
#   safecity there when missing); when none answers, start an embedded one (tools/embedded-postgres).
# SAFECITY_PG=embedded: always the embedded one (port 5432 when free, else the next free port; the
#   Payara pool follows). SAFECITY_PG=external: never the embedded one.
# Writes $DB_ENV (SC_DB_MODE, SC_DB_HOST, SC_DB_PORT), which the Payara pool configuration reads.

PG_TOOL_DIR="$SC_ROOT/tools/embedded-postgres"

pg_embedded_pid() { # PID of the embedded postmaster, when it runs
    local p
    p=$(pid_from "$PG_DIR/data/postmaster.pid") || return 1
    alive "$p" && echo "$p"
}

pg_load_env() {
    SC_DB_MODE="" SC_DB_HOST=127.0.0.1 SC_DB_PORT=5432
    # shellcheck disable=SC1090
    [ -f "$DB_ENV" ] && . "$DB_ENV"
    return 0
}

pg_write_env() { # mode host port
    printf 'SC_DB_MODE=%s\nSC_DB_HOST=%s\nSC_DB_PORT=%s\n' "$1" "$2" "$3" >"$DB_ENV"
    SC_DB_MODE=$1 SC_DB_HOST=$2 SC_DB_PORT=$3
}

pg_up() {
    local mode=${SAFECITY_PG:-auto}
    case "$mode" in auto | embedded | external) ;; *) die "SAFECITY_PG must be auto, embedded or external (is '$mode')." ;; esac
    pg_load_env
    if [ "$mode" != external ] && pg_embedded_pid >/dev/null; then
        pg_embedded_start # already running: reuses it
    elif [ "$mode" = embedded ]; then
        pg_embedded_start
    elif pg_answers; then
        pg_external_setup
    elif [ "$mode" = external ]; then
        die "SAFECITY_PG=external, but no PostgreSQL answers on 127.0.0.1:5432 (pg_isready)." \
            "Start it (e.g. pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)," \
            "or run without SAFECITY_PG to use the embedded PostgreSQL."
    else
        if port_open 127.0.0.1 5432; then
            info "something that is not PostgreSQL listens on localhost:5432: using an embedded PostgreSQL on another port"
        else
            info "no PostgreSQL answers on localhost:5432: using the embedded one"
        fi
        pg_embedded_start
    fi
}

# ------------------------------------------------------------------------------ an existing server on :5432
pg_answers() { # a PostgreSQL (not just anything) answers on 127.0.0.1:5432
    if command -v pg_isready >/dev/null; then
        local rc=0
        pg_isready -q -h 127.0.0.1 -p 5432 -t 3 >/dev/null 2>&1 || rc=$?
        [ "$rc" = 0 ] || [ "$rc" = 1 ] # 1: rejecting connections (e.g. still starting), but PostgreSQL
    else
        port_open 127.0.0.1 5432
    fi
}

psql_admin() { # sql...: run SQL as a superuser of the server on :5432; tries the usual ways in
    local sql=$1
    if PGCONNECT_TIMEOUT=5 psql -X -q -w -h 127.0.0.1 -p 5432 -U "${SAFECITY_PG_ADMIN:-postgres}" -d postgres \
        -v ON_ERROR_STOP=1 -tAc "$sql" 2>/dev/null; then
        return 0
    fi
    [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 || return 1
    if command -v runuser >/dev/null; then
        (cd / && runuser -u postgres -- psql -X -q -p 5432 -d postgres -v ON_ERROR_STOP=1 -tAc "$sql" 2>/dev/null) \
            && return 0
    fi
    (cd / && su postgres -s /bin/sh -c "psql -X -q -p 5432 -d postgres -v ON_ERROR_STOP=1 -tAc \"\$0\"" "$sql" 2>/dev/null)
}

pg_safecity_connects() {
    PGPASSWORD=safecity PGCONNECT_TIMEOUT=5 psql -X -q -w -h 127.0.0.1 -p 5432 -U safecity -d safecity \
        -tAc 'select 1' >/dev/null 2>&1
}

pg_external_setup() {
    step "PostgreSQL: using the server on localhost:5432"
    command -v psql >/dev/null || die "a PostgreSQL answers on localhost:5432 but psql (postgresql-client) is missing." \
        "Install it (apt-get install -y postgresql-client), or create role and database 'safecity'" \
        "(password 'safecity') yourself, or use SAFECITY_PG=embedded ./safecity up."
    if pg_safecity_connects; then
        info "role and database 'safecity' exist"
    else
        psql_admin "select 1" >/dev/null || die "cannot reach the PostgreSQL on localhost:5432 as a superuser to create role/database 'safecity'." \
            "Tried: psql -h 127.0.0.1 -U \${SAFECITY_PG_ADMIN:-postgres} (set PGPASSWORD if it needs one), runuser/su postgres." \
            "Create them yourself: create role safecity login password 'safecity'; create database safecity owner safecity;" \
            "or use SAFECITY_PG=embedded ./safecity up."
        psql_admin "do \$\$ begin if not exists (select from pg_roles where rolname = 'safecity') then create role safecity login password 'safecity'; end if; end \$\$;" \
            || die "could not create role 'safecity' on localhost:5432."
        if [ "$(psql_admin "select 1 from pg_database where datname = 'safecity'")" != 1 ]; then
            psql_admin "create database safecity owner safecity encoding 'UTF8'" \
                || die "could not create database 'safecity' on localhost:5432."
            info "created database safecity"
        fi
        pg_safecity_connects || die "role 'safecity' exists but cannot log in to database 'safecity' with password 'safecity'." \
            "Check pg_hba.conf and the role's password (alter role safecity password 'safecity')."
        info "role and database 'safecity' ready"
    fi
    pg_write_env external 127.0.0.1 5432
}

# ------------------------------------------------------------------------------ embedded (io.zonky binaries)
pg_tool_classpath() { # builds the launcher once; prints its class path
    local cp="$PG_TOOL_DIR/target/classpath.txt"
    if [ ! -s "$cp" ] || [ ! -d "$PG_TOOL_DIR/target/classes/cz" ] || [ "$PG_TOOL_DIR/pom.xml" -nt "$cp" ]; then
        info "building the embedded PostgreSQL launcher (tools/embedded-postgres)" >&2
        (cd "$PG_TOOL_DIR" && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
            >"$SC_LOGS/embedded-postgres-build.log" 2>&1 9>&-) \
            || die "could not build tools/embedded-postgres." "Log: $SC_LOGS/embedded-postgres-build.log"
    fi
    echo "$PG_TOOL_DIR/target/classes:$(cat "$cp")"
}

pg_embedded_start() {
    local pid port cp
    if pid=$(pg_embedded_pid); then
        port=$(cat "$PG_DIR/port" 2>/dev/null || echo 5432)
        step "PostgreSQL (embedded): already running on 127.0.0.1:$port (pid $pid)"
        pg_write_env embedded 127.0.0.1 "$port"
        return 0
    fi
    step "PostgreSQL (embedded): starting in $PG_DIR"
    cp=$(pg_tool_classpath) || exit 1
    mkdir -p "$PG_DIR"
    # shellcheck disable=SC2086
    java -Xmx256m -XX:+UseSerialGC -cp "$cp" cz.safecity.tools.pg.EmbeddedPostgresLauncher \
        "$PG_DIR" "$PG_LOG" ${SAFECITY_PG_PORT:-} >>"$PG_LOG" 2>&1 9>&- \
        || { show_tail "$PG_LOG"; die "the embedded PostgreSQL did not start." "Log: $PG_LOG"; }
    port=$(cat "$PG_DIR/ready")
    pid=$(pg_embedded_pid) || die "the embedded PostgreSQL said ready but no postmaster runs." "Log: $PG_LOG"
    [ "$port" = 5432 ] || info "port 5432 is taken: the embedded PostgreSQL uses $port (the Payara pool follows)"
    info "ready on 127.0.0.1:$port (pid $pid), role/database safecity"
    pg_write_env embedded 127.0.0.1 "$port"
}

pg_down() {
    local pid
    if pid=$(pg_embedded_pid); then
        step "PostgreSQL (embedded): stopping pid $pid"
        stop_pid "$pid" "embedded PostgreSQL" 30 INT # SIGINT = fast shutdown
    fi
}

pg_status_line() { # prints one status line; returns 1 when down
    local pid port
    pg_load_env
    if pid=$(pg_embedded_pid); then
        port=$(cat "$PG_DIR/port" 2>/dev/null)
        STATUS_RSS_KB=$(rss_kb "$pid")
        printf '  %-11s %-5s embedded, 127.0.0.1:%s, pid %s (started by ./safecity), RSS %s\n' \
            PostgreSQL up "$port" "$pid" "$(mb "$STATUS_RSS_KB")"
        return 0
    fi
    if port_open 127.0.0.1 5432; then
        pid=$(port_owner 5432)
        STATUS_RSS_KB=0
        [ -n "$pid" ] && STATUS_RSS_KB=$(rss_kb "$pid")
        printf '  %-11s %-5s server on 127.0.0.1:5432%s (not started by ./safecity), RSS %s\n' \
            PostgreSQL up "${pid:+, pid $pid}" "$( [ -n "$pid" ] && mb "$STATUS_RSS_KB" || echo unknown)"
        return 0
    fi
    STATUS_RSS_KB=0
    printf '  %-11s %-5s\n' PostgreSQL down
    return 1
}
