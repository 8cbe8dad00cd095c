#!/usr/bin/env bash
# tools/live-bridge: npm ci, its node tests, then end to end against a DevHost this script starts on a free port with
# keys it chooses (and the bridge's partner secret), stopped with SIGTERM: reference data through the admin API, the
# v3 fixture replayed through the bridge, 2026-10 closed (?force=true), the statements' gift coins checked against
# tools/live-bridge/test/fixtures/v3-session.expected.json. Skipped with a message when Node.js is missing.
# Needs a Release build (`dotnet build Payouts.sln -c Release`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "live-bridge: skipped (node is not installed)"
  exit 0
fi
devhost=src/Payouts.DevHost/bin/Release/net10.0/Payouts.DevHost.dll
[ -f "$devhost" ] || { echo "check-live-bridge: build first ($devhost is missing)" >&2; exit 1; }

echo "live-bridge: npm ci"
npm ci --prefix tools/live-bridge --no-audit --no-fund --loglevel=error >/dev/null
echo "live-bridge: node --test"
test_log=$(mktemp)
(cd tools/live-bridge && node --test test/) >"$test_log" 2>&1 || { cat "$test_log" >&2; rm -f "$test_log"; exit 1; }
grep -E '^# (tests|pass|fail)' "$test_log" | tr '\n' ' '; echo
rm -f "$test_log"

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
export PAYOUTS_URL="http://localhost:$port"
export FUNCTION_KEY MASTER_KEY PARTNER_SECRET
FUNCTION_KEY=$(openssl rand -hex 32) MASTER_KEY=$(openssl rand -hex 32) PARTNER_SECRET=$(openssl rand -hex 32)
log=$(mktemp)
DevHost__FunctionKey="$FUNCTION_KEY" DevHost__MasterKey="$MASTER_KEY" Payouts__Partners__livebridge__Secrets__0="$PARTNER_SECRET" \
  dotnet "$devhost" serve --port "$port" >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT

for _ in $(seq 1 120); do
  curl -sf "$PAYOUTS_URL/api/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "check-live-bridge: the DevHost did not start" >&2; exit 1; }
  sleep 1
done
curl -sf "$PAYOUTS_URL/api/health" >/dev/null || { cat "$log" >&2; echo "check-live-bridge: the DevHost did not answer" >&2; exit 1; }

node tools/live-bridge/e2e/devhost.mjs || { tail -50 "$log" >&2; exit 1; }
