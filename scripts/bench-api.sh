#!/usr/bin/env bash
# Measures the HTTP API with wrk against a baseline of the same SQL run with pgbench in
# the same run, on the same embedded PostgreSQL:
#   1. GET /v1/assignments/{id} as a school (token lookup + one assignment read), and
#   2. POST /v1/assignments/{id}/reports with an Idempotency-Key (a new report each time).
# Prints requests a second for both, and the service's share of the SQL-only rate.
#
#   scripts/bench-api.sh [SECONDS] [CONNECTIONS]
# Needs wrk and pgbench (apt-get install -y wrk postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-8}
port=${PORT:-18282}
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -n 1)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d /tmp/roadmap-bench-api.XXXXXX)
chmod 755 "$work"  # the embedded server may run as the postgres user
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product roadmapctl >/dev/null
mkdir -p build && ln -sf "$(swift build -c release --show-bin-path)/roadmapctl" build/roadmapctl
ctl=build/roadmapctl

$ctl serve --demo --port "$port" --data-dir "$work/db" --rate-limit 0 > "$work/serve.out" 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 1 120); do
    grep -q "Roadmap is serving" "$work/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 1
done
token=$(awk '$1 == "school5" { print $2 }' "$work/serve.out")
url=$($ctl db url --data-dir "$work/db")
school=00000000-0000-4000-8000-000000000003
user=$(psql "$url" -Atc "SELECT id FROM users WHERE login = 'school5'")

# Open work for the school: two actions of 50,000 occurrences each, one for the service
# and one for the baseline, so every report in either run is a legal first report.
setup() {
    psql "$url" -Atq -v ON_ERROR_STOP=1 <<SQL
WITH a AS (
    INSERT INTO actions (goal_id, position, title, deadline_text)
    SELECT id, 900 + $1, 'Нагрузка $1', 'еженедельно' FROM goals ORDER BY id LIMIT 1 RETURNING id),
s AS (
    INSERT INTO assignments (action_id, executor_id, occurrence)
    SELECT a.id, '$school', n FROM a, generate_series(1, 50000) n)
SELECT id FROM a;
SQL
}
service_action=$(setup 0)
baseline_action=$(setup 1)
psql "$url" -Atc "SELECT id FROM assignments WHERE action_id = '$service_action' ORDER BY occurrence" > "$work/ids.txt"
psql "$url" -qc "VACUUM ANALYZE"
read_id=$(psql "$url" -Atc "SELECT id FROM assignments WHERE executor_id = '$school' AND action_id NOT IN ('$service_action', '$baseline_action') LIMIT 1")

auth="WITH t AS (SELECT t.id AS token_id, t.last_used_at, u.id, u.login, u.role, u.organization_id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = sha256(convert_to('$token', 'UTF8')) AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL), touched AS (UPDATE api_tokens SET last_used_at = now() WHERE id IN (SELECT token_id FROM t WHERE last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')) SELECT id, login, role, organization_id FROM t;"
select_assignment="SELECT s.id, s.action_id, ac.title AS action_title, p.order_id, s.executor_id, o.name AS executor_name, s.occurrence, ac.deadline_text, s.period, s.due_on, s.original_due_on, s.status, s.version FROM assignments s JOIN actions ac ON ac.id = s.action_id JOIN goals g ON g.id = ac.goal_id JOIN plans p ON p.id = g.plan_id JOIN organizations o ON o.id = s.executor_id"

