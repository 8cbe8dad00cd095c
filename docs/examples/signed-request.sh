#!/usr/bin/env bash
# POST one gift to Payouts, signed: Payouts-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
# Needs FUNCTION_KEY and PARTNER_SECRET; PAYOUTS_URL defaults to the DevHost.
set -euo pipefail
url=${PAYOUTS_URL:-http://localhost:7071}
body='{"partnerId":"demo-partner","records":[{"recordId":"r-1","creatorId":"lea","giftId":"rose","coinsPerGift":1,"quantity":5,"occurredAt":"2026-11-05T20:15:00+01:00","kind":"gift"}]}'
t=$(date +%s)
v1=$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$PARTNER_SECRET" -hex | sed 's/^.* //')
curl -sS --fail-with-body "$url/api/gifts" -H 'Content-Type: application/json' -H "x-functions-key: $FUNCTION_KEY" \
     -H "Payouts-Signature: t=$t,v1=$v1" --data-binary "$body"
