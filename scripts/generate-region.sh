#!/usr/bin/env bash
# Fills a migrated, empty Roadmap database with a region's worth of data (#16), the same
# rows for the same seed: 2,000 organisations, 50 orders over three years, about a million
# assignments, reports in every status and millions of history events. Then it brings the
# organisations' name keys to the service's matching rules (`roadmapctl migrate`) and checks
# that the kept status counts match a count from scratch (`roadmapctl db check-rollups`).
#
#   scripts/generate-region.sh DATABASE_URL [--seed N] [--scale F] [--today YYYY-MM-DD]
#
# --scale 1 (default) is the region; 0.01 gives a small region of the same shape. Takes
# about three minutes at scale 1 on a 2-core machine. ROADMAPCTL names the binary
# (default: build/roadmapctl, else .build/debug/roadmapctl).
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:?usage: scripts/generate-region.sh DATABASE_URL [--seed N] [--scale F] [--today YYYY-MM-DD]}
shift
seed=1 scale=1 today=$(date +%F)
while [ $# -gt 0 ]; do
    case "$1" in
        --seed) seed=$2; shift 2 ;;
        --scale) scale=$2; shift 2 ;;
        --today) today=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
ctl=${ROADMAPCTL:-}
if [ -z "$ctl" ]; then
    if [ -x build/roadmapctl ]; then ctl=build/roadmapctl; else ctl=.build/debug/roadmapctl; fi
fi
start=$(date +%s)
psql "$url" -X -q -v ON_ERROR_STOP=1 -v seed="$seed" -v scale="$scale" -v today="$today" -f scripts/generate-region.sql
"$ctl" migrate --database-url "$url" >/dev/null
"$ctl" db check-rollups --database-url "$url"
echo "Generated in $(( $(date +%s) - start )) s (seed $seed, scale $scale, as of $today)."
