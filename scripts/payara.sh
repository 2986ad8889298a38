# shellcheck shell=bash
# Payara Server (domain1) for the local stack: install, configure, start, deploy, stop. Sourced by ./safecity.

PAYARA_PORTS="8080 4848 8181 3700 7676 8686"
PAYARA_APPLIED="$SC_RUN/payara-config.applied"
DEPLOYED_SHA="$SC_RUN/deploy/safecity.ear.sha256" # the EAR that domain1 has deployed (written after a deployment)
# Connection validation of the pool: at most once per period per connection instead of before every use
# (a "select 1" round trip each time EclipseLink took a connection; see README "Operating").
POOL_VALIDATE_PERIOD=60
# request threads of http-listener-1 (Payara's default pool has 5: too few for requests that wait on PostgreSQL's
# commit, e.g. citizens' submissions; CPU-bound reads do not gain from more)
HTTP_THREADS=${SAFECITY_HTTP_THREADS:-16}
# Loggers kept at SEVERE: Jersey's ResourceModelConfigurator warns at every deployment, once per @Path interface of
# the Keycloak admin client (client proxies, not resources; 70+ lines), which buried real warnings. Payara's Jersey
# integration hands it every @Path type the WAR's class loader sees (WEB-INF/lib and the EAR's lib/ alike, and a
# payara-web.xml scanning-exclude does not reach it), so the noise is kept out of the log instead.
QUIET_LOGGERS="org.glassfish.jersey.server.ResourceModelConfigurator=SEVERE"
# Answers the HTTP listener compresses (gzip, when the client accepts it and the body is larger than 1 kB)
COMPRESSIBLE_TYPES="application/json,application/geo+json,application/problem+json,application/xml,text/html,text/css,text/plain,text/calendar,text/vcard,text/csv,application/javascript,image/svg+xml"
MP_CONFIG="$SC_ROOT/platform-api/src/main/resources/META-INF/microprofile-config.properties"

asadmin() { # asadmin without the terminal noise; never inherits the lock
    "$ASADMIN" --interactive=false "$@" 9>&- 2>&1 | grep -v '^Unable to retrieve infocmp'
    return "${PIPESTATUS[0]}"
}

payara_pid() {
    local p
    p=$(pid_from "$DOMAIN_DIR/config/pid") || return 1
    alive "$p" && echo "$p"
}

payara_install() {
    [ -x "$ASADMIN" ] && return 0
    step "Payara $PAYARA_VERSION: fetching through Maven and unpacking into $PAYARA_HOME"
    mvn_fetch "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "$SC_RUN/dist"
    unpack_zip "$SC_RUN/dist/payara-$PAYARA_VERSION.zip" "$SC_RUN"
    rm -f "$SC_RUN/dist/payara-$PAYARA_VERSION.zip"
    [ -x "$ASADMIN" ] || die "unpacking Payara did not produce $ASADMIN."
}

pg_driver() {
    local jar="$SC_RUN/lib/postgresql-$PG_JDBC_VERSION.jar"
    [ -f "$jar" ] || mvn_fetch "org.postgresql:postgresql:$PG_JDBC_VERSION:jar" "$SC_RUN/lib"
    echo "$jar"
}

# ---------------------------------------------------------------------------------------------- config
asadmin_escape() { # value: escapes ':' and '=' for asadmin property lists
    printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'
}

mp_default() { # key: its value in platform-api's microprofile-config.properties
    sed -n "s/^$(printf '%s' "$1" | sed 's/[.]/\\./g')=//p" "$MP_CONFIG" 2>/dev/null | head -1
}

provisioner_secret() { # the secret of client safecity-provisioner in the realm file
    sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p' "$REALM_FILE" | head -1
}

desired_system_properties() { # key=value lines: runtime values that differ from the app's defaults
    local key value
    while IFS='=' read -r key value; do
        [ -n "$key" ] || continue
        [ "$(mp_default "$key")" = "$value" ] || echo "$key=$value"
    done <<EOF
mp.jwt.verify.issuer=$KC_URL/realms/$KC_REALM
mp.jwt.verify.publickey.location=$KC_URL/realms/$KC_REALM/protocol/openid-connect/certs
safecity.keycloak.url=$KC_URL
safecity.keycloak.realm=$KC_REALM
safecity.keycloak.client-id=safecity-provisioner
safecity.keycloak.client-secret=$(provisioner_secret)
EOF
}

