#!/usr/bin/env bash
# Runs every test of Voordeur against the build in build/ (make build first; `make test` does both):
#   ctest           C++ unit and store tests; store tests also on PostgreSQL via VOORDEUR_TEST_PG_URL
#   web unit        npm test in web/, when web/package.json has a test script
#   api (sqlite)    tests/api against the real binary on temporary SQLite files
#   api (postgresql) the same tests on the throw-away PostgreSQL cluster
#   browser         tests/browser against a server with demo data on SQLite
# One PostgreSQL cluster (scripts/pg-cluster.sh) serves the whole run and is always removed at the
# end, as is every server this script starts. Prints a table per suite and, last, "N passed, M failed".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
binary="$root/build/voordeur"
work=$(mktemp -d "${TMPDIR:-/tmp}/voordeur-test.XXXXXX")

names=()
results=()
notes=()
groups=()

cleanup() {
  local pid
  for pid in "${groups[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null
  done
  bash "$root/scripts/pg-cluster.sh" stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

record() { names+=("$1"); results+=("$2"); notes+=("$3"); }

forget_group() {
  local kept=() g
  for g in "${groups[@]}"; do [ "$g" = "$1" ] || kept+=("$g"); done
  groups=("${kept[@]}")
}

# run_suite NAME SECONDS COMMAND...: runs COMMAND under a time limit in a process group of its own,
# then ends whatever it left behind (servers of a crashed test run included).
run_suite() {
  local name=$1 limit=$2
  shift 2
  echo
  echo "=== $name ==="
  local started=$SECONDS
  timeout --kill-after=30 "$limit" "$@" </dev/null &
  local pid=$!
  groups+=("$pid")
  wait "$pid"
  local rc=$?
  kill -KILL -- "-$pid" 2>/dev/null
  forget_group "$pid"
  local took="$((SECONDS - started))s"
  if [ $rc -eq 0 ]; then
    record "$name" passed "$took"
  elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    record "$name" failed "$took, stopped after the limit of ${limit}s"
  else
    record "$name" failed "$took, exit code $rc"
  fi
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# wait_health PORT PID: waits up to 30 s for GET /health to answer 200 while PID lives.
wait_health() {
  local port=$1 pid=$2 i status
  for i in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 1
    status=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" &&
      printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 &&
      head -n 1 <&3) 2>/dev/null)
    [[ "$status" == *" 200 "* ]] && return 0
    sleep 0.1
  done
  return 1
}

has_npm_script() {
  [ -f "$1/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).scripts?.[process.argv[2]] ? 0 : 1)' \
      "$root/$1/package.json" "$2"
}

# The browser suite needs a server of its own, with demo data, for the whole of its run.
browser_suite() {
  local dir="$work/browser"
  mkdir -p "$dir"
  local database="sqlite:$dir/voordeur.db" port
  port=$(free_port)
  "$binary" demo --database "$database" --key-file "$dir/voordeur.key" >"$dir/demo.log" 2>&1 || { cat "$dir/demo.log"; return 1; }
  "$binary" serve --database "$database" --key-file "$dir/voordeur.key" --data-dir "$dir" --port "$port" \
    --static-dir "$root/web/dist" >"$dir/server.log" 2>&1 &
  local server=$!
  if ! wait_health "$port" "$server"; then
    echo "browser: the server did not answer /health; its log:"
    cat "$dir/server.log"
    kill "$server" 2>/dev/null
    return 1
  fi
  # The browser tests use the server at VOORDEUR_URL; their npm test script names the test files.
  if has_npm_script tests/browser test; then
    (cd tests/browser && VOORDEUR_URL="http://127.0.0.1:$port" npm test)
  else
    (cd tests/browser && VOORDEUR_URL="http://127.0.0.1:$port" node --test)
  fi
  local rc=$?
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  return $rc
}

echo "=== PostgreSQL test cluster ==="
pg_ok=no
if bash scripts/pg-cluster.sh start; then
  pg_ok=yes
  pg_store_url=$(bash scripts/pg-cluster.sh url store)
  pg_api_url=$(bash scripts/pg-cluster.sh url api)
else
  record "postgresql test cluster" failed "scripts/pg-cluster.sh start failed"
fi

if [ $pg_ok = yes ]; then
  run_suite "ctest (unit, store on sqlite + postgresql)" 1800 \
    env VOORDEUR_TEST_PG_URL="$pg_store_url" ctest --test-dir build --output-on-failure --no-tests=error
else
  run_suite "ctest (unit, store on sqlite only)" 1800 \
    ctest --test-dir build --output-on-failure --no-tests=error
fi

if has_npm_script web test; then
  run_suite "web unit" 900 env CI=true bash -c 'cd web && npm test'
else
  record "web unit" skipped "web/package.json has no test script"
fi

run_suite "api (sqlite)" 1200 env -u VOORDEUR_TEST_DATABASE node --test --test-reporter=spec tests/api/
if [ $pg_ok = yes ]; then
  run_suite "api (postgresql)" 1200 env VOORDEUR_TEST_DATABASE="$pg_api_url" node --test --test-reporter=spec tests/api/
fi

if [ -f tests/browser/package.json ]; then
  export -f browser_suite free_port wait_health has_npm_script
  export binary root work
  run_suite "browser (sqlite, demo data)" 1800 bash -c browser_suite
else
  record "browser (sqlite, demo data)" skipped "tests/browser/package.json is missing"
fi

# Clean up before the summary, so that its last line is the last line printed.
cleanup
trap - EXIT

passed=0
failed=0
echo
echo "=== Summary ==="
printf '%-46s %-8s %s\n' SUITE RESULT NOTE
for i in "${!names[@]}"; do
  printf '%-46s %-8s %s\n' "${names[$i]}" "${results[$i]}" "${notes[$i]}"
  case "${results[$i]}" in
    passed) passed=$((passed + 1)) ;;
    failed) failed=$((failed + 1)) ;;
  esac
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
