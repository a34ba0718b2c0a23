# Shared by scripts/bench-scale.sh and scripts/explain-pages.sh: starting the service,
# signing in, what each scale measures, and the pages and endpoints measured. Sourced after
# `work`, `ctl` and `pids` are set.

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

# The header a row's WHO measures with: the coordinator's cookie, the school's, or the token.
header() {
    case "$1" in
        coord) echo "$2" ;;
        school) echo "$3" ;;
        token) echo "Authorization: Bearer $4" ;;
    esac
}

# Generates the region once, in $region (kept between runs when REGION_DIR names it).
generate_region() {
    if [ ! -f "$region/generated" ]; then
        echo "Generating the region (about three minutes)…" >&2
        $ctl db start --data-dir "$region" >/dev/null
        $ctl migrate --data-dir "$region" >/dev/null
        scripts/generate-region.sh "$($ctl db url --data-dir "$region")" --seed 1 >&2
        touch "$region/generated"
    fi
}

# Generates the region if needed, serves it on PORT, and sets region_url, region_token,
# region_coord and region_school.
start_region() {
    local port=$1
    generate_region
    echo "Starting the region service…" >&2
    serve "$port" "$work/region-serve" --data-dir "$region"
    region_url=$($ctl db url --data-dir "$region")
    for login in coord01 org0001; do
        printf 'bench-password-1\n' | $ctl user passwd "$login" --password-stdin --database-url "$region_url" >/dev/null
    done
    region_token=$($ctl token issue coord01 --format json --database-url "$region_url" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    region_coord=$(cookie "$port" coord01 bench-password-1)
    region_school=$(cookie "$port" org0001 bench-password-1)
}
