#!/usr/bin/env bash
# The fault test of #18, on loopback only, in a folder of its own:
#   two PostgreSQL nodes with synchronous streaming replication and pg_auto_failover's
#   monitor; two `roadmapctl serve` instances on a multi-host URL
#   (target_session_attrs=read-write); nginx in front (TLS, HTTP/2, the deploy/ config).
#   A school submits reports through nginx, each with an Idempotency-Key, retrying on
#   errors; after a third of them the primary (its keeper and its postmaster) is killed
#   with SIGKILL; the standby is promoted; the school goes on. Then: every acknowledged
#   report exists exactly once, and a backup of the new primary restores with identical
#   rows. Prints one «FAILOVER: …» line with the figures; exits non-zero on any loss,
#   duplicate or difference.
# Usage: scripts/test-failover.sh [ROADMAPCTL]   (default .build/debug/roadmapctl)
# Needs: postgresql, postgresql-15-auto-failover (pg_autoctl), nginx, openssl, python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROADMAPCTL=$(readlink -f "${1:-.build/debug/roadmapctl}")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
for tool in pg_autoctl nginx openssl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 3; }
done
REPORTS=${FAILOVER_REPORTS:-30}
WORK=$(mktemp -d /tmp/failover-XXXXXX)
# Seven free ports in a row, below the kernel's range for outgoing connections (32768 on):
# a port picked at random above it was once taken by a connection of the tests run before.
free_ports() { python3 - "$1" <<'PY2'
import socket, sys
base = int(sys.argv[1])
for port in range(base, base + 7):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            sys.exit(1)
PY2
}
for _ in $(seq 1 50); do
    BASE_PORT=$((21000 + RANDOM % 11000))
    free_ports "$BASE_PORT" && break
