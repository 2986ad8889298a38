# shellcheck shell=bash
# Two instances of the same EAR in a Payara deployment group (domain1's DAS administers them, Hazelcast joins them
# into one data grid) behind HAProxy (Debian package, round robin, health check /health/ready). Both instances
# share the stack's PostgreSQL and Keycloak. Sourced by ./safecity (./safecity cluster up|down|status|test).
#
#   HAProxy          http://localhost:28000  (stats page http://localhost:28000/haproxy?stats)
#   instance sc-1    http://localhost:28080  (other ports from base 28100)
#   instance sc-2    http://localhost:28081  (other ports from base 28200)
#
# The group runs its own copy of the EAR as application 'safecity-cluster' (the single-instance stack keeps its
# 'safecity' on :8080 untouched), with the same configuration as domain1's own instance (heap, UTC, pool,
# compression, system properties).

CLUSTER_GROUP=sc-group
CLUSTER_INSTANCES="sc-1 sc-2"
CLUSTER_APP=safecity-cluster
CLUSTER_LB_PORT=28000
CLUSTER_LB_URL="http://localhost:$CLUSTER_LB_PORT"
CLUSTER_HEAP=${SAFECITY_CLUSTER_HEAP:--Xms128m -Xmx512m}
CLUSTER_DIR="$SC_RUN/cluster"
CLUSTER_NODE_DIR="$PAYARA_HOME/glassfish/nodes/localhost-domain1"
CLUSTER_LB_PID="$CLUSTER_DIR/haproxy.pid"
CLUSTER_LB_CFG="$CLUSTER_DIR/haproxy.cfg"
CLUSTER_DEPLOYED_SHA="$CLUSTER_DIR/deployed.sha256"

cluster_lock() { # one cluster command at a time (its own lock: ./safecity up/deploy of the single stack go on)
    mkdir -p "$CLUSTER_DIR" "$SC_LOGS"
    exec 8>"$CLUSTER_DIR/lock"
    flock -w 1800 8 || die "another ./safecity cluster command holds $CLUSTER_DIR/lock."
}

instance_http_port() { case $1 in sc-1) echo 28080 ;; sc-2) echo 28081 ;; esac; }
instance_port_base() { case $1 in sc-1) echo 28100 ;; sc-2) echo 28200 ;; esac; }
instance_url() { echo "http://localhost:$(instance_http_port "$1")"; }
instance_pid_file() { echo "$CLUSTER_NODE_DIR/$1/config/pid"; }
instance_log() { echo "$CLUSTER_NODE_DIR/$1/logs/server.log"; }

instance_pid() {
    local p
    p=$(pid_from "$(instance_pid_file "$1")") || return 1
    alive "$p" && echo "$p"
}

lb_pid() {
    local p
    p=$(pid_from "$CLUSTER_LB_PID") || return 1
    alive "$p" && echo "$p"
}

cluster_haproxy() { # installs HAProxy from Debian when it is missing
    command -v haproxy >/dev/null && return 0
    command -v apt-get >/dev/null || die "haproxy is missing and this is no Debian/Ubuntu machine." "Install HAProxy 2.x."
    step "Installing haproxy (apt-get)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy >"$SC_LOGS/apt.log" 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >>"$SC_LOGS/apt.log" 2>&1 \
            && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy \
                >>"$SC_LOGS/apt.log" 2>&1; } \
        || die "installing haproxy failed." "Log: $SC_LOGS/apt.log"
}

