# shellcheck shell=bash
# Local mail catcher for the stack: GreenMail standalone (fetched through Maven), SMTP on 127.0.0.1:2525, IMAP on
# 127.0.0.1:3143 and its REST API on 127.0.0.1:8025. Any address receives mail; any login/password reads it
# (authentication disabled). Sourced by ./safecity.

GREENMAIL_VERSION=$(pom_property greenmail.version 2.1.3)
MAIL_JAR="$SC_RUN/lib/greenmail-standalone-$GREENMAIL_VERSION.jar"
MAIL_PID_FILE="$SC_RUN/greenmail.pid"
MAIL_LOG="$SC_LOGS/greenmail.log"
MAIL_SMTP_PORT=2525
MAIL_IMAP_PORT=3143
MAIL_API_PORT=8025
MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT"

mail_pid() {
    local p
    p=$(pid_from "$MAIL_PID_FILE") || return 1
    alive "$p" && echo "$p"
}

mail_ready() { [ "$(http_code "$MAIL_API_URL/api/service/readiness")" = 200 ]; }

mail_up() {
    local pid
    if pid=$(mail_pid); then
        step "Mail catcher: already running (pid $pid)"
        return 0
    fi
    if port_open 127.0.0.1 "$MAIL_SMTP_PORT"; then
        warn "port $MAIL_SMTP_PORT is in use by another process (pid $(port_owner "$MAIL_SMTP_PORT")): no mail catcher started"
        return 0
    fi
    [ -f "$MAIL_JAR" ] || mvn_fetch "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION:jar" "$SC_RUN/lib"
    step "Mail catcher: GreenMail $GREENMAIL_VERSION, SMTP 127.0.0.1:$MAIL_SMTP_PORT, IMAP :$MAIL_IMAP_PORT (log $MAIL_LOG)"
    (cd "$SC_RUN" && exec setsid java -Xms16m -Xmx96m \
        -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$MAIL_SMTP_PORT \
        -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port=$MAIL_IMAP_PORT \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_API_PORT \
        -Dgreenmail.auth.disabled -jar "$MAIL_JAR" </dev/null >"$MAIL_LOG" 2>&1 9>&-) &
    echo $! >"$MAIL_PID_FILE"
    wait_for 30 "the mail catcher" mail_ready || { show_tail "$MAIL_LOG"; warn "the mail catcher did not start; mails stay queued"; }
}

mail_down() {
    local pid
    if pid=$(mail_pid); then
        step "Mail catcher: stopping pid $pid"
        stop_pid "$pid" GreenMail 10 TERM
    fi
    rm -f "$MAIL_PID_FILE"
}

mail_status_line() {
    local pid
    STATUS_RSS_KB=0
    if pid=$(mail_pid); then
        STATUS_RSS_KB=$(rss_kb "$pid")
        printf '  %-11s %-5s SMTP 127.0.0.1:%s, IMAP :%s, mails %s/api/user, pid %s, RSS %s\n' "Mail" \
            "$(mail_ready && echo up || echo start)" "$MAIL_SMTP_PORT" "$MAIL_IMAP_PORT" "$MAIL_API_URL" "$pid" \
            "$(mb "$STATUS_RSS_KB")"
        return 0
    fi
    printf '  %-11s %-5s (mails stay queued in platform_mail_outbox)\n' Mail down
    return 0
}
