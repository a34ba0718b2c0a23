#!/usr/bin/env bash
# Every page's and endpoint's queries on the generated region, as PostgreSQL ran them (#16):
# auto_explain logs each statement's plan with actual rows and times while each page of
# scripts/lib/region.sh's list is requested once (after one warm-up request); the report
# lists per page each statement's time and the scans its plan used, and marks a sequential
# scan that reads or discards more than 10,000 rows. Markdown on stdout.
#
#   REGION_DIR=/tmp/region scripts/explain-pages.sh > docs/region-explain.md
#
# Release build; the region is generated once as scripts/bench-scale.sh does. auto_explain
# is switched on for the run (ALTER SYSTEM) and off again at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/roadmap-explain.XXXXXX)
chmod 755 "$work"
region=${REGION_DIR:-$work/region}
mkdir -p "$region" && chmod 755 "$region"
pids=()
region_url=""
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    if [ -n "$region_url" ]; then
        psql "$region_url" -qc "ALTER SYSTEM RESET session_preload_libraries" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
            -c "ALTER SYSTEM RESET auto_explain.log_analyze" -c "SELECT pg_reload_conf()" >/dev/null 2>&1 || true
    fi
    [ -n "${REGION_DIR:-}" ] || build/roadmapctl db stop --data-dir "$region" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product roadmapctl >/dev/null
mkdir -p build && ln -sf "$(swift build -c release --show-bin-path)/roadmapctl" build/roadmapctl
ctl=build/roadmapctl
. scripts/lib/region.sh

generate_region
$ctl db start --data-dir "$region" >/dev/null 2>&1 || true
url=$($ctl db url --data-dir "$region")
# Sessions opened from now on (the service's) load auto_explain; its settings are known to a
# session that has loaded it.
psql "$url" -qc "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" -c "SELECT pg_reload_conf()" >/dev/null
psql "$url" -qc "ALTER SYSTEM SET auto_explain.log_min_duration = -1" -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
    -c "SELECT pg_reload_conf()" >/dev/null
start_region 18303
read -r order action executor month < <(pick "$region_url")
log="$region/postgresql.log"

explain() {  # LABEL PATH HEADER: one warm-up request, then one explained
    local label=$1 path=$2 header=$3
    curl -s -o /dev/null -H "$header" "http://127.0.0.1:18303$path"
    psql "$region_url" -qc "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.3
    psql "$region_url" -qc "DO \$\$ BEGIN RAISE LOG 'explain-page %', \$q\$$label|$path\$q\$; END \$\$" >/dev/null
    curl -s -o /dev/null -H "$header" "http://127.0.0.1:18303$path"
    psql "$region_url" -qc "ALTER SYSTEM SET auto_explain.log_min_duration = -1" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.3
}
start_line=$(wc -l < "$log")
for row in "${rows[@]}"; do
    IFS='|' read -r label path who <<< "$row"
    explain "$label" "$(expand "$path" "$order" "$action" "$executor" "$month")" "$(header "$who" "$region_coord" "$region_school" "$region_token")"
done
counts=$(psql "$region_url" -Atc "SELECT format('%s organisations, %s assignments, %s reports, %s events', (SELECT count(*) FROM organizations), (SELECT count(*) FROM assignments), (SELECT count(*) FROM reports), (SELECT count(*) FROM events))")
tail -n "+$((start_line + 1))" "$log" | python3 scripts/lib/explain-report.py "$counts"
