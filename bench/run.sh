#!/usr/bin/env bash
# End-to-end benchmark of the Voordeur server (see bench/README.md and docs/benchmarks.md):
# builds with -DVOORDEUR_BENCH=ON, fills a temporary SQLite database (voordeur demo +
# voordeur-bench-generate), runs the Google Benchmark of the store queries, starts the server with
# its default settings, logs in as demo-lead-a and runs wrk against /health, the case view and the
# team's case list at each connection count, in several interleaved rounds. Prints a markdown table
# of the medians over the rounds and keeps every raw output under the results folder.
#
# wrk runs on the same machine (and cores) as the server, so both compete for the CPU.
#
# Settings (environment):
#   BENCH_BUILD_DIR          build folder (default build/bench-run, inside the git-ignored build/)
#   BENCH_SKIP_BUILD=1       use the binaries already in BENCH_BUILD_DIR
#   BENCH_DATABASE           an empty PostgreSQL database URL instead of the temporary SQLite file
#   BENCH_CASES              generated cases (default 100000)
#   BENCH_CONTACTS_PER_CASE  contacts per case on average (default 10)
#   BENCH_DURATION           wrk duration per run (default 15s)
#   BENCH_CONNECTIONS        connection counts (default "50 200")
#   BENCH_ROUNDS             rounds of all runs; medians are taken over them (default 3)
#   BENCH_TIMEOUT            wrk request timeout (default 10s; slower requests count as timeouts)
#   BENCH_PORT               server port (default 18090)
#   BENCH_SKIP_GOOGLE=1      skip the Google Benchmark
#   BENCH_RESULTS            results folder (default build/bench-results/<date-time>)
#   BENCH_SERVER_LOG         file for the server's log (default: discarded; it logs every request)
#   BENCH_KEEP=1             keep the temporary folder with the database
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench-run}
database=${BENCH_DATABASE:-}
cases=${BENCH_CASES:-100000}
per_case=${BENCH_CONTACTS_PER_CASE:-10}
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-50 200}
rounds=${BENCH_ROUNDS:-3}
timeout=${BENCH_TIMEOUT:-10s}
port=${BENCH_PORT:-18090}
results=${BENCH_RESULTS:-$root/build/bench-results/$(date +%Y%m%d-%H%M%S)}
server_log=${BENCH_SERVER_LOG:-/dev/null}
base="http://127.0.0.1:$port"

die() { echo "bench/run.sh: $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

for tool in cmake wrk curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install $tool)"
done
if [ -z "$database" ]; then
  command -v sqlite3 >/dev/null || die "sqlite3 is missing (apt-get install sqlite3)"
else
  command -v psql >/dev/null || die "psql is missing (apt-get install postgresql-client)"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port is in use; set BENCH_PORT"
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  note "building in $build"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVOORDEUR_BENCH=ON >/dev/null
  cmake --build "$build" -j2 --target voordeur voordeur-bench-generate case_view_bench >/dev/null
fi
voordeur=$build/voordeur
generate=$build/bench/voordeur-bench-generate
google=$build/bench/case_view_bench
for program in "$voordeur" "$generate" "$google"; do
  [ -x "$program" ] || die "$program is missing; build with -DVOORDEUR_BENCH=ON"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/voordeur-bench.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "bench/run.sh: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
mkdir -p "$results"

if [ -z "$database" ]; then
  database="sqlite:$work/bench.db"
  sql() { sqlite3 "${database#sqlite:}" "$1"; }
else
  sql() { psql "$database" -Atqc "$1"; }
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  changes=
  if [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]; then changes=' (with local changes)'; fi
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$changes"
  echo "cpu: $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "os: $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
  echo "sqlite: $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "database: ${database%%\?*}"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/machine.txt" >&2

note "demo data and $cases generated cases"
if ! (cd "$work" && "$voordeur" demo --database "$database" >"$work/demo.log" 2>&1); then
  cat "$work/demo.log" >&2
  die "voordeur demo failed"
fi
"$generate" --database "$database" --key-file "$work/data/voordeur.key" --cases "$cases" \
  --contacts-per-case "$per_case" 2>/dev/null |
  tee "$results/generate.txt" >&2

# demo-lead-a sees only Team A's cases; another team's id would answer 404.
sql "SELECT c.id FROM cases c JOIN teams t ON t.id = c.team_id WHERE t.name = 'Team A' ORDER BY c.id" \
  >"$work/team_a_ids.txt"
[ -s "$work/team_a_ids.txt" ] || die "no Team A cases found"

if [ "${BENCH_SKIP_GOOGLE:-0}" != 1 ]; then
  note "Google Benchmark (store queries, no HTTP)"
  VOORDEUR_BENCH_DATABASE="$database" VOORDEUR_BENCH_KEY_FILE="$work/data/voordeur.key" "$google" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    2>&1 | tee "$results/google_benchmark.txt" >&2
fi

note "starting the server (default io and worker threads)"
(cd "$work" && exec "$voordeur" serve --database "$database" --port "$port" 2>"$server_log" >&2) &
server_pid=$!
for _ in $(seq 3000); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || die "the server stopped; run with BENCH_SERVER_LOG=server.log to see why"
  sleep 0.2
done
curl -fs "$base/health" >/dev/null || die "the server did not answer /health"

