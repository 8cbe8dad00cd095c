#!/usr/bin/env bash
# Lints docs/openapi.yaml with the Redocly CLI pinned in tools/package.json (rules: redocly.yaml, every warning fails).
set -uo pipefail
cd "$(dirname "$0")/.."
[ -x tools/node_modules/.bin/redocly ] || npm ci --prefix tools --no-audit --no-fund >/dev/null || exit 1
out=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 \
  tools/node_modules/.bin/redocly lint docs/openapi.yaml --format stylish "$@" 2>&1)
status=$?
# Drop the CLI's boxed notices (Node.js version deprecation); keep the findings.
grep -v -E '^\s*(║|╔|╚)' <<<"$out" | sed '/^\s*$/d'
exit "$status"