cluster_define() { # creates the deployment group, the instances and their configuration (what is missing)
    local cmds="$CLUSTER_DIR/define.asadmin" groups instances i cfg opt jvm props line out
    : >"$cmds"
    groups=$(asadmin list-deployment-groups) || die "asadmin list-deployment-groups failed." "Log: $PAYARA_LOG"
    echo "$groups" | grep -qE "^[[:space:]]*$CLUSTER_GROUP([[:space:]]|\$)" || echo "create-deployment-group $CLUSTER_GROUP" >>"$cmds"
    instances=$(asadmin list-instances 2>/dev/null || true)
    for i in $CLUSTER_INSTANCES; do
        echo "$instances" | grep -qE "^[[:space:]]*$i([[:space:]]|\$)" && continue
        echo "create-instance --node localhost-domain1 --deploymentgroup $CLUSTER_GROUP --portbase $(instance_port_base "$i") --systemproperties HTTP_LISTENER_PORT=$(instance_http_port "$i") $i" >>"$cmds"
    done
    if [ -s "$cmds" ]; then
        step "Payara: creating deployment group $CLUSTER_GROUP with instances $CLUSTER_INSTANCES"
        out=$(asadmin multimode --file "$cmds") || { echo "$out" >&2; die "creating the instances failed."; }
    fi
    # configuration of each instance's config (copied from default-config): compare with what was applied
    local desired
    desired="$(desired_config | grep -v '^driver') heap=$CLUSTER_HEAP"
    [ "$desired" = "$(cat "$CLUSTER_DIR/config.applied" 2>/dev/null)" ] && return 0
    step "Payara: configuring the instances (heap '$CLUSTER_HEAP', UTC, pool, gzip, system properties)"
    : >"$cmds"
    for i in $CLUSTER_INSTANCES; do
        cfg="$i-config"
        jvm=$(asadmin list-jvm-options --target "$cfg") || die "asadmin list-jvm-options --target $cfg failed."
        for opt in $(echo "$jvm" | grep -E '^-(Xmx|Xms|Duser\.timezone=)' || true); do
            case " $CLUSTER_HEAP -Duser.timezone=UTC " in *" $opt "*) continue ;; esac
            echo "delete-jvm-options --target $cfg '$(asadmin_escape "$opt")'" >>"$cmds"
        done
        for opt in $CLUSTER_HEAP -Duser.timezone=UTC; do
            echo "$jvm" | grep -qx -- "$opt" || echo "create-jvm-options --target $cfg '$(asadmin_escape "$opt")'" >>"$cmds"
        done
        listener_settings "$cfg" http-listener-1 >>"$cmds"
        props=""
        while IFS= read -r line; do
            [ -n "$line" ] || continue
            props="$props${props:+:}$(asadmin_escape "${line%%=*}")=$(asadmin_escape "${line#*=}")"
        done <<<"$(desired_system_properties)"
        [ -z "$props" ] || echo "create-system-properties --target $i '$props'" >>"$cmds"
    done
    asadmin list-resource-refs "$CLUSTER_GROUP" 2>/dev/null | grep -qx jdbc/safecity \
        || echo "create-resource-ref --target $CLUSTER_GROUP jdbc/safecity" >>"$cmds"
    out=$(asadmin multimode --file "$cmds")
    echo "$out" >"$SC_LOGS/cluster-config.log"
    if echo "$out" | grep -q 'failed\.'; then
        echo "$out" | sed 's/^/       | /' >&2
        die "configuring the instances failed (commands: $cmds)." "Log: $SC_LOGS/cluster-config.log"
    fi
    for i in $CLUSTER_INSTANCES; do
        # stored in the config's logging.properties; "failed" only means a stopped instance was not told at once
        asadmin set-log-levels --target "$i-config" "$QUIET_LOGGERS" >>"$SC_LOGS/cluster-config.log" 2>&1 || true
    done
    echo "$desired" >"$CLUSTER_DIR/config.applied"
}

