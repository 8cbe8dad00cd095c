#!/usr/bin/env bash
# Runs the README's signed-request examples (docs/examples: curl, Node, Python) against a DevHost this script starts
# on a free port with keys it chooses, then stops it with SIGTERM. An example whose runtime is missing is skipped with
# a message. Needs a Release build (`dotnet build Payouts.sln -c Release`); the C# example runs in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
devhost=src/Payouts.DevHost/bin/Release/net10.0/Payouts.DevHost.dll
[ -f "$devhost" ] || { echo "check-client-examples: build first ($devhost is missing)" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
export PAYOUTS_URL="http://localhost:$port"
export FUNCTION_KEY MASTER_KEY
FUNCTION_KEY=$(openssl rand -hex 32) MASTER_KEY=$(openssl rand -hex 32)
export PARTNER_SECRET=local-dev-only-partner-secret-not-for-production   # demo-partner of local.settings.sample.json
log=$(mktemp)
DevHost__FunctionKey="$FUNCTION_KEY" DevHost__MasterKey="$MASTER_KEY" dotnet "$devhost" serve --port "$port" >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT

for _ in $(seq 1 120); do
  curl -sf "$PAYOUTS_URL/api/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "check-client-examples: the DevHost did not start" >&2; exit 1; }
  sleep 1
done
curl -sf "$PAYOUTS_URL/api/health" >/dev/null || { cat "$log" >&2; echo "check-client-examples: the DevHost did not answer" >&2; exit 1; }

failed=0
run() {   # run <name> <runtime> <command...>
  local name=$1 runtime=$2
  shift 2
  if ! command -v "$runtime" >/dev/null 2>&1; then
    echo "client example $name: skipped ($runtime is not installed)"
    return
  fi
  local out
  if out=$("$@" 2>&1) && grep -Eq '"status": ?"(accepted|duplicate)"' <<<"$out"; then
    echo "client example $name: ok"
  else
    echo "client example $name: FAILED"$'\n'"$out" >&2
    failed=1
  fi
}
run curl curl bash docs/examples/signed-request.sh
run node node node docs/examples/signed-request.mjs
run python python3 python3 docs/examples/signed_request.py
exit "$failed"
