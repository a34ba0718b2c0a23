#!/usr/bin/env bash
# Region scale (#16): every page and endpoint measured with wrk at demo scale and at region
# scale (scripts/generate-region.sh: 2,000 organisations, ~1,000,000 assignments, ~10,000,000
# history events), p50 and p99 of each and the ratio between the two scales; then the import
# of 1,000 actions × 500 schools against a \copy of the same rows (scripts/bench-import.sh's
# measure, into the region database), and the service's peak RSS. Prints one table.
#
#   scripts/bench-scale.sh [SECONDS] [CONNECTIONS]
#
# Release build, this machine; figures are ratios against baselines of the same run, never
# asserted in tests. REGION_DIR keeps the generated cluster between runs (generated once).
# Needs wrk, psql and bc (apt-get install -y wrk postgresql bc).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-5}
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

# Starts `serve` on PORT with the remaining options; waits until it answers.
serve() {
    local port=$1 log=$2
    shift 2
    $ctl serve --port "$port" --rate-limit 0 "$@" > "$log.out" 2> "$log.err" &
    pids+=($!)
    for _ in $(seq 1 180); do
        grep -q "Roadmap is serving" "$log.out" 2>/dev/null && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log.err" >&2; exit 1; }
        sleep 1
    done
    echo "serve on $port did not start" >&2; exit 1
}

# A session cookie for LOGIN with PASSWORD on PORT ("Cookie: …" for wrk's header).
cookie() {
    local port=$1 login=$2 password=$3 jar="$work/jar-$1-$2"
    local csrf
    csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "login=$login" \
        --data-urlencode "password=$password" "http://127.0.0.1:$port/login"
    # curl marks HttpOnly cookies with a «#HttpOnly_» prefix on their line.
    echo "Cookie: $(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')"
}

# p50 and p99 in ms of GET URL with HEADER; "!" after them when an answer was not 2xx.
measure() {
    local url=$1 header=$2 out
    out=$(wrk -t "$(( connections < 2 ? connections : 2 ))" -c "$connections" -d "${duration}s" --latency -H "$header" "$url")
    local p50 p99 bad=""
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    echo "$out" | grep -q "Non-2xx" && bad="!"
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")
    [ "$code" = 200 ] || bad="!"
    echo "$(ms "$p50") $(ms "$p99")$bad"
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

if [ ! -f "$region/generated" ]; then
    echo "Generating the region (about three minutes)…" >&2
    $ctl db start --data-dir "$region" >/dev/null
    $ctl migrate --data-dir "$region" >/dev/null
    scripts/generate-region.sh "$($ctl db url --data-dir "$region")" --seed 1 >&2
    touch "$region/generated"
fi
echo "Starting the region service…" >&2
serve 18302 "$work/region-serve" --data-dir "$region"
region_url=$($ctl db url --data-dir "$region")
for login in coord01 org0001; do
    printf 'bench-password-1\n' | $ctl user passwd "$login" --password-stdin --database-url "$region_url" >/dev/null
done
region_token=$($ctl token issue coord01 --format json --database-url "$region_url" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
demo_token=$(awk '$1 == "coordinator" { print $2 }' "$work/demo.out")

# What each scale measures: its largest order, an action of it with the most executors, an
# executor of that action and a month with deadlines.
pick() {
    local url=$1
    psql "$url" -Atq -F ' ' <<'SQL'
WITH big AS (
    SELECT p.order_id, count(*) AS n FROM assignments s JOIN actions ac ON ac.id = s.action_id
    JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
    GROUP BY 1 ORDER BY 2 DESC LIMIT 1),
act AS (
    SELECT s.action_id, count(*) AS n FROM assignments s JOIN actions ac ON ac.id = s.action_id
    JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id
    WHERE p.order_id = (SELECT order_id FROM big) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1)
SELECT (SELECT order_id FROM big), (SELECT action_id FROM act),
       (SELECT executor_id FROM assignments WHERE action_id = (SELECT action_id FROM act) ORDER BY executor_id LIMIT 1),
       (SELECT to_char(min(due_on), 'YYYY-MM') FROM assignments WHERE action_id = (SELECT action_id FROM act));
SQL
}
read -r demo_order demo_action demo_executor demo_month < <(pick "$demo_url")
read -r region_order region_action region_executor region_month < <(pick "$region_url")

demo_coord=$(cookie 18301 coordinator roadmap-demo)
demo_school=$(cookie 18301 school5 roadmap-demo)
region_coord=$(cookie 18302 coord01 bench-password-1)
region_school=$(cookie 18302 org0001 bench-password-1)

for check in "18301|$demo_coord" "18301|$demo_school" "18302|$region_coord" "18302|$region_school"; do
    IFS='|' read -r port header <<< "$check"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "http://127.0.0.1:$port/")
    [ "$code" = 200 ] || { echo "signing in on port $port failed (HTTP $code)" >&2; exit 1; }
done

rows=(
    "order page|/orders/%ORDER%|coord"
    "order page, only overdue|/orders/%ORDER%?overdue=1|coord"
    "order page, one executor|/orders/%ORDER%?executor=%EXECUTOR%|coord"
    "order page, one month|/orders/%ORDER%?month=%MONTH%|coord"
    "action page (all executors, paged)|/actions/%ACTION%|coord"
    "order matrix (schools x actions)|/orders/%ORDER%/matrix|coord"
    "order matrix, only overdue|/orders/%ORDER%/matrix?overdue=1|coord"
    "dashboard|/dashboard|coord"
    "«Мои сроки», coordinator|/|coord"
    "«Мои сроки», school|/|school"
    "GET /v1/orders|/v1/orders?limit=50|token"
    "GET /v1/assignments|/v1/assignments?limit=100|token"
    "GET /v1/assignments?overdue=true|/v1/assignments?overdue=true&limit=100|token"
    "GET /v1/organizations|/v1/organizations?limit=100|token"
    "GET /v1/orders/{id}/plan|/v1/orders/%ORDER%/plan|token"
    "GET /v1/actions/{id}/assignments|/v1/actions/%ACTION%/assignments?limit=100|token"
)
expand() {
    local path=$1 order=$2 action=$3 executor=$4 month=$5
    path=${path//%ORDER%/$order}; path=${path//%ACTION%/$action}
    path=${path//%EXECUTOR%/$executor}; path=${path//%MONTH%/$month}
    echo "$path"
}
header() {
    case "$1" in
        coord) echo "$2" ;;
        school) echo "$3" ;;
        token) echo "Authorization: Bearer $4" ;;
    esac
}