cat > "$work/get.sql" <<SQL
$auth
$select_assignment WHERE s.id = '$read_id';
SQL
cat > "$work/post.sql" <<SQL
\set i random(1, 50000)
\set k random(1, 2000000000)
BEGIN;
$auth
INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ('$user', 'pg-' || (:client_id)::text || '-' || (:k)::text, md5('POST report ' || (:k)::text)) ON CONFLICT DO NOTHING RETURNING key;
$select_assignment WHERE s.action_id = '$baseline_action' AND s.executor_id = '$school' AND s.occurrence = :i FOR UPDATE OF s;
INSERT INTO reports (assignment_id, submitted_by, done_on, text, evidence_urls) SELECT id, '$user', '2019-03-20', 'Семинар проведён', '{https://school5.example/news/1}' FROM assignments WHERE action_id = '$baseline_action' AND executor_id = '$school' AND occurrence = :i RETURNING id;
UPDATE assignments SET status = 'reported', status_changed_at = now(), version = version + 1, updated_at = now() WHERE action_id = '$baseline_action' AND executor_id = '$school' AND occurrence = :i;
INSERT INTO events (actor_id, entity_type, entity_id, event, reason, data) VALUES ('$user', 'report', gen_random_uuid(), 'submitted', NULL, '{"done_on": "2019-03-20"}');
INSERT INTO events (actor_id, entity_type, entity_id, event, reason, data) VALUES ('$user', 'assignment', gen_random_uuid(), 'reported', NULL, '{"to": "reported"}');
SELECT r.id, r.assignment_id, r.done_on, r.text, r.evidence_urls, r.status, r.review_comment, r.reviewed_at, r.created_at, r.version, s.executor_id FROM reports r JOIN assignments s ON s.id = r.assignment_id WHERE s.action_id = '$baseline_action' AND s.executor_id = '$school' AND s.occurrence = :i;
UPDATE idempotency_keys SET response_status = 201, response_body = '{}' WHERE user_id = '$user' AND key = 'pg-' || (:client_id)::text || '-' || (:k)::text;
END;
SQL

cat > "$work/post.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local threads = 0
function setup(thread)
    thread:set("first", threads * 25000)
    threads = threads + 1
end
local counter = 0
function request()
    counter = counter + 1
    local id = ids[first + counter]
    local headers = {
        ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = "wrk-" .. first .. "-" .. counter,
    }
    local body = '{"done_on": "2019-03-20", "text": "Семинар проведён", "evidence_urls": ["https://school5.example/news/1"]}'
    return wrk.format("POST", "/v1/assignments/" .. id .. "/reports", headers, body)
end
function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("non-2xx or failed: %d\n", errors))
end
LUA

rate() { awk '/Requests\/sec/ { print $2 }'; }
pg_rate() { awk '/^tps/ { print $3 }' | head -n 1; }

echo "wrk: $connections connections, 2 threads, ${duration}s each; pgbench: $connections clients, 2 threads, extended protocol"
get_service=$(wrk -t2 -c"$connections" -d"${duration}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/assignments/$read_id" | tee "$work/wrk-get.txt" | rate)
get_baseline=$("$pgbench" -n -M extended -c "$connections" -j 2 -T "$duration" -f "$work/get.sql" "$url" 2>"$work/pgbench-get.log" | pg_rate)
post_service=$(IDS_FILE="$work/ids.txt" TOKEN="$token" wrk -t2 -c"$connections" -d"${duration}s" -s "$work/post.lua" "http://127.0.0.1:$port" | tee "$work/wrk-post.txt" | rate)
post_baseline=$("$pgbench" -n -M extended -c "$connections" -j 2 -T "$duration" -f "$work/post.sql" "$url" 2>"$work/pgbench-post.log" | pg_rate)
[ -n "$get_baseline" ] && [ -n "$post_baseline" ] || { cat "$work"/pgbench-*.log >&2; exit 1; }
reports=$(psql "$url" -Atc "SELECT count(*) FROM reports r JOIN assignments s ON s.id = r.assignment_id WHERE s.action_id = '$service_action'")

printf '\n%-44s %12s %12s %8s\n' "" "service r/s" "SQL-only r/s" "ratio"
printf '%-44s %12.0f %12.0f %8.2f\n' "GET /v1/assignments/{id}" "$get_service" "$get_baseline" "$(echo "$get_service / $get_baseline" | bc -l)"
printf '%-44s %12.0f %12.0f %8.2f\n' "POST /v1/assignments/{id}/reports" "$post_service" "$post_baseline" "$(echo "$post_service / $post_baseline" | bc -l)"
grep -h "non-2xx\|Latency" "$work/wrk-get.txt" "$work/wrk-post.txt" | sed 's/^/  /'
echo "  reports created by the service run: $reports"
