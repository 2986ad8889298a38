# shellcheck shell=bash
# Keycloak for the local stack (realm keycloak/safecity-realm.json). Sourced by ./safecity.
# Facts behind the options: /work/shared/STACK-NOTES.md (dev-file database, --cache=local, fixed hostname so
# that the issuer is always http://localhost:8180/realms/safecity).

KC_BUILD_OPTS="--db=dev-file --health-enabled=true"
KC_START_OPTS="--optimized --cache=local --import-realm --http-enabled=true --http-host=127.0.0.1 --http-port=8180 --http-management-port=9180 --hostname=http://localhost:8180 --hostname-backchannel-dynamic=true"
KC_REALM_SHA_FILE="$SC_RUN/keycloak-realm.sha"
KC_NEW_KEYS=false

kc_pid() { # PID of kc.sh, when it runs
    local p
    p=$(pid_from "$KC_PID_FILE") || return 1
    alive "$p" && echo "$p"
}

kc_ready() { [ "$(http_code "$KC_MGMT_URL/health/ready")" = 200 ]; }

realm_sha() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }

kc_install() {
    if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
        step "Keycloak $KEYCLOAK_VERSION: fetching through Maven and unpacking into $KC_HOME"
        mvn_fetch "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$SC_RUN/dist"
        unpack_zip "$SC_RUN/dist/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" "$SC_RUN"
        rm -f "$SC_RUN/dist/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
        [ -x "$KC_HOME/bin/kc.sh" ] || die "unpacking Keycloak did not produce $KC_HOME/bin/kc.sh."
    fi
    if [ "$(cat "$KC_HOME/.safecity-built" 2>/dev/null)" != "$KC_BUILD_OPTS" ]; then
        step "Keycloak: one-time build ($KC_BUILD_OPTS, ~30-60 s)"
        # shellcheck disable=SC2086
        (cd "$KC_HOME" && bin/kc.sh build $KC_BUILD_OPTS >"$SC_LOGS/keycloak-build.log" 2>&1 9>&-) \
            || { show_tail "$SC_LOGS/keycloak-build.log"; die "kc.sh build failed." "Log: $SC_LOGS/keycloak-build.log"; }
        echo "$KC_BUILD_OPTS" >"$KC_HOME/.safecity-built"
    fi
}

kc_start() { # starts Keycloak in the background (does not wait; see kc_wait)
    local pid
    if pid=$(kc_pid); then
        if [ "$(cat "$KC_REALM_SHA_FILE" 2>/dev/null)" = "$(realm_sha)" ]; then
            step "Keycloak: already running (pid $pid)"
            return 0
        fi
        step "Keycloak: keycloak/safecity-realm.json changed since the import: restarting to re-import it"
        kc_stop
    fi
    if port_open 127.0.0.1 8180 || port_open 127.0.0.1 9180; then
        die "port 8180 or 9180 is in use by another process (pid $(port_owner 8180)$(port_owner 9180))." \
            "Stop it, then run ./safecity up again."
    fi
    kc_install
    mkdir -p "$KC_HOME/data/import"
    if [ -d "$KC_HOME/data/h2" ] && [ "$(cat "$KC_REALM_SHA_FILE" 2>/dev/null)" != "$(realm_sha)" ]; then
        info "realm file changed: resetting Keycloak's dev database so that the realm is imported afresh"
        info "(organizations/groups that the platform provisioned for non-demo cities are gone; re-onboard them)"
        rm -rf "$KC_HOME/data/h2"
        KC_NEW_KEYS=true # the re-imported realm signs with new keys: see cmd_up (Payara caches the old ones)
    fi
    cp "$REALM_FILE" "$KC_HOME/data/import/safecity-realm.json"
    step "Keycloak: starting on $KC_URL (log $KC_LOG)"
    : >"$KC_LOG"
    # shellcheck disable=SC2086
    (cd "$KC_HOME" && KC_BOOTSTRAP_ADMIN_USERNAME=$KC_ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
        JAVA_OPTS_KC_HEAP="$KC_HEAP" exec setsid bin/kc.sh start $KC_START_OPTS </dev/null >>"$KC_LOG" 2>&1 9>&-) &
    echo $! >"$KC_PID_FILE"
    realm_sha >"$KC_REALM_SHA_FILE"
}

kc_wait() {
    local pid
    kc_ready && return 0
    pid=$(kc_pid) || { show_tail "$KC_LOG"; die "Keycloak is not running (it exited)." "Log: $KC_LOG"; }
    step "Keycloak: waiting for $KC_MGMT_URL/health/ready (up to 180 s)"
    if ! wait_for 180 "Keycloak" kc_ready_or_dead; then
        show_tail "$KC_LOG" 30
        die "Keycloak did not become ready within 180 s." "Log: $KC_LOG" \
            "Try: ./safecity down && ./safecity up; if it keeps failing, rm -rf $KC_HOME/data/h2 (resets Keycloak)."
    fi
    if ! kc_ready; then
        show_tail "$KC_LOG" 30
        die "Keycloak exited during startup." "Log: $KC_LOG"
    fi
    info "ready; issuer $KC_URL/realms/$KC_REALM"
}

kc_ready_or_dead() { kc_ready || ! kc_pid >/dev/null; }

kc_stop() {
    local pid
    if pid=$(kc_pid); then
        step "Keycloak: stopping pid $pid"
        stop_pid "$pid" Keycloak 30 TERM
    fi
    rm -f "$KC_PID_FILE"
}

kc_status_line() {
    local pid state
    STATUS_RSS_KB=0
    if pid=$(kc_pid); then
        STATUS_RSS_KB=$(rss_kb "$pid")
        if kc_ready; then state=up; else state=start; fi
        printf '  %-11s %-5s %s (admin console %s/admin, %s/%s), pid %s, RSS %s\n' Keycloak "$state" \
            "$KC_URL/realms/$KC_REALM" "$KC_URL" "$KC_ADMIN_USER" "$KC_ADMIN_PASSWORD" "$pid" "$(mb "$STATUS_RSS_KB")"
        [ "$state" = up ]
        return
    fi
    printf '  %-11s %-5s\n' Keycloak down
    return 1
}