cluster_deploy() { # deploys the built EAR to the group as 'safecity-cluster' when it changed
    local sha
    sha=$(sha256sum "$EAR" | cut -d' ' -f1)
    if [ "$sha" = "$(cat "$CLUSTER_DEPLOYED_SHA" 2>/dev/null)" ] && asadmin list-applications "$CLUSTER_GROUP" 2>/dev/null \
        | grep -q "^$CLUSTER_APP\b"; then
        info "'$CLUSTER_APP' is this EAR already"
        return 0
    fi
    step "Payara: deploying the EAR to $CLUSTER_GROUP as '$CLUSTER_APP'"
    mkdir -p "$CLUSTER_DIR"
    cp "$EAR" "$CLUSTER_DIR/safecity.ear"
    rm -f "$CLUSTER_DEPLOYED_SHA"
    local out
    if ! out=$(asadmin deploy --force=true --target "$CLUSTER_GROUP" --name "$CLUSTER_APP" "$CLUSTER_DIR/safecity.ear"); then
        echo "$out" | sed 's/^/       | /' >&2
        die "deploying to $CLUSTER_GROUP failed." "Logs: $(instance_log sc-1), $(instance_log sc-2)"
    fi
    echo "$sha" >"$CLUSTER_DEPLOYED_SHA"
}

cluster_instances_ready() {
    local i
    for i in $CLUSTER_INSTANCES; do ready_at "$(instance_url "$i")" || return 1; done
}

cluster_start_instances() {
    local i out
    for i in $CLUSTER_INSTANCES; do
        if instance_pid "$i" >/dev/null; then
            info "$i already running (pid $(instance_pid "$i"))"
            continue
        fi
        step "Payara: starting instance $i on $(instance_url "$i") (log $(instance_log "$i"))"
        out=$(cd "$SC_RUN" && setsid -w "$ASADMIN" --interactive=false start-instance "$i" </dev/null 2>&1 8>&- 9>&-) \
            || { echo "$out" >&2; die "asadmin start-instance $i failed." "Log: $(instance_log "$i")"; }
    done
    step "Cluster: waiting for both instances' /health/ready (up to 240 s)"
    wait_for 240 "the instances" cluster_instances_ready \
        || die "the instances did not become ready." "Logs: $(instance_log sc-1), $(instance_log sc-2)"
    info "sc-1 pid $(instance_pid sc-1), sc-2 pid $(instance_pid sc-2): ready"
}

cluster_lb_up() {
    mkdir -p "$CLUSTER_DIR"
    cat >"$CLUSTER_LB_CFG" <<EOF
# generated by ./safecity cluster up
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    # a request whose connection could not even be opened goes to the other instance; nothing that reached an
    # instance is sent twice (a POST the killed instance may have committed is never replayed)
    retries 2
    option redispatch
    retry-on conn-failure
frontend safecity
    bind 127.0.0.1:$CLUSTER_LB_PORT
    stats enable
    stats uri /haproxy?stats
    default_backend instances
backend instances
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready
    # ready = 200 and the application's own check listed (Payara answers UP without checks when nothing is deployed)
    http-check expect rstring "name\"[ ]*:[ ]*\"safecity\""
    default-server inter 1s fastinter 500ms fall 2 rise 2 on-marked-down shutdown-sessions
    server sc-1 127.0.0.1:$(instance_http_port sc-1) check
    server sc-2 127.0.0.1:$(instance_http_port sc-2) check
EOF
    haproxy -c -q -f "$CLUSTER_LB_CFG" || die "HAProxy rejects $CLUSTER_LB_CFG."
    local pid
    if pid=$(lb_pid); then
        kill -USR2 "$pid" 2>/dev/null || true # reload not supported without master mode: restart it
        stop_pid "$pid" HAProxy 5 TERM
    fi
    port_open 127.0.0.1 "$CLUSTER_LB_PORT" && die "port $CLUSTER_LB_PORT is in use (pid $(port_owner "$CLUSTER_LB_PORT"))."
    haproxy -D -f "$CLUSTER_LB_CFG" -p "$CLUSTER_LB_PID" 8>&- 9>&- || die "HAProxy did not start."
    step "HAProxy: $CLUSTER_LB_URL -> sc-1, sc-2 (round robin; stats $CLUSTER_LB_URL/haproxy?stats)"
    lb_has_both() { [ "$(curl -s -m 3 "$CLUSTER_LB_URL/haproxy?stats;csv" | grep -c '^instances,sc-[12],.*,UP,')" = 2 ]; }
    wait_for 30 "HAProxy's health checks" lb_has_both || warn "HAProxy does not see both instances UP yet"
}