done
MON=$BASE_PORT N1=$((BASE_PORT + 1)) N2=$((BASE_PORT + 2)) APP1=$((BASE_PORT + 3)) APP2=$((BASE_PORT + 4))
PROXY=$((BASE_PORT + 5)) PLAIN=$((BASE_PORT + 6))
# pg_autoctl looks for pg_ctl on PATH: PostgreSQL's folder first, and no folder the postgres user cannot read.
PG_PATH="$PGBIN:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env PATH="$PG_PATH" "$@"; else env PATH="$PG_PATH" "$@"; fi; }
log() { echo "[$(date +%T)] $*" >&2; }
# Kills a postmaster and its children. Stopped first: a postmaster that outlives its children
# by a moment starts new ones, which would outlive it as orphans and load the machine for the
# tests after this one.
kill_postmaster() {
    kill -STOP "$1" 2>/dev/null || true
    pkill -KILL -P "$1" 2>/dev/null || true
    kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
    [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
    for pid in ${APP_PIDS:-}; do kill -INT "$pid" 2>/dev/null || true; done
    sleep 2
    for pid in ${APP_PIDS:-}; do kill -KILL "$pid" 2>/dev/null || true; done
    # PostgreSQL's children each run in a session of their own, so killing a node's session
    # kills its postmaster but not them; most exit when it dies, not the monitor's health-check
    # worker (nor the logger it keeps open). So: every session frozen (pg_autoctl must not
    # start PostgreSQL again), each postmaster killed with its children, then the sessions.
    for session in ${SESSIONS:-}; do kill -STOP -- "-$session" 2>/dev/null || true; done
    for data in "$WORK"/monitor "$WORK"/node1 "$WORK"/node2; do
        if [ -f "$data/postmaster.pid" ]; then
            kill_postmaster "$(head -1 "$data/postmaster.pid")"
        fi
    done
    for session in ${SESSIONS:-}; do kill -KILL -- "-$session" 2>/dev/null || true; done
    pkill -KILL -f "pg_autoctl .*$WORK" 2>/dev/null || true
    pkill -KILL -f "postgres.*$WORK" 2>/dev/null || true
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK"
state() { as_pg pg_autoctl show state --pgdata "$WORK/monitor" 2>/dev/null || true; }

# 1. The monitor and two nodes (the first becomes the primary, the second its synchronous standby).
log "monitor and nodes"
# The monitor is created and run by one command (a separate create would stop it again, and
# that stop can hang when signals are masked by whoever started this script).
if [ "$(id -u)" = 0 ]; then
    setsid runuser -u postgres -- env PATH="$PG_PATH" pg_autoctl create monitor --pgdata "$WORK/monitor" --pgport "$MON" \
        --auth trust --no-ssl --hostname 127.0.0.1 --run > "$WORK/monitor.log" 2>&1 &
else
    setsid env PATH="$PG_PATH" pg_autoctl create monitor --pgdata "$WORK/monitor" --pgport "$MON" \
        --auth trust --no-ssl --hostname 127.0.0.1 --run > "$WORK/monitor.log" 2>&1 &
fi
SESSIONS="$!"
disown "$!"
MONITOR_URL="postgres://autoctl_node@127.0.0.1:$MON/pg_auto_failover?sslmode=disable"
for _ in $(seq 1 120); do "$PGBIN/psql" -X -q "$MONITOR_URL" -c "SELECT 1 FROM pgautofailover.formation" >/dev/null 2>&1 && break; sleep 0.5; done
"$PGBIN/psql" -X -q "$MONITOR_URL" -c "SELECT 1 FROM pgautofailover.formation" >/dev/null || { cat "$WORK/monitor.log" >&2; exit 1; }
# Each node runs in a session of its own, so that «the machine dies» can kill all of it:
# pg_autoctl renames its children, and a keeper left alive restarts PostgreSQL.
node() { # name port
    if [ "$(id -u)" = 0 ]; then
        setsid runuser -u postgres -- env PATH="$PG_PATH" pg_autoctl create postgres --pgdata "$WORK/$1" --pgport "$2" \
            --monitor "$MONITOR_URL" --auth trust --no-ssl --hostname 127.0.0.1 --dbname roadmap --name "$1" --run > "$WORK/$1.log" 2>&1 &
    else
        setsid env PATH="$PG_PATH" pg_autoctl create postgres --pgdata "$WORK/$1" --pgport "$2" \
            --monitor "$MONITOR_URL" --auth trust --no-ssl --hostname 127.0.0.1 --dbname roadmap --name "$1" --run > "$WORK/$1.log" 2>&1 &
    fi
}
node node1 "$N1"
NODE1_SESSION=$!
disown "$NODE1_SESSION"
SESSIONS="$SESSIONS $NODE1_SESSION"
for _ in $(seq 1 120); do state | grep -Eq "node1 .*(wait_primary|primary) *\| *(wait_primary|primary)" && break; sleep 0.5; done
node node2 "$N2"
SESSIONS="$SESSIONS $!"
disown "$!"
for _ in $(seq 1 240); do
    state | grep -Eq "node2 .*secondary *\| *secondary" && break
    # pg_basebackup waits for a checkpoint: ask for one rather than wait for the next.
    "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$N1" -U postgres -d postgres -c CHECKPOINT >/dev/null 2>&1 || true
    sleep 1
done
state | grep -Eq "node2 .*secondary *\| *secondary" || { state >&2; echo "the standby did not come up" >&2; exit 1; }
SYNC=$("$PGBIN/psql" -X -At -h 127.0.0.1 -p "$N1" -U postgres -d postgres -c "SELECT sync_state FROM pg_stat_replication")

# 2. Two instances on the multi-host URL: whichever node is the primary.
URL="postgresql://postgres@127.0.0.1:$N1,127.0.0.1:$N2/roadmap?target_session_attrs=read-write&connect_timeout=2"
log "instances"
"$ROADMAPCTL" serve --demo --database-url "$URL" --port "$APP1" --public-url "https://localhost:$PROXY" --trusted-proxy 127.0.0.1 > "$WORK/app1.log" 2>&1 &
APP_PIDS="$!"
for _ in $(seq 1 600); do grep -q "is serving on" "$WORK/app1.log" && break; sleep 0.5; done
grep -q "is serving on" "$WORK/app1.log" || { tail -20 "$WORK/app1.log" >&2; echo "the first instance did not start" >&2; exit 1; }
# The second reads its report pages (the dashboard, …) from the standby while there is one.
READ_URL="postgresql://postgres@127.0.0.1:$N1,127.0.0.1:$N2/roadmap?target_session_attrs=prefer-standby&connect_timeout=2&application_name=roadmap-read"
"$ROADMAPCTL" serve --database-url "$URL" --read-database-url "$READ_URL" --port "$APP2" --public-url "https://localhost:$PROXY" \
    --trusted-proxy 127.0.0.1 > "$WORK/app2.log" 2>&1 &
APP_PIDS="$APP_PIDS $!"
for _ in $(seq 1 600); do grep -q "is serving on" "$WORK/app2.log" && break; sleep 0.5; done
grep -q "is serving on" "$WORK/app2.log" || { tail -20 "$WORK/app2.log" >&2; echo "the second instance did not start" >&2; exit 1; }
# The coordinator's dashboard on the second instance, signed in there directly; the
# standby's connections from the second instance's read pool before and after it (the pool
# connects on first use). Only that pool is counted: a psql or the monitor still connected to
# the standby once made the count 1 before the dashboard, and the check failed.
dashboard() {
    local jar="$WORK/jar" csrf
    csrf=$(curl -s -c "$jar" "http://127.0.0.1:$APP2/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "login=coordinator" \
        --data-urlencode "password=roadmap-demo" "http://127.0.0.1:$APP2/login"
    curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP2/dashboard"
}
standby_clients() {
    "$PGBIN/psql" -X -At "postgresql://postgres@127.0.0.1:$N2/roadmap" -c \
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name = 'roadmap-read' AND datname = 'roadmap'"
}
STANDBY_BEFORE=$(standby_clients)
DASHBOARD_BEFORE=$(dashboard)
STANDBY_AFTER=$(standby_clients)
[ "$DASHBOARD_BEFORE" = 200 ] && [ "$STANDBY_AFTER" -gt "$STANDBY_BEFORE" ] \
    || { tail -20 "$WORK/app2.log" >&2; echo "the dashboard did not read the standby ($DASHBOARD_BEFORE; clients $STANDBY_BEFORE → $STANDBY_AFTER)" >&2; exit 1; }
COORDINATOR=$(awk '$1 == "coordinator" && $2 ~ /^rm_/ {print $2}' "$WORK/app1.log" | head -1)
SCHOOL=$(awk '$1 == "school5" && $2 ~ /^rm_/ {print $2}' "$WORK/app1.log" | head -1)
[ -n "$COORDINATOR" ] && [ -n "$SCHOOL" ] || { cat "$WORK/app1.log" >&2; echo "no demo tokens" >&2; exit 1; }

# 3. nginx with the deploy/ configuration, on loopback ports and a self-signed certificate.
log "nginx"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
mkdir -p "$WORK/nginx-tmp"
sed -e "s#listen 80;#listen 127.0.0.1:$PLAIN;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$PROXY ssl http2;#" \
    -e "s#/etc/ssl/roadmap/fullchain.pem#$WORK/cert.pem#" -e "s#/etc/ssl/roadmap/privkey.pem#$WORK/key.pem#" \
    -e "s#127.0.0.1:8081#127.0.0.1:$APP1#" -e "s#127.0.0.1:8082#127.0.0.1:$APP2#" \
    -e "s#roadmap.komitet.example#localhost#g" "$ROOT/deploy/nginx/roadmap.conf" > "$WORK/roadmap.conf"
cat > "$WORK/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    include $WORK/roadmap.conf;
}
CONF
nginx -c "$WORK/nginx.conf" -t 2>"$WORK/nginx-test.log" || { cat "$WORK/nginx-test.log" >&2; exit 1; }
nginx -c "$WORK/nginx.conf"
BASE="https://127.0.0.1:$PROXY"
for _ in $(seq 1 40); do curl -skf "$BASE/readyz" >/dev/null && break; sleep 0.5; done
HTTP2=$(curl -sk -o /dev/null -w '%{http_version}' --http2 "$BASE/healthz")
GZIP=$(curl -sk -H 'Accept-Encoding: gzip' -o /dev/null -w '%header{content-encoding}' "$BASE/static/app.css")

# 4. Work for the school, then its reports while the primary dies.
log "work and reports"
for token in "$COORDINATOR" "$SCHOOL"; do
    curl -skf -H "Authorization: Bearer $token" "$BASE/v1/me" >/dev/null \
        || { curl -sk -H "Authorization: Bearer $token" "$BASE/v1/me" >&2; echo " (a demo token was refused)" >&2; exit 1; }
done
python3 "$ROOT/scripts/lib/failover-setup.py" "$BASE" "$COORDINATOR" "$SCHOOL" "$REPORTS" > "$WORK/assignments.txt"
python3 "$ROOT/scripts/lib/failover-client.py" "$BASE" "$SCHOOL" "$WORK/assignments.txt" "$WORK/client.json" &
CLIENT=$!
for _ in $(seq 1 600); do [ "$(cat "$WORK/client.json.progress" 2>/dev/null || echo 0)" -ge $((REPORTS / 3)) ] && break; sleep 0.1; done
log "killing the primary (node1): its keeper and its PostgreSQL, with SIGKILL"
POSTMASTER=$(head -1 "$WORK/node1/postmaster.pid")
KILLED_AT=$(date +%s.%N)
# Everything frozen first, then killed: nothing of node1 gets to react or start again.
kill -STOP -- "-$NODE1_SESSION" 2>/dev/null || true
kill_postmaster "$POSTMASTER"
kill -KILL -- "-$NODE1_SESSION" 2>/dev/null || true
# Promoted means writable through the service's own URL (libpq picks a read-write host).
PROMOTED=""
for _ in $(seq 1 1200); do
    if [ "$("$PGBIN/psql" -X -At "$URL" -c 'SELECT NOT pg_is_in_recovery() AND current_setting($$transaction_read_only$$) = $$off$$' 2>/dev/null)" = t ] \
        && [ "$("$PGBIN/psql" -X -At "$URL" -c 'SELECT inet_server_port()' 2>/dev/null)" = "$N2" ]; then
        PROMOTED=$(date +%s.%N); break
    fi
    sleep 0.1
done
[ -n "$PROMOTED" ] || { state >&2; echo "the standby was not promoted" >&2; exit 1; }
wait "$CLIENT"

# 5. Every acknowledged report exactly once on the new primary; the window the school saw.
log "counting"
NEW="postgresql://postgres@127.0.0.1:$N2/roadmap"
python3 - "$WORK/client.json" "$KILLED_AT" "$PROMOTED" > "$WORK/summary.txt" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
killed, promoted = float(sys.argv[2]), float(sys.argv[3])
failures = [f for f in result["failures"] if f["at"] >= killed - 1]
window = (max(f["at"] for f in failures) - min(f["at"] for f in failures)) if failures else 0.0
kinds = {}
for failure in failures:
    kinds[failure["kind"]] = kinds.get(failure["kind"], 0) + 1
final = [f for f in result["failures"] if f.get("final")]
print(json.dumps({"window": round(window, 1), "promotion": round(promoted - killed, 1), "kinds": kinds,
                  "acknowledged": [a["report"] for a in result["acknowledged"]], "submitted": result["submitted"], "final": final}))
PY
ACKS=$(python3 -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["acknowledged"]))' "$WORK/summary.txt")
ACK_COUNT=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["acknowledged"]))' "$WORK/summary.txt")
FOUND=$("$PGBIN/psql" -X -At "$NEW" -c "SELECT count(*) FROM reports WHERE id = ANY(string_to_array('$ACKS', ',')::uuid[])")
DUPLICATED=$("$PGBIN/psql" -X -At "$NEW" -c "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM reports WHERE text LIKE 'Отчёт % о работе %' GROUP BY assignment_id HAVING count(*) > 1) d")
STORED=$("$PGBIN/psql" -X -At "$NEW" -c "SELECT count(*) FROM reports WHERE text LIKE 'Отчёт % о работе %'")
LOST=$((ACK_COUNT - FOUND))

