#!/usr/bin/env bash
# Runs Voordeur on this machine with demo data: a SQLite database in ./data (created and seeded on
# the first run, kept afterwards) and the web app from web/dist. Build first: make build.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

binary=build/voordeur
database=sqlite:./data/voordeur.db
port=8080

[ -x "$binary" ] || { echo "run-demo: $binary is missing; run 'make build' first" >&2; exit 1; }
[ -d web/dist ] || echo "run-demo: web/dist is missing, so only the API is served; run 'make build'" >&2

mkdir -p data
if [ ! -f data/voordeur.db ]; then
  echo "run-demo: creating the demo database data/voordeur.db"
  "$binary" demo --database "$database"
fi

echo
echo "Voordeur runs at http://127.0.0.1:$port — log in as demo-outreacher-a, demo-lead-a," \
  "demo-outreacher-b, demo-lead-b, demo-admin, demo-reception, demo-partner, demo-policy or" \
  "demo-privacy with password voordeur-demo"
echo "demo-admin and demo-privacy also need a TOTP code: add the secret DEMOADMINTOTPSECRETFORDEMODBONLY to an" \
  "authenticator app (demo databases only), or run: oathtool --totp -b DEMOADMINTOTPSECRETFORDEMODBONLY"
echo "(stop it with Ctrl+C; delete ./data to start again from fresh demo data)"
echo
exec "$binary" serve --database "$database" --port "$port" --static-dir web/dist
