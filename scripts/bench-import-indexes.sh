#!/usr/bin/env bash
# Where the import's floor goes (#16): the same assignment rows as scripts/bench-import.sh's
# floor (ACTIONS × SCHOOLS, already resolved to ids; an organisation is an action's executor
# through its first assignment since sql/0031) loaded with \copy straight into the real table,
# its references checked once for the whole load by a statement trigger (sql/0036), on the
# schema as migrated; then again with each
# secondary index of `assignments` dropped in turn, with all of them dropped, with all of
# them built after the load (what a partition of its own per plan would pay), and without the
# kept counts' triggers, with and without the indexes. Each against the
# same baseline as bench-import.sh: a \copy of as many assignment-shaped rows into a table
# with one unique key.
#
#   scripts/bench-import-indexes.sh [ACTIONS] [SCHOOLS] [RUNS]
#
# Each figure is the fastest of RUNS loads (default 2), each into a fresh copy of the same
# seeded database after a checkpoint; ratios are against the median of the baselines taken
# in the same run. Never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
actions=${1:-1000}
schools=${2:-500}
runs=${3:-2}
work=$(mktemp -d /tmp/roadmap-bench-indexes.XXXXXX)
chmod 755 "$work"
# Only psql's loads are timed: the debug build starts the cluster and migrates it.
swift build --product roadmapctl >/dev/null
ctl="$(swift build --show-bin-path)/roadmapctl"
trap '"$ctl" db stop --data-dir "$work/db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
$ctl db start --data-dir "$work/db" >/dev/null
$ctl migrate --data-dir "$work/db" >/dev/null
url=$($ctl db url --data-dir "$work/db")
at() { echo "${url/\/\/\/roadmap/\/\/\/$1}"; }
sql() { psql "$(at "$1")" -qAt -v ON_ERROR_STOP=1 "${@:2}"; }

python3 scripts/lib/floor-rows.py "$work" "$actions" "$schools"

# The seeded template: the migrated schema, the schools, one order, plan, goal and its actions.
sql roadmap -c "ALTER DATABASE roadmap IS_TEMPLATE true" >/dev/null
sql roadmap -v schools="$schools" -v actions="$actions" -f scripts/lib/floor-seed.sql
# Secondary indexes: every index of the table but its primary key and unique key.
mapfile -t indexes < <(sql roadmap -c "
    SELECT i.indexrelid::regclass FROM pg_index i
    WHERE i.indrelid = 'assignments'::regclass AND NOT i.indisunique
    ORDER BY i.indrelid::regclass::text, 1")
definitions=$(sql roadmap -c "
    SELECT string_agg(pg_get_indexdef(i.indexrelid), '; ') FROM pg_index i
    WHERE i.indrelid = 'assignments'::regclass AND NOT i.indisunique")

load_sql() { # $1: the executors' \copy (or nothing); $2: SQL run after the load, inside the timing
    cat <<SQL
\\set ON_ERROR_STOP 1
BEGIN;
$1
\\copy assignments (id, action_id, executor_id, occurrence, period, due_on, original_due_on, executor_position, source_text) FROM '$work/floor-assignments.tsv'
$2
COMMIT;
SQL
}
# Since sql/0031 an organisation is an action's executor through its first assignment: no
# executor rows are loaded (persons, the only ones left, are not in the floor).
executors_copy=""

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
baselines=()
baseline() {
    sql postgres -c "DROP DATABASE IF EXISTS b" -c "CREATE DATABASE b" >/dev/null
    sql b -c "CREATE TABLE bench_assignments (action_id uuid, executor_id uuid, occurrence int, period daterange, due_on date, UNIQUE (action_id, executor_id, occurrence))"
    sql postgres -c CHECKPOINT
    baselines+=("$(seconds sql b -c "\\copy bench_assignments FROM '$work/baseline.tsv'")")
}
# measure LABEL DDL EXECUTORS AFTER: the fastest of $runs loads into fresh copies of the template.
results=()
measure() {
    local best="" t
    for _ in $(seq "$runs"); do
        sql postgres -c "DROP DATABASE IF EXISTS f" -c "CREATE DATABASE f TEMPLATE roadmap" >/dev/null
        [ -z "$2" ] || sql f -c "$2" >/dev/null
        sql postgres -c CHECKPOINT
        load_sql "$3" "$4" > "$work/load.sql"
        t=$(seconds sql f -f "$work/load.sql")
        if [ -z "$best" ] || (( $(echo "$t < $best" | bc) )); then best=$t; fi
    done
    results+=("$1|$best")
    baseline
}

baseline
measure "the schema as migrated (the floor)" "" "$executors_copy" ""
for index in "${indexes[@]}"; do
    measure "without $index" "DROP INDEX $index" "$executors_copy" ""
done
drop_all=$(printf 'DROP INDEX %s; ' "${indexes[@]}")
measure "without any secondary index" "$drop_all" "$executors_copy" ""
measure "secondary indexes built after the load" "$drop_all" "$executors_copy" "$definitions;"
# The kept counts' statement triggers (sql/0021, 0031–0034) read the new rows from their
# transition tables; without them, what the rows, the keys and the indexes cost alone.
no_triggers="ALTER TABLE assignments DISABLE TRIGGER USER; ALTER TABLE assignments ENABLE TRIGGER assignments_check_references_insert;"
measure "without the kept counts' triggers" "$no_triggers" "$executors_copy" ""
measure "without any secondary index nor the triggers" "$drop_all $no_triggers" "$executors_copy" ""

median=$(printf '%s\n' "${baselines[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
printf 'rows: %d actions x %d schools; baseline (\\copy into one unique key), median of %d: %.2f s\n\n' \
    "$actions" "$schools" "${#baselines[@]}" "$median"
printf '%-60s %9s %9s\n' "load" "seconds" "ratio"
for result in "${results[@]}"; do
    printf '%-60s %9.2f %8.1fx\n' "${result%%|*}" "${result##*|}" "$(echo "${result##*|} / $median" | bc -l)"
done