desired_config() { # everything payara_configure applies, one item a line (compared with the last applied)
    echo "jvm $PAYARA_HEAP -Duser.timezone=UTC"
    echo "driver $(basename "$(pg_driver)")"
    echo "pool serverName=$SC_DB_HOST portNumber=$SC_DB_PORT databaseName=safecity user=safecity password=safecity stringtype=unspecified"
    desired_system_properties | sed 's/^/sysprop /'
    echo "pool validate-atmost-once-period-in-seconds=$POOL_VALIDATE_PERIOD"
    echo "http compression=on min=1024 types=$COMPRESSIBLE_TYPES"
    echo "http xpowered-by=false server-header=false http2=on"
    echo "http-threads max=$HTTP_THREADS"
    echo "log-level $QUIET_LOGGERS"
}

listener_settings() { # config listener: asadmin set lines for compression on one HTTP listener of a config
    local http="configs.config.$1.network-config.protocols.protocol.$2.http"
    echo "set '$http.compression=on'"
    echo "set '$http.compression-min-size-bytes=1024'"
    echo "set '$http.compressable-mime-type=$COMPRESSIBLE_TYPES'"
    # no product or version in the answers' headers (X-Powered-By, Server)
    echo "set '$http.xpowered-by=false'"
    echo "set '$http.server-header=false'"
    # HTTP/2 stays on: with it off, Grizzly takes a request carrying "Upgrade: h2c" (Java's default HttpClient
    # sends one) for a protocol upgrade and never reads its body (POSTs hung 30 s, then 500). With it on, a large
    # gzip'd answer over h2c (e.g. /openapi) reached Java's client as broken frames: the tests speak HTTP/1.1.
    echo "set '$http.http2-enabled=true'"
}

payara_configure() { # applies desired_config to the running domain; returns 0, or 10 when a restart is needed
    local desired cmds jvm opt props line restart=0
    desired=$(desired_config)
    if [ "$desired" = "$(cat "$PAYARA_APPLIED" 2>/dev/null)" ]; then
        return 0
    fi
    step "Payara: configuring domain1 (JVM options, PostgreSQL driver, pool jdbc/safecity, system properties)"
    cmds="$SC_RUN/payara-config.asadmin"
    : >"$cmds"
    # JVM options: heap and UTC (replace what differs)
    jvm=$(asadmin list-jvm-options) || die "asadmin list-jvm-options failed: is domain1 running?" "Log: $PAYARA_LOG"
    for opt in $(echo "$jvm" | grep -E '^-(Xmx|Xms|Duser\.timezone=)' || true); do
        case " $PAYARA_HEAP -Duser.timezone=UTC " in *" $opt "*) continue ;; esac
        echo "delete-jvm-options '$(asadmin_escape "$opt")'" >>"$cmds"
        restart=10
    done
    for opt in $PAYARA_HEAP -Duser.timezone=UTC; do
        if ! echo "$jvm" | grep -qx -- "$opt"; then
            echo "create-jvm-options '$(asadmin_escape "$opt")'" >>"$cmds"
            restart=10
        fi
    done
    # PostgreSQL JDBC driver in the domain's lib (needs a restart to be seen)
    if ! asadmin list-libraries --type common | grep -qx "$(basename "$(pg_driver)")"; then
        echo "add-library --type common '$(pg_driver)'" >>"$cmds"
        restart=10
    fi
    # pool + resource
    props="serverName=$SC_DB_HOST:portNumber=$SC_DB_PORT:databaseName=safecity:user=safecity:password=safecity:stringtype=unspecified"
    if asadmin list-jdbc-connection-pools | grep -qx safecity-pool; then
        for line in serverName=$SC_DB_HOST portNumber=$SC_DB_PORT databaseName=safecity user=safecity \
            password=safecity stringtype=unspecified; do
            echo "set 'resources.jdbc-connection-pool.safecity-pool.property.$line'" >>"$cmds"
        done
    else
        echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection true --property '$props' safecity-pool" >>"$cmds"
    fi
    echo "set 'resources.jdbc-connection-pool.safecity-pool.validate-atmost-once-period-in-seconds=$POOL_VALIDATE_PERIOD'" >>"$cmds"
    # no SQL trace listener: Payara's default one (fish.payara.jdbc.SilentSqlTraceListener) traces into nothing but
    # wraps every connection and statement in a reflective proxy (a fifth of a submission's CPU samples in a profile);
    # the literal "null" is the pool's "none" (an empty value still installs the tracing wrappers)
    echo "set 'resources.jdbc-connection-pool.safecity-pool.sql-trace-listeners=null'" >>"$cmds"
    listener_settings server-config http-listener-1 >>"$cmds"
    echo "set 'configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$HTTP_THREADS'" >>"$cmds"
    echo "set-log-levels '$QUIET_LOGGERS'" >>"$cmds"
    if ! asadmin list-jdbc-resources | grep -qx jdbc/safecity; then
        echo "create-jdbc-resource --connectionpoolid safecity-pool jdbc/safecity" >>"$cmds"
    fi
    # system properties for the app's MicroProfile Config keys whose runtime value differs from the default
    props=""
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        props="$props${props:+:}$(asadmin_escape "${line%%=*}")=$(asadmin_escape "${line#*=}")"
    done <<<"$(desired_system_properties)"
    [ -z "$props" ] || echo "create-system-properties '$props'" >>"$cmds"
    # ...and remove the ones this script set before that are no longer needed
    local key
    for key in $(sed -n 's/^sysprop \([^=]*\)=.*/\1/p' "$PAYARA_APPLIED" 2>/dev/null); do
        desired_system_properties | grep -q "^$key=" || echo "delete-system-property '$key'" >>"$cmds"
    done

    local out
    out=$(asadmin multimode --file "$cmds")
    echo "$out" >"$SC_LOGS/payara-config.log"
    if echo "$out" | grep -q 'failed\.'; then
        echo "$out" | sed 's/^/       | /' >&2
        die "configuring Payara failed (commands: $cmds)." "Log: $SC_LOGS/payara-config.log, $PAYARA_LOG"
    fi
    echo "$desired" >"$PAYARA_APPLIED"
    props=$(desired_system_properties | cut -d= -f1 | tr '\n' ' ')
    info "applied: heap '$PAYARA_HEAP', UTC, pool safecity-pool -> $SC_DB_HOST:$SC_DB_PORT/safecity (validation at most every ${POOL_VALIDATE_PERIOD}s), gzip on :8080, system properties: ${props:-none needed}"
    return $restart
}

