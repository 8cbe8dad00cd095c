# POST one gift to Payouts, signed: Payouts-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
# Python 3, standard library only; needs FUNCTION_KEY and PARTNER_SECRET; PAYOUTS_URL defaults to the DevHost.
import hashlib, hmac, json, os, time, urllib.request

url = os.environ.get("PAYOUTS_URL", "http://localhost:7071")
body = json.dumps({
    "partnerId": "demo-partner",
    "records": [{"recordId": "r-1", "creatorId": "lea", "giftId": "rose", "coinsPerGift": 1, "quantity": 5,
                 "occurredAt": "2026-11-05T20:15:00+01:00", "kind": "gift"}],
}, separators=(",", ":")).encode()
t = str(int(time.time()))
v1 = hmac.new(os.environ["PARTNER_SECRET"].encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest()
request = urllib.request.Request(f"{url}/api/gifts", data=body, method="POST", headers={
    "Content-Type": "application/json", "x-functions-key": os.environ["FUNCTION_KEY"], "Payouts-Signature": f"t={t},v1={v1}"})
with urllib.request.urlopen(request) as response:  # a 4xx/5xx raises HTTPError
    print(response.status, response.read().decode())
