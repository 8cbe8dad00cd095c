#!/usr/bin/env bash
# The long exactly-once simulation: the same seeded test CI runs for 4 months, for as many months as you ask.
# Usage: bench/simulate.sh [months] [seed]   (a failing seed is printed; rerun with it to replay the same run)
set -euo pipefail
cd "$(dirname "$0")/.."
export PAYOUTS_SIM_MONTHS="${1:-60}"
[ -n "${2:-}" ] && export PAYOUTS_SIM_SEED="$2"
dotnet test tests/Payouts.Functions.Tests -c Release --filter "FullyQualifiedName~ExactlyOnceSimulation" --logger "console;verbosity=detailed"
