#!/usr/bin/env bash
# Measures `roadmapctl import` of a plan of ACTIONS actions for SCHOOLS schools
# (default 1,000 × 500 = 500,000 assignments) against a baseline measured in the same
# run on the same PostgreSQL: loading the same number of assignment-shaped rows with
# psql's \copy into a table with the same unique key. Prints both and their ratio.
#
# It also measures the floor any import of these rows has on this schema: the same assignment
# rows (each organisation's first one is its executor row), already resolved to ids, loaded
# with \copy straight into the real table of an empty database, their actions and executors
# checked once for the whole load by the table's statement trigger, as the import's are. What separates the baseline from the floor is the tables' own upkeep (their indexes
# and kept counts); what separates the floor from the import is the import's own work.
#
#   scripts/bench-import.sh [ACTIONS] [SCHOOLS]
set -euo pipefail
cd "$(dirname "$0")/.."
actions=${1:-1000}
schools=${2:-500}
work=$(mktemp -d /tmp/roadmap-bench.XXXXXX)
chmod 755 "$work"  # the embedded server may run as the postgres user
trap 'build/roadmapctl db stop --data-dir "$work/db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

swift build -c release --product roadmapctl >/dev/null
mkdir -p build && ln -sf "$(swift build -c release --show-bin-path)/roadmapctl" build/roadmapctl
ctl=build/roadmapctl

$ctl db start --data-dir "$work/db" >/dev/null
$ctl migrate --data-dir "$work/db" >/dev/null
url=$($ctl db url --data-dir "$work/db")

python3 - "$work/plan.csv" "$actions" "$schools" <<'PY'
import sys
plan, actions, schools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cell = ", ".join(f"МАОУ СОШ № {i}" for i in range(1, schools + 1))
with open(plan, "w", encoding="utf-8") as f:
    f.write("Планируемые действия;Ожидаемые результаты;Сроки реализации;Ответственный исполнитель\r\n")
    for i in range(1, actions + 1):
        f.write(f'"Мероприятие {i}";"Результат {i}";"Март 2019";"{cell}"\r\n')
PY
# The baseline's rows and the floor's (ids increasing as the import's are, organisations and
# actions made by scripts/lib/floor-seed.sql with the ids they use).
python3 scripts/lib/floor-rows.py "$work" "$actions" "$schools"

cat > "$work/floor.sql" <<SQL
\\set ON_ERROR_STOP 1
BEGIN;
\\i $PWD/scripts/lib/floor-seed.sql
SELECT extract(epoch FROM clock_timestamp()) AS started \\gset
\\copy assignments (id, action_id, executor_id, occurrence, period, due_on, original_due_on, executor_position, source_text) FROM '$work/floor-assignments.tsv'
SELECT extract(epoch FROM clock_timestamp()) - :started AS seconds \\gset
\\echo :seconds
COMMIT;
SQL

# Each measured step starts after a checkpoint, so that none pays for the WAL of the one
# before it (a checkpoint in the middle of a load makes every page's first change write
# the whole page again).
checkpoint() { psql "$url" -q -c "CHECKPOINT"; }
seconds() { local start end; checkpoint; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

baseline=$(seconds psql "$url" -q -v ON_ERROR_STOP=1 -c "CREATE TABLE bench_assignments (action_id uuid, executor_id uuid, occurrence int, period daterange, due_on date, UNIQUE (action_id, executor_id, occurrence))" -c "\\copy bench_assignments FROM '$work/baseline.tsv'")
# The floor, in a database of its own, empty as the import's is.
psql "$url" -q -c "CREATE DATABASE floor"
floor_url=${url/\/\/\/roadmap/\/\/\/floor}
$ctl migrate --database-url "$floor_url" >/dev/null
checkpoint
floor=$(psql "$floor_url" -qAt -v schools="$schools" -v actions="$actions" -f "$work/floor.sql" | tail -n 1)
psql "$url" -q -c "DROP DATABASE floor"
# A reader asks for one school's assignments every 0.2 s during the first import; the longest
# it waited is printed. Since sql/0036 an import takes no lock a reader waits for (before, one of
# 20,000 assignments or more held the table exclusively until it committed). The probe's own
# psql processes cost the import a few hundredths of its time.
probe() {
    local worst=0 start end took
    while [ ! -f "$work/probe.stop" ]; do
        start=$(date +%s.%N)
        psql "$url" -qAtc "SELECT count(*) FROM assignments WHERE executor_id = '00000000-0000-0000-0000-000000000000'" >/dev/null
        end=$(date +%s.%N); took=$(echo "$end - $start" | bc)
        worst=$(echo "if ($took > $worst) $took else $worst" | bc)
        sleep 0.2
    done
    echo "$worst" > "$work/probe.worst"
}
probe & probe_pid=$!
first=$(seconds $ctl import "$work/plan.csv" --order B-1 --date 2019-01-10 --issuer "Комитет образования" --database-url "$url")
touch "$work/probe.stop"; wait "$probe_pid"
second=$(seconds $ctl import "$work/plan.csv" --order B-1 --date 2019-01-10 --issuer "Комитет образования" --database-url "$url")
rows=$(psql "$url" -Atc "SELECT count(*) FROM assignments")

printf 'plan: %d actions x %d schools = %s assignments\n' "$actions" "$schools" "$rows"
printf 'baseline (psql \\copy of the same rows): %.2f s\n' "$baseline"
printf 'floor (the same rows by \\copy into the real tables): %.2f s  (%.1fx baseline)\n' "$floor" "$(echo "$floor / $baseline" | bc -l)"
printf 'roadmapctl import, first:               %.2f s  (%.1fx baseline, %.1fx the floor)\n' "$first" "$(echo "$first / $baseline" | bc -l)" "$(echo "$first / $floor" | bc -l)"
printf 'a reader during the first import, its longest wait: %.2f s\n' "$(cat "$work/probe.worst")"
printf 'roadmapctl import, again (no change):   %.2f s  (%.1fx baseline)\n' "$second" "$(echo "$second / $baseline" | bc -l)"