printf '\n%-40s %10s %10s %10s %10s %8s\n' "what (p50/p99 in ms)" "demo p50" "demo p99" "region p50" "region p99" "ratio"
printf '%s\n' "------------------------------------------------------------------------------------------------"
for row in "${rows[@]}"; do
    IFS='|' read -r label path who <<< "$row"
    demo_path=$(expand "$path" "$demo_order" "$demo_action" "$demo_executor" "$demo_month")
    region_path=$(expand "$path" "$region_order" "$region_action" "$region_executor" "$region_month")
    read -r d50 d99 < <(measure "http://127.0.0.1:18301$demo_path" "$(header "$who" "$demo_coord" "$demo_school" "$demo_token")")
    read -r r50 r99 < <(measure "http://127.0.0.1:18302$region_path" "$(header "$who" "$region_coord" "$region_school" "$region_token")")
    ratio=$(echo "scale=1; ${r50%!} / ${d50%!}" | bc 2>/dev/null || echo "?")
    printf '%-40s %10s %10s %10s %10s %7sx\n' "$label" "$d50" "$d99" "$r50" "$r99" "$ratio"
done
rss=$(ps -o rss= -p "${pids[1]}" | tr -d ' ')
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/${pids[1]}/status")
printf '\nregion service memory: RSS %d MB now, peak %d MB\n' "$((rss / 1024))" "$((hwm / 1024))"
size=$(psql "$region_url" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")
counts=$(psql "$region_url" -Atc "SELECT format('%s organisations, %s orders, %s assignments, %s reports, %s events', (SELECT count(*) FROM organizations), (SELECT count(*) FROM orders), (SELECT count(*) FROM assignments), (SELECT count(*) FROM reports), (SELECT count(*) FROM events))")
echo "region database: $counts ($size)"
echo "(! after a figure: some answers were not 2xx)"

echo
echo "Import of 1,000 actions x 500 schools against a \\copy of the same rows (scripts/bench-import.sh):"
scripts/bench-import.sh 1000 500 | sed 's/^/  /'

