#!/usr/bin/env bash
# Copies the built Swagger UI assets pinned in tools/package.json (swagger-ui-dist) into the DevHost's API reference
# page (src/Payouts.DevHost/ApiReference/), where they are kept in the repository: the page loads nothing from a CDN.
# Run it after changing the pinned version, then commit the copied files.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f tools/node_modules/swagger-ui-dist/package.json ] || npm ci --prefix tools --no-audit --no-fund
from=tools/node_modules/swagger-ui-dist
to=src/Payouts.DevHost/ApiReference/swagger-ui
mkdir -p "$to"
for file in swagger-ui-bundle.js swagger-ui.css LICENSE NOTICE; do
  cp "$from/$file" "$to/$file"
done
node -p "require('./$from/package.json').version" > "$to/VERSION"
echo "Swagger UI $(cat "$to/VERSION") copied to $to"
