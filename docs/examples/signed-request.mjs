// POST one gift to Payouts, signed: Payouts-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
// Node.js 18+; needs FUNCTION_KEY and PARTNER_SECRET; PAYOUTS_URL defaults to the DevHost.
import { createHmac } from "node:crypto";

const url = process.env.PAYOUTS_URL ?? "http://localhost:7071";
const body = JSON.stringify({
  partnerId: "demo-partner",
  records: [{ recordId: "r-1", creatorId: "lea", giftId: "rose", coinsPerGift: 1, quantity: 5,
              occurredAt: "2026-11-05T20:15:00+01:00", kind: "gift" }],
});
const t = Math.floor(Date.now() / 1000);
const v1 = createHmac("sha256", process.env.PARTNER_SECRET).update(`${t}.${body}`).digest("hex");
const response = await fetch(`${url}/api/gifts`, {
  method: "POST",
  headers: { "Content-Type": "application/json", "x-functions-key": process.env.FUNCTION_KEY, "Payouts-Signature": `t=${t},v1=${v1}` },
  body,
});
console.log(response.status, await response.text());
if (!response.ok) process.exit(1);