# The report pages go on without the standby: their pool finds the node that is left.
DASHBOARD_AFTER=$(dashboard)

# 6. A backup of the new primary, restored into an empty database: identical rows.
log "backup round trip"
"$ROADMAPCTL" backup --output "$WORK/after-failover.dump" --database-url "$URL" > "$WORK/backup.txt"
"$PGBIN/psql" -X -q "$NEW" -c "CREATE DATABASE roadmap_restored" >/dev/null
"$ROADMAPCTL" restore "$WORK/after-failover.dump" --database-url "postgresql://postgres@127.0.0.1:$N2/roadmap_restored" > "$WORK/restore.txt"
rows() { grep -E '^(public|analytics)\.' "$1"; }
TABLES=$(rows "$WORK/backup.txt" | wc -l)
if diff <(rows "$WORK/backup.txt") <(rows "$WORK/restore.txt") > "$WORK/rows.diff"; then ROUND_TRIP="identical"; else ROUND_TRIP="DIFFERENT"; fi

python3 - "$WORK/summary.txt" "$ACK_COUNT" "$LOST" "$DUPLICATED" "$STORED" "$TABLES" "$ROUND_TRIP" "$SYNC" "$HTTP2" "$GZIP" \
    "$STANDBY_BEFORE" "$STANDBY_AFTER" "$DASHBOARD_AFTER" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
acks, lost, duplicated, stored, tables, trip, sync, http2, gzip, standby_before, standby_after, dashboard_after = sys.argv[2:14]
kinds = ", ".join(f"{n} × {k}" for k, n in sorted(s["kinds"].items())) or "none"
print(f"FAILOVER: replication {sync}; proxy HTTP/{http2}, static gzip {gzip or 'off'}; standby promoted {s['promotion']} s after SIGKILL; "
      f"the school saw errors for {s['window']} s ({kinds}); reports submitted {s['submitted']}, acknowledged {acks}, "
      f"stored {stored}, lost {lost}, duplicated {duplicated}; unanswered {len(s['final'])}; "
      f"backup round trip: {tables} tables {trip}; dashboard read the standby (its connections {standby_before} → {standby_after}), "
      f"after the failover HTTP {dashboard_after}")
PY
[ "$LOST" = 0 ] && [ "$DUPLICATED" = 0 ] && [ "$ROUND_TRIP" = identical ] && [ "$ACK_COUNT" = "$REPORTS" ] && [ "$DASHBOARD_AFTER" = 200 ] \
    || { cat "$WORK/rows.diff" >&2 || true; echo "FAILOVER: a report was lost, duplicated or unanswered, or the restore differs" >&2; exit 1; }