curl -fsS -D "$work/login.headers" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"demo-lead-a","password":"voordeur-demo"}' "$base/api/v1/session" || die "login failed"
cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: *\(voordeur_session=[^;]*\).*/\1/p' "$work/login.headers" | tr -d '\r')
[ -n "$cookie" ] || die "no voordeur_session cookie in the login answer"
export VOORDEUR_COOKIE=$cookie VOORDEUR_CASE_IDS=$work/team_a_ids.txt
first_id=$(head -1 "$work/team_a_ids.txt")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/api/v1/cases/$first_id")
[ "$status" = 200 ] || die "GET /api/v1/cases/$first_id answered $status, expected 200"

# endpoint -> wrk arguments after the common ones
wrk_target() {
  case $1 in
    health) echo "$base/health" ;;
    case_view) echo "-s $root/bench/wrk/case_view.lua $base" ;;
    team_list) echo "-s $root/bench/wrk/team_list.lua $base" ;;
  esac
}

# CPU time (user + system) the server process has used so far, in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# Waits (up to 2 minutes) until the server uses less than 5% of a core: requests still queued in the
# server when wrk stops (the server finishes them although their connections are gone) must not
# run into the next measurement.
wait_until_idle() {
  local before after
  for _ in $(seq 120); do
    before=$(server_ticks)
    sleep 1
    after=$(server_ticks)
    [ $((after - before)) -lt $((ticks_per_second / 20 + 1)) ] && return 0
  done
  echo "bench/run.sh: the server is still busy after 2 minutes" >&2
}

# Prints "req/s p50_ms p99_ms non_2xx socket_errors requests" of one wrk output.
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
      return v
    }
    /^ +50% / { p50 = ms($2) }
    /^ +99% / { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, bad, errors, requests }
  ' "$1"
}

endpoints="health case_view team_list"
note "warm-up: 5 s per endpoint at 50 connections"
for endpoint in $endpoints; do
  # shellcheck disable=SC2046
  wrk -t2 -c50 -d5s --timeout "$timeout" $(wrk_target "$endpoint") >/dev/null
  wait_until_idle
done

runs=$results/runs.tsv
echo -e "round\tendpoint\tconnections\treq_s\tp50_ms\tp99_ms\tnon_2xx\tsocket_errors\tload1\tserver_cpu_us_per_req" \
  >"$runs"
for round in $(seq "$rounds"); do
  for c in $connections; do
    for endpoint in $endpoints; do
      out=$results/wrk-$endpoint-c$c-r$round.txt
      load1=$(cut -d' ' -f1 /proc/loadavg)
      ticks_before=$(server_ticks)
      # shellcheck disable=SC2046
      wrk -t2 -c"$c" -d"$duration" --timeout "$timeout" --latency $(wrk_target "$endpoint") >"$out"
      ticks_after=$(server_ticks)
      read -r rps p50 p99 bad errors requests < <(parse_wrk "$out")
      # Server CPU per answered request: unlike req/s, hardly affected by other load on the machine.
      cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$ticks_per_second" -v n="$requests" \
        'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')
      echo -e "$round\t$endpoint\t$c\t$rps\t$p50\t$p99\t$bad\t$errors\t$load1\t$cpu_us" | tee -a "$runs" >&2
      wait_until_idle
    done
  done
done

rss_kib=$(ps -o rss= -p "$server_pid" | tr -d ' ')
hwm_kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status")
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt" >&2

awk -F'\t' -v rss="$rss_kib" -v hwm="$hwm_kib" -v rounds="$rounds" -v duration="$duration" '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR == 1 { next }
  {
    key = $2 SUBSEP $3
    if (!(key in rps)) { order[++keys] = key }
    rps[key] = rps[key] " " $4; p50[key] = p50[key] " " $5; p99[key] = p99[key] " " $6
    bad[key] += $7; errors[key] += $8; cpu[key] = cpu[key] " " $10
    round_rps[$1, $2, $3] = $4
    conns[$3] = 1; roundset[$1] = 1
  }
  END {
    printf "| endpoint | connections | req/s | p50 ms | p99 ms | non-2xx | socket errors | server CPU µs/req |\n"
    printf "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    for (k = 1; k <= keys; k++) {
      split(order[k], part, SUBSEP)
      printf "| %s | %s | %.0f | %.2f | %.2f | %d | %d | %.0f |\n", part[1], part[2], median(rps[order[k]]),
             median(p50[order[k]]), median(p99[order[k]]), bad[order[k]], errors[order[k]], median(cpu[order[k]])
    }
    printf "\nMedians of %d rounds of %s per run; non-2xx and socket errors summed over the rounds.\n", rounds, duration
    printf "Server RSS after the runs: %.0f MiB (peak %.0f MiB).\n\n", rss / 1024, hwm / 1024
    for (c in conns) {
      list = ""
      for (r in roundset) {
        if ((r, "health", c) in round_rps && round_rps[r, "health", c] > 0) {
          list = list " " round_rps[r, "case_view", c] / round_rps[r, "health", c]
        }
      }
      ratio[c] = median(list)
      printf "Case view / health throughput at %s connections: %.1f%% (median of the per-round ratios)\n", c, 100 * ratio[c]
    }
    key = "case_view" SUBSEP "50"
    if (key in p99) {
      p = median(p99[key])
      printf "\nTarget (case view >= 40%% of /health req/s with p99 <= 10 ms at 50 connections): %s (%.1f%%, p99 %.2f ms)\n",
             (ratio[50] >= 0.40 && p <= 10 ? "met" : "NOT met"), 100 * ratio[50], p
    }
  }
' "$runs" | tee "$results/summary.md"
echo "bench/run.sh: raw outputs in $results" >&2
