#!/usr/bin/env bash
# Point-in-time recovery with pgBackRest (#18), on loopback only, in a folder of its own:
#   a PostgreSQL cluster archiving its WAL into a pgBackRest repository, a full backup,
#   the demo loaded, school № 5 reports its work (A), the moment T is noted, the centre
#   reports its own (B); then the backup is restored to T into a new data folder and
#   started: A is there, B is not, and every other table has the rows it had at T.
# Usage: scripts/test-pitr.sh [ROADMAPCTL]   (default .build/debug/roadmapctl)
# Needs: PostgreSQL's server programs and pgbackrest (apt-get install postgresql pgbackrest).
# Prints one line «PITR: …» with the figures; exits non-zero on any difference.
set -euo pipefail
ROADMAPCTL=$(readlink -f "${1:-.build/debug/roadmapctl}")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v pgbackrest >/dev/null || { echo "pgbackrest is not installed (apt-get install pgbackrest)" >&2; exit 3; }
WORK=$(mktemp -d /tmp/pitr-XXXXXX)
PORT=$((20000 + RANDOM % 20000))
PORT2=$((PORT + 1))
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
    as_pg "$PGBIN/pg_ctl" -D "$WORK/restored" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/run" "$WORK/repo" "$WORK/log" "$WORK/lock"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK"

cat > "$WORK/pgbackrest.conf" <<CONF
[global]
repo1-path=$WORK/repo
repo1-retention-full=2
log-path=$WORK/log
lock-path=$WORK/lock
log-level-console=warn
start-fast=y
archive-async=n

[roadmap]
pg1-path=$WORK/data
pg1-port=$PORT
pg1-socket-path=$WORK/run
pg1-user=postgres
CONF
[ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pgbackrest.conf"
BR="pgbackrest --config=$WORK/pgbackrest.conf --stanza=roadmap"

as_pg "$PGBIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 >/dev/null
cat >> "$WORK/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $PORT
unix_socket_directories = '$WORK/run'
wal_level = replica
archive_mode = on
archive_command = '$BR archive-push %p'
archive_timeout = 60
max_wal_senders = 3
CONF
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data.log" -w start >/dev/null
psql_at() { "$PGBIN/psql" -X -q -At "postgresql:///$2?host=$WORK/run&port=$1&user=postgres" -c "$3"; }
psql_at "$PORT" postgres "CREATE DATABASE roadmap" >/dev/null
URL="postgresql:///roadmap?host=$WORK/run&port=$PORT&user=postgres"

as_pg $BR stanza-create >/dev/null
as_pg $BR check >/dev/null
as_pg $BR backup --type=full >/dev/null

# The demo, loaded by serve (which then stops), and two reports by school № 5 around T.
"$ROADMAPCTL" serve --demo --database-url "$URL" --port 0 > "$WORK/serve.log" 2>&1 &
SERVE=$!
for _ in $(seq 1 120); do grep -q "is serving on" "$WORK/serve.log" && break; sleep 0.5; done
kill -INT "$SERVE"; wait "$SERVE" || true
# The demo's centre gets a user of its own: school № 5 reports A, the centre B.
"$ROADMAPCTL" user add centre --role executor --organization "МКУ «Центр сопровождения образовательной деятельности»" --database-url "$URL" >/dev/null
open_work() {
    "$ROADMAPCTL" status --as "$1" --format json --database-url "$URL" \
        | python3 -c 'import json,sys; print(next(a["id"] for a in json.load(sys.stdin) if a["status"] in ("planned","in_progress","returned")))'
}
A=$(open_work school5)
B=$(open_work centre)
"$ROADMAPCTL" report submit "$A" --done-on 2019-03-20 --text "Отчёт A, до момента T" --as school5 --database-url "$URL" >/dev/null
sleep 1
T=$(psql_at "$PORT" roadmap "SELECT clock_timestamp()")
BEFORE=$(psql_at "$PORT" roadmap "SELECT (SELECT count(*) FROM reports) || ' ' || (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM assignments)")
sleep 1
"$ROADMAPCTL" report submit "$B" --done-on 2019-03-21 --text "Отчёт B, после момента T" --as centre --database-url "$URL" >/dev/null
AFTER=$(psql_at "$PORT" roadmap "SELECT count(*) FROM reports")
# Close the WAL segment holding B so the archive reaches past T.
psql_at "$PORT" roadmap "SELECT pg_switch_wal()" >/dev/null
sleep 2
as_pg $BR check >/dev/null

# Restore to T into a new data folder and start it on another port.
as_pg $BR restore --pg1-path="$WORK/restored" --type=time --target="$T" --target-action=promote >/dev/null
sed -i "s/^port = $PORT\$/port = $PORT2/; s/^archive_mode = on\$/archive_mode = off/" "$WORK/restored/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/restored" -l "$WORK/restored.log" -w -t 120 start >/dev/null
for _ in $(seq 1 60); do [ "$(psql_at "$PORT2" roadmap "SELECT pg_is_in_recovery()")" = f ] && break; sleep 0.5; done
RESTORED=$(psql_at "$PORT2" roadmap "SELECT (SELECT count(*) FROM reports) || ' ' || (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM assignments)")
HAS_A=$(psql_at "$PORT2" roadmap "SELECT count(*) FROM reports WHERE text = 'Отчёт A, до момента T'")
HAS_B=$(psql_at "$PORT2" roadmap "SELECT count(*) FROM reports WHERE text = 'Отчёт B, после момента T'")
echo "PITR: target $T; reports at T $(echo "$BEFORE" | cut -d' ' -f1), after B $AFTER; restored (reports events assignments) $RESTORED, at T $BEFORE; report A $HAS_A, report B $HAS_B"
[ "$RESTORED" = "$BEFORE" ] && [ "$HAS_A" = 1 ] && [ "$HAS_B" = 0 ] || { echo "PITR: the restored database differs from the moment T" >&2; exit 1; }
