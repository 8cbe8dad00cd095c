#!/usr/bin/env bash
# Screenshots of the demo's statements for docs/img/: runs the demo into a temporary folder, then Debian's headless
# Chromium (apt-get install -y chromium) photographs each page at a phone and a desktop width.
# Usage: scripts/screenshots.sh            (writes docs/img/<page>-phone.png and <page>-desktop.png)
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "Chromium not found at $chromium (apt-get install -y chromium, or set CHROMIUM_PATH)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet run -c Release --project src/Payouts.DevHost -- demo --out "$out" >/dev/null
mkdir -p docs/img
shoot() { # page.html name width height
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$out/profile" \
    --window-size="$3,$4" --screenshot="docs/img/$2.png" "file://$1" 2>/dev/null
  echo "docs/img/$2.png"
}
# lea's statement (the worked example) and her agency's statement, as the demo issued them.
for page in "$(find "$out" -name 'lea.html' | head -1)" "$(find "$out" -path '*agencies*' -name 'nova.html' | head -1)"; do
  [ -f "$page" ] || { echo "the demo wrote no $page" >&2; exit 1; }
  name=$(basename "$(dirname "$page")")-$(basename "$page" .html)
  case "$name" in agencies-*) name="agency-${name#agencies-}" ;; *) name="statement-$(basename "$page" .html)" ;; esac
  shoot "$page" "$name-phone" 390 1400
  shoot "$page" "$name-desktop" 1280 1000
done
