#!/usr/bin/env bash
# A/B runs of one server binary on an existing database: `/health`, then the case view, at 50
# connections; prints req/s, p99 and the server's CPU time per request (the figure least disturbed by
# other load). Alternate two binaries (or settings) several times in one session and compare medians.
#
#   bench/ab.sh NAME BINARY DATA_DIR [DURATION]
#
# DATA_DIR holds voordeur.db and voordeur.key, made with
#   build/bench-run/voordeur demo --data-dir DIR
#   build/bench-run/bench/voordeur-bench-generate --database sqlite:DIR/voordeur.db --key-file DIR/voordeur.key \
#     --cases 100000 --contacts-per-case 10
# Settings (environment):
#   AB_PORT         server port (default 18191)
#   AB_SERVE_ARGS   extra `voordeur serve` options
#   AB_ENDPOINTS    default "health case_view"
set -euo pipefail

name=$1; bin=$2; dir=$(cd "$3" && pwd); duration=${4:-8s}
port=${AB_PORT:-18191}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in wrk curl sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench/ab.sh: $tool is missing" >&2; exit 1; }
done
work=$(mktemp -d)
sqlite3 "$dir/voordeur.db" \
  "SELECT c.id FROM cases c JOIN teams t ON t.id = c.team_id WHERE t.name = 'Team A' ORDER BY c.id" >"$work/ids"
# shellcheck disable=SC2086
"$bin" serve --data-dir "$dir" --port "$port" ${AB_SERVE_ARGS:-} >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
curl -fsS -D "$work/login" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"demo-lead-a","password":"voordeur-demo"}' "http://127.0.0.1:$port/api/v1/session"
VOORDEUR_COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: *\(voordeur_session=[^;]*\).*/\1/p' "$work/login" | tr -d '\r')
export VOORDEUR_COOKIE VOORDEUR_CASE_IDS="$work/ids"
wrk -t2 -c50 -d3s -s "$root/bench/wrk/case_view.lua" "http://127.0.0.1:$port" >/dev/null  # warm-up
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for endpoint in ${AB_ENDPOINTS:-health case_view}; do
  t0=$(ticks)
  if [ "$endpoint" = health ]; then
    out=$(wrk -t2 -c50 -d"$duration" --latency "http://127.0.0.1:$port/health")
  else
    out=$(wrk -t2 -c50 -d"$duration" --latency -s "$root/bench/wrk/case_view.lua" "http://127.0.0.1:$port")
  fi
  t1=$(ticks)
  n=$(echo "$out" | awk '/ requests in /{print $1}')
  echo "$name $endpoint rps=$(echo "$out" | awk '/^Requests\/sec:/{print $2}')" \
    "p99=$(echo "$out" | awk '/^ +99% /{print $2}')" \
    "cpu_us=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / n ))" \
    "non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')" "load=$(cut -d' ' -f1 /proc/loadavg)"
  sleep 1
done
