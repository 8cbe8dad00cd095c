#!/usr/bin/env bash
# Runs every test of the solution (unit tests, and integration tests against an Azurite the tests start themselves)
# and ends with one summary line: "Tests: N passed, N failed, N skipped". Exit code: dotnet test's.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Payouts.sln --configuration Release --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!/Failed!  - Failed: a, Passed: b, Skipped: c, Total: d" line per test assembly.
totals=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{ f += $1; p += $2; s += $3 } END { printf "%d %d %d", p, f, s }')
read -r passed failed skipped <<< "${totals:-0 0 0}"
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
