#!/usr/bin/env bash
# Runs the Bicep CLI pinned in Directory.Packages.props (NuGet package Azure.Bicep.CommandLine.linux-x64), restored
# through tools/Bicep/Bicep.proj: no download script, the same package mirror as every other dependency.
#   scripts/bicep.sh build infra/main.bicep --stdout
#   scripts/bicep.sh lint infra/main.bicep
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/tools/Bicep/Bicep.proj"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore "$project" --verbosity quiet >&2
bicep="$(dotnet msbuild "$project" -nologo -getProperty:BicepExe)"
if [ ! -f "$bicep" ]; then
  echo "Bicep CLI not found at '$bicep' after restoring $project." >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
exec "$bicep" "$@"