cmd_cluster_up() {
    preflight
    cluster_lock
    mkdir -p "$CLUSTER_DIR"
    payara_pid >/dev/null || die "domain1 (the DAS) is not running." "Run ./safecity up first."
    pg_load_env
    [ -f "$EAR" ] || die "$EAR is missing." "Run ./safecity up (or mvn -q -B install -DskipTests) first."
    cluster_haproxy
    cluster_define
    cluster_deploy
    cluster_start_instances
    cluster_lb_up
    step "Cluster is up (took $(elapsed)): $CLUSTER_LB_URL (sc-1 $(instance_url sc-1), sc-2 $(instance_url sc-2))"
}

cmd_cluster_down() {
    cluster_lock
    local pid i
    if pid=$(lb_pid); then
        step "HAProxy: stopping pid $pid"
        stop_pid "$pid" HAProxy 10 TERM
    fi
    rm -f "$CLUSTER_LB_PID"
    for i in $CLUSTER_INSTANCES; do
        pid=$(instance_pid "$i") || continue
        step "Payara: stopping instance $i (pid $pid)"
        if payara_pid >/dev/null; then
            asadmin stop-instance "$i" >/dev/null 2>&1 </dev/null || true
        fi
        stop_pid "$pid" "$i" 30 TERM
    done
    step "Cluster stopped (instances and the group stay defined; ./safecity cluster up starts them again)."
}

cmd_cluster_status() {
    local i pid
    for i in $CLUSTER_INSTANCES; do
        if pid=$(instance_pid "$i"); then
            printf '  %-11s %-5s %s, pid %s, RSS %s, %s\n' "$i" up "$(instance_url "$i")" "$pid" "$(mb "$(rss_kb "$pid")")" \
                "$(if ready_at "$(instance_url "$i")"; then echo ready; else echo 'not ready'; fi)"
        else
            printf '  %-11s %-5s\n' "$i" down
        fi
    done
    if pid=$(lb_pid); then
        printf '  %-11s %-5s %s, pid %s, RSS %s\n' HAProxy up "$CLUSTER_LB_URL" "$pid" "$(mb "$(rss_kb "$pid")")"
    else
        printf '  %-11s %-5s\n' HAProxy down
    fi
}

cmd_cluster_test() { # [mvn args]: cluster up, then the cluster test profile through the balancer
    cmd_cluster_up
    exec 8>&- 9>&- # the tests kill and restart instances through this script's functions, not through ./safecity
    local log="$SC_LOGS/cluster-test.log" rc=0
    step "Cluster tests: mvn -B verify -Pcluster -pl system-tests (log $log)"
    set +e
    (cd "$SC_ROOT" && mvn -B verify -Pcluster -pl system-tests -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='**/ops/*IT' \
        -Dsafecity.url="$CLUSTER_LB_URL" \
        -Dcluster.instances="$(instance_url sc-1),$(instance_url sc-2)" \
        -Dcluster.pid-files="$(instance_pid_file sc-1),$(instance_pid_file sc-2)" \
        -Dcluster.restart="$SC_ROOT/safecity cluster up" "$@") 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" = 0 ]; then step "cluster test: PASSED (took $(elapsed))"; else step "cluster test: FAILED ($log)"; fi
    return "$rc"
}

cmd_cluster() {
    local sub=${1:-status}
    shift || true
    case "$sub" in
        up) cmd_cluster_up ;;
        down) cmd_cluster_down ;;
        status) cmd_cluster_status ;;
        test) cmd_cluster_test "$@" ;;
        *) die "unknown: ./safecity cluster $sub" "Use: ./safecity cluster up|down|status|test" ;;
    esac
}