payara_up() {
    local pid p rc
    payara_install
    pg_driver >/dev/null
    if pid=$(payara_pid); then
        step "Payara: domain1 already running (pid $pid)"
    else
        for p in $PAYARA_PORTS; do
            port_open 127.0.0.1 "$p" && die "port $p is in use by another process (pid $(port_owner "$p")), Payara needs it." \
                "Stop that process, then run ./safecity up again."
        done
        step "Payara: starting domain1 (~15-40 s; log $PAYARA_LOG)"
        ln -sfn "$PAYARA_LOG" "$SC_LOGS/payara.log"
        local offset
        offset=$(stat -c %s "$PAYARA_LOG" 2>/dev/null || echo 0)
        (cd "$SC_RUN" && setsid -w "$ASADMIN" --interactive=false start-domain domain1 </dev/null \
            >"$SC_LOGS/payara-start.log" 2>&1 9>&-) \
            || { cat "$SC_LOGS/payara-start.log" >&2; show_tail "$PAYARA_LOG"; die "asadmin start-domain failed." "Log: $PAYARA_LOG"; }
        pid=$(payara_pid) || die "Payara said it started but no process runs." "Log: $PAYARA_LOG"
        info "running (pid $pid)"
        payara_settle "$offset"
    fi
    rc=0
    payara_configure || rc=$?
    if [ "$rc" = 10 ]; then
        step "Payara: restarting domain1 to apply JVM options and the driver"
        asadmin restart-domain domain1 >"$SC_LOGS/payara-start.log" 2>&1 </dev/null \
            || { cat "$SC_LOGS/payara-start.log" >&2; die "asadmin restart-domain failed." "Log: $PAYARA_LOG"; }
        info "running (pid $(payara_pid))"
    fi
}

app_registered() { grep -q '<application [^>]*name="safecity"' "$DOMAIN_DIR/config/domain.xml" 2>/dev/null; }

app_load_settled() { # log-offset: the domain's own (re)deployment of 'safecity' at start has ended, well or not
    app_serving && return 0
    tail -c +"$(( $1 + 1 ))" "$PAYARA_LOG" 2>/dev/null \
        | grep -qE 'Loading application \[safecity|Exception while loading the app|safecity was successfully deployed'
}

payara_settle() { # log-offset: after a start, wait until the domain has finished redeploying what it had deployed
    # Payara redeploys the applications left deployed at every start (after a kill -9 too). Deploying while that
    # runs races it ("This web container has not yet been started", then a half-deployed application); so wait.
    app_registered || return 0
    step "Payara: waiting for the domain's own redeployment of 'safecity' to settle (up to 180 s)"
    if wait_for 180 "the redeployment" app_load_settled "$1"; then
        if wait_for 30 "'safecity' to serve" app_serving; then
            info "'safecity' redeployed and serving"
        else
            info "'safecity' did not come back serving: it is deployed afresh"
        fi
    else
        warn "the domain's redeployment of 'safecity' did not settle within 180 s"
    fi
}

