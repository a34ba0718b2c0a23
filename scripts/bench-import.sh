#!/usr/bin/env bash
# Measures `roadmapctl import` of a plan of ACTIONS actions for SCHOOLS schools
# (default 1,000 × 500 = 500,000 assignments) against a baseline measured in the same
# run on the same PostgreSQL: loading the same number of assignment-shaped rows with
# psql's \copy into a table with the same unique key. Prints both and their ratio.
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

python3 - "$work/plan.csv" "$work/baseline.tsv" "$actions" "$schools" <<'PY'
import sys, uuid
plan, baseline, actions, schools = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cell = ", ".join(f"МАОУ СОШ № {i}" for i in range(1, schools + 1))
with open(plan, "w", encoding="utf-8") as f:
    f.write("Планируемые действия;Ожидаемые результаты;Сроки реализации;Ответственный исполнитель\r\n")
    for i in range(1, actions + 1):
        f.write(f'"Мероприятие {i}";"Результат {i}";"Март 2019";"{cell}"\r\n')
school_ids = [uuid.uuid4() for _ in range(schools)]
with open(baseline, "w") as f:
    for i in range(actions):
        action = uuid.uuid4()
        for school in school_ids:
            f.write(f"{action}\t{school}\t1\t[2019-03-01,2019-04-01)\t2019-03-31\n")
PY

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

baseline=$(seconds psql "$url" -q -v ON_ERROR_STOP=1 -c "CREATE TABLE bench_assignments (action_id uuid, executor_id uuid, occurrence int, period daterange, due_on date, UNIQUE (action_id, executor_id, occurrence))" -c "\\copy bench_assignments FROM '$work/baseline.tsv'")
first=$(seconds $ctl import "$work/plan.csv" --order B-1 --date 2019-01-10 --issuer "Комитет образования" --database-url "$url")
second=$(seconds $ctl import "$work/plan.csv" --order B-1 --date 2019-01-10 --issuer "Комитет образования" --database-url "$url")
rows=$(psql "$url" -Atc "SELECT count(*) FROM assignments")

printf 'plan: %d actions x %d schools = %s assignments\n' "$actions" "$schools" "$rows"
printf 'baseline (psql \\copy of the same rows): %.2f s\n' "$baseline"
printf 'roadmapctl import, first:               %.2f s  (%.1fx baseline)\n' "$first" "$(echo "$first / $baseline" | bc -l)"
printf 'roadmapctl import, again (no change):   %.2f s  (%.1fx baseline)\n' "$second" "$(echo "$second / $baseline" | bc -l)"
