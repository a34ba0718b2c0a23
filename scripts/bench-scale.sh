#!/usr/bin/env bash
# Region scale (#16): every page and endpoint measured with wrk at demo scale and at region
# scale (scripts/generate-region.sh: 2,000 organisations, ~1,000,000 assignments, ~10,000,000
# history events), p50 and p99 of each and the ratio between the two scales; then the import
# of 1,000 actions × 500 schools against a \copy of the same rows (scripts/bench-import.sh's
# measure, into the region database), and the service's peak RSS. Prints one table.
#
#   scripts/bench-scale.sh [SECONDS] [CONNECTIONS]
#
# Each row is measured ROUNDS times (default 3), demo and region alternating, SECONDS each
# (default 3), and the medians are printed: a burst of the machine's other work then moves one
# round of one side, not the ratio.
#
# ONLY=REGEX measures only the rows whose label matches (e.g. ONLY='order page'); IMPORT=0
# leaves out the import, for quick runs while working on a page.
#
# Release build, this machine; figures are ratios against baselines of the same run, never
# asserted in tests. REGION_DIR keeps the generated cluster between runs (generated once).
# Needs wrk, psql and bc (apt-get install -y wrk postgresql bc).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-3}
rounds=${ROUNDS:-3}
connections=${2:-1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v bc >/dev/null || { echo "bc is missing: apt-get install -y bc" >&2; exit 1; }

work=$(mktemp -d /tmp/roadmap-bench-scale.XXXXXX)
chmod 755 "$work"
region=${REGION_DIR:-$work/region}
mkdir -p "$region" && chmod 755 "$region"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    build/roadmapctl db stop --data-dir "$work/demo" >/dev/null 2>&1 || true
    [ -n "${REGION_DIR:-}" ] || build/roadmapctl db stop --data-dir "$region" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product roadmapctl >/dev/null
mkdir -p build && ln -sf "$(swift build -c release --show-bin-path)/roadmapctl" build/roadmapctl
ctl=build/roadmapctl
export ROADMAPCTL=$ctl

. scripts/lib/region.sh

# p50 and p99 in ms of GET URL with HEADER ("!" after them when an answer was not 2xx), and
# the size of one answer in KB: a page should cost what it shows.
measure() {
    local url=$1 header=$2 out
    out=$(wrk -t "$(( connections < 2 ? connections : 2 ))" -c "$connections" -d "${duration}s" --latency -H "$header" "$url")
    local p50 p99 bad=""
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    echo "$out" | grep -q "Non-2xx" && bad="!"
    local code size
    read -r code size < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "$header" "$url")
    [ "$code" = 200 ] || bad="!"
    echo "$(ms "$p50") $(ms "$p99")$bad $(echo "scale=1; $size / 1024" | bc)"
}
# The median of the figures given (each may carry the "!" of a non-2xx answer, kept if any does).
median() {
    local bad=""
    [[ "$*" == *"!"* ]] && bad="!"
    printf '%s\n' "${@%!}" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }' | sed "s/\$/$bad/"
}
ms() {
    local v=$1
    case "$v" in
        *us) echo "scale=2; ${v%us} / 1000" | bc ;;
        *ms) echo "${v%ms}" ;;
        *s) echo "scale=1; ${v%s} * 1000" | bc ;;
        *) echo "?" ;;
    esac
}

echo "Starting the demo service…" >&2
serve 18301 "$work/demo" --demo --data-dir "$work/demo"
demo_url=$($ctl db url --data-dir "$work/demo")

start_region 18302
demo_token=$(awk '$1 == "coordinator" { print $2 }' "$work/demo.out")

read -r demo_order demo_action demo_executor demo_month < <(pick "$demo_url")
read -r region_order region_action region_executor region_month < <(pick "$region_url")

demo_coord=$(cookie 18301 coordinator roadmap-demo)
demo_school=$(cookie 18301 school5 roadmap-demo)

for check in "18301|$demo_coord" "18301|$demo_school" "18302|$region_coord" "18302|$region_school"; do
    IFS='|' read -r port header <<< "$check"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "http://127.0.0.1:$port/")
    [ "$code" = 200 ] || { echo "signing in on port $port failed (HTTP $code)" >&2; exit 1; }
done

printf '\n%-40s %10s %10s %10s %10s %8s %9s %9s\n' "what (p50/p99 in ms)" "demo p50" "demo p99" "region p50" "region p99" "ratio" "demo KB" "region KB"
printf '%s\n' "------------------------------------------------------------------------------------------------------------------"
for row in "${rows[@]}"; do
    IFS='|' read -r label path who <<< "$row"
    [[ -z "${ONLY:-}" || "$label" =~ $ONLY ]] || continue
    demo_path=$(expand "$path" "$demo_order" "$demo_action" "$demo_executor" "$demo_month")
    region_path=$(expand "$path" "$region_order" "$region_action" "$region_executor" "$region_month")
    d50s=(); d99s=(); r50s=(); r99s=()
    for _ in $(seq 1 "$rounds"); do
        read -r d50 d99 dkb < <(measure "http://127.0.0.1:18301$demo_path" "$(header "$who" "$demo_coord" "$demo_school" "$demo_token")")
        read -r r50 r99 rkb < <(measure "http://127.0.0.1:18302$region_path" "$(header "$who" "$region_coord" "$region_school" "$region_token")")
        d50s+=("$d50"); d99s+=("$d99"); r50s+=("$r50"); r99s+=("$r99")
    done
    d50=$(median "${d50s[@]}"); d99=$(median "${d99s[@]}"); r50=$(median "${r50s[@]}"); r99=$(median "${r99s[@]}")
    ratio=$(echo "scale=1; ${r50%!} / ${d50%!}" | bc 2>/dev/null || echo "?")
    printf '%-40s %10s %10s %10s %10s %7sx %9s %9s\n' "$label" "$d50" "$d99" "$r50" "$r99" "$ratio" "$dkb" "$rkb"
done
rss=$(ps -o rss= -p "${pids[1]}" | tr -d ' ')
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/${pids[1]}/status")
printf '\nregion service memory: RSS %d MB now, peak %d MB\n' "$((rss / 1024))" "$((hwm / 1024))"
size=$(psql "$region_url" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")
counts=$(psql "$region_url" -Atc "SELECT format('%s organisations, %s orders, %s assignments, %s reports, %s events', (SELECT count(*) FROM organizations), (SELECT count(*) FROM orders), (SELECT count(*) FROM assignments), (SELECT count(*) FROM reports), (SELECT count(*) FROM events))")
echo "region database: $counts ($size)"
echo "(! after a figure: some answers were not 2xx)"

[ "${IMPORT:-1}" = 0 ] && exit 0
echo
echo "Import of 1,000 actions x 500 schools against a \\copy of the same rows (scripts/bench-import.sh):"
scripts/bench-import.sh 1000 500 | sed 's/^/  /'

