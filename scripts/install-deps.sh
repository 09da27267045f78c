#!/usr/bin/env bash
# Installs everything Voordeur needs to build, run and test on Debian 12 (bookworm):
# the Debian packages below, then the npm packages of each JavaScript folder that has a
# package-lock.json. Idempotent: a second run with everything in place touches neither apt nor npm.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  build-essential cmake pkg-config ccache
  libboost-dev libboost-program-options-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql-15
  libsodium-dev libargon2-dev liboath-dev nlohmann-json3-dev rapidjson-dev libjemalloc-dev libhpdf-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  chromium wrk ca-certificates tzdata
  john-data  # /usr/share/john/password.lst: the common passwords refused for users
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages are installed"
else
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi

# npm ci empties node_modules and installs again; skip it when npm's own record of the installed
# tree (node_modules/.package-lock.json) is newer than the lock file.
for dir in web tests/browser tests/api; do
  path="$root/$dir"
  [ -f "$path/package.json" ] || continue
  if [ ! -f "$path/package-lock.json" ]; then
    echo "install-deps: $dir/package.json has no package-lock.json; run 'npm install' there and commit the lock file" >&2
    exit 1
  fi
  if [ "$path/node_modules/.package-lock.json" -nt "$path/package-lock.json" ]; then
    echo "install-deps: $dir/node_modules is up to date"
    continue
  fi
  echo "install-deps: npm ci in $dir"
  (cd "$path" && npm ci --no-audit --no-fund)
done
