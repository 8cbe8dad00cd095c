// End to end against a running DevHost (scripts/check-live-bridge.sh starts one): reference data through the admin
// API, the v3 fixture replayed through the bridge CLI, the period closed, and the issued statements' gift coins
// compared with the fixture's expected totals. Reads PAYOUTS_URL, FUNCTION_KEY, MASTER_KEY, PARTNER_SECRET.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const url = process.env.PAYOUTS_URL ?? "http://localhost:7071";
const master = process.env.MASTER_KEY;
const expected = JSON.parse(readFileSync(here("../test/fixtures/v3-session.expected.json"), "utf8"));
const log = (m) => console.log(`live-bridge e2e: ${m}`);

async function admin(method, path, body) {
  const response = await fetch(`${url}/api/${path}`, {
    method, headers: { "x-functions-key": master, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api/${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

for (const [kind, key, value, versionId] of [
  ["diamondsPerCoin", "US", "0.5", "bridge-dpc-us-2024"], ["usdPerDiamond", "US", "0.005", "bridge-upd-us-2024"],
  ["usdPerCoinReference", "", "0.0105", "bridge-upc-2024"],
]) await admin("PUT", "rates", { kind, key, from: "2024-01-01", value, versionId });
for (const creatorId of Object.keys(expected.coins)) {
  await admin("PUT", `creators/${creatorId}`, { effectiveFrom: "2024-01-01", region: "US", payoutCurrency: "USD",
    commissionGifts: "0", commissionDeals: "0", commissionBonuses: "0", minimumPayout: "0" });
}
log(`reference data: 3 rates, contracts for ${Object.keys(expected.coins).join(", ")}`);

const cli = here("../bin/live-bridge.mjs");
const config = here("../test/fixtures/bridge.config.json");
const fixture = here("../test/fixtures/v3-session.ndjson");
const bridge = (state) => execFileSync(process.execPath, [cli, "--config", config, "--replay", fixture, "--state", state], { encoding: "utf8", env: process.env }).trim();
const stateA = mkdtempSync(join(tmpdir(), "live-bridge-e2e-"));
const stateB = mkdtempSync(join(tmpdir(), "live-bridge-e2e-"));
try {
  const first = bridge(stateA);
  log(`replay: ${first}`);
  assert.match(first, /7 records made/);
  assert.match(first, /Payouts: 7 accepted, 0 duplicates, 0 rejected; 0 waiting/);
  assert.match(first, new RegExp(`${expected.unmapped} to unmapped receivers spooled`));
  const again = bridge(stateA);
  assert.match(again, /0 records made/, "the same file again: every message already seen");
  const fresh = bridge(stateB);
  assert.match(fresh, /Payouts: 0 accepted, 7 duplicates, 0 rejected/, "the same records resent: duplicates at Payouts");
  log("the replay again makes nothing; resent from a fresh state folder, all 7 are duplicates");
} finally {
  rmSync(stateA, { recursive: true, force: true });
  rmSync(stateB, { recursive: true, force: true });
}

const close = await admin("POST", `periods/${expected.period}/close?force=true`);
log(`close ${expected.period}: ${JSON.stringify(close)}`);

const deadline = Date.now() + 120_000;
for (const [creatorId, coins] of Object.entries(expected.coins)) {
  let statement;
  while (!statement) {
    const list = await admin("GET", `creators/${creatorId}/statements`);
    const found = (list.statements ?? []).find((s) => s.period === expected.period);
    if (found) statement = await admin("GET", `statements/${encodeURIComponent(found.statementId)}`);
    else if (Date.now() > deadline) throw new Error(`no statement of ${expected.period} for ${creatorId} after 120 s`);
    else await new Promise((r) => setTimeout(r, 1000));
  }
  const gifts = statement.lines.find((l) => l.kind === "gifts");
  assert.ok(gifts, `${statement.statementId} has a gift line`);
  assert.equal(gifts.coins, coins, `${creatorId}: coins`);
  assert.equal(gifts.sources.records, expected.records[creatorId], `${creatorId}: records`);
  log(`${statement.statementId} (${statement.status}): ${gifts.coins} coins from ${gifts.sources.records} records, as expected`);
}
log("ok");