payara_deploy() { # [--if-changed]: deploys the EAR that the build produced (redeploys with --force)
    [ -f "$EAR" ] || die "$EAR is missing." "Build it: mvn -q -B install -DskipTests"
    payara_pid >/dev/null || die "Payara is not running." "Run ./safecity up"
    mkdir -p "$SC_RUN/deploy"
    local sha
    sha=$(sha256sum "$EAR" | cut -d' ' -f1)
    if [ "${1:-}" = --if-changed ] && [ "$sha" = "$(cat "$DEPLOYED_SHA" 2>/dev/null)" ] && app_registered && app_serving; then
        step "Payara: 'safecity' runs this very EAR and serves: not redeployed"
        return 0
    fi
    rm -f "$DEPLOYED_SHA"
    if app_registered && ! app_serving; then
        # a failed or half-dead application (e.g. after a crash): take it away first, --force alone may reuse it
        asadmin undeploy safecity >/dev/null 2>&1 || true
    fi
    cp "$EAR" "$SC_RUN/deploy/safecity.ear"
    step "Payara: deploying ear/target/safecity.ear as application 'safecity'"
    local out
    if ! out=$(asadmin deploy --force=true --name safecity "$SC_RUN/deploy/safecity.ear"); then
        echo "$out" | sed 's/^/       | /' >&2
        grep -n 'SEVERE' "$PAYARA_LOG" 2>/dev/null | tail -n 5 | cut -c1-400 | sed 's/^/       | /' >&2
        die "deploying the EAR failed." "Server log: $PAYARA_LOG" \
            "Fix the app, then ./safecity deploy"
    fi
    echo "$sha" >"$DEPLOYED_SHA"
    info "deployed"
}

app_health() { curl -s -m 5 "$APP_URL/health/ready" 2>/dev/null; }
ready_at() { # base-url: /health/ready answers 200 UP *with the application's own check "safecity"* (Payara answers
    # UP with no checks at all while no application is deployed)
    local out
    out=$(curl -s -m 5 -w '\n%{http_code}' "$1/health/ready" 2>/dev/null) || return 1
    local check='"name"[[:space:]]*:[[:space:]]*"safecity"'
    [ "${out##*$'\n'}" = 200 ] && [[ $out =~ $check ]]
}
app_ready() { ready_at "$APP_URL"; }
# the application answers a public read through JPA and the database (readiness also needs Keycloak, which may
# still be starting while Payara is checked)
app_serving() { [ "$(http_code "$APP_URL/api/cities")" = 200 ]; }

app_wait() {
    step "App: waiting for $APP_URL/health/ready to answer UP (up to 180 s)"
    if ! wait_for 180 "the app's readiness" app_ready; then
        printf '       health: %s\n' "$(app_health | tr -d '\n' | cut -c1-600)" >&2
        grep -n 'SEVERE' "$PAYARA_LOG" 2>/dev/null | tail -n 5 | cut -c1-400 | sed 's/^/       | /' >&2
        die "the app did not become ready (health/ready is not UP)." "Server log: $PAYARA_LOG" \
            "Keycloak: ./safecity status; database: $DB_ENV"
    fi
    info "UP"
}

payara_down() {
    local pid
    pid=$(payara_pid) || return 0
    step "Payara: undeploying 'safecity' and stopping domain1 (pid $pid)"
    # undeploy first, so that the next start does not load a stale EAR before the fresh one is deployed
    asadmin undeploy safecity >/dev/null 2>&1 || true
    asadmin stop-domain domain1 >/dev/null 2>&1 </dev/null || warn "asadmin stop-domain failed"
    stop_pid "$pid" Payara 30 TERM
}

payara_status_line() {
    local pid app
    STATUS_RSS_KB=0
    if pid=$(payara_pid); then
        STATUS_RSS_KB=$(rss_kb "$pid")
        if app_ready; then app="app UP"; else app="app not ready ($(http_code "$APP_URL/health/ready"))"; fi
        printf '  %-11s %-5s %s (admin %s), pid %s, RSS %s, %s\n' Payara up "$APP_URL" "http://localhost:4848" \
            "$pid" "$(mb "$STATUS_RSS_KB")" "$app"
        app_ready
        return
    fi
    printf '  %-11s %-5s\n' Payara down
    return 1
}
