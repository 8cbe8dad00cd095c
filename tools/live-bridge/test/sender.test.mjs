// Rule 5: signed batches of ≤ 1,000 records, retried on 429 (Retry-After) / 5xx / network errors with the same body,
// the outbox keeps everything while Payouts is down and drains later.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { test } from "node:test";
import { Bridge, HttpSender, MAX_BATCH, retryAfterMs, signature } from "../src/index.mjs";
import { config, fixture, tempDir } from "./helpers.mjs";

const SECRET = "test-secret";
const KEY = "test-function-key";

/** A fake Payouts: `plan` answers the first requests ({status, headers}); afterwards every record is accepted. */
async function fakePayouts(plan = []) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ url: req.url, headers: req.headers, body });
      const step = plan.shift();
      if (step) { res.writeHead(step.status, step.headers ?? {}); res.end("{}"); return; }
      const { records } = JSON.parse(body);
      const seen = server.stored;
      const results = records.map((r) => ({ recordId: r.recordId, status: seen.has(r.recordId) ? "duplicate" : (seen.add(r.recordId), "accepted") }));
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ accepted: results.filter((r) => r.status === "accepted").length, duplicates: results.filter((r) => r.status === "duplicate").length, rejected: 0, results }));
    });
  });
  server.stored = new Set();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, requests, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

const sender = (url, extra = {}) => new HttpSender({ url, partnerId: "live-bridge-test", secret: SECRET, functionKey: KEY, baseDelayMs: 1, ...extra });
const records = (n) => Array.from({ length: n }, (_, i) => ({ recordId: `r-${i}`, creatorId: "c", giftId: "5655", coinsPerGift: 1, quantity: 1, occurredAt: "2026-10-15T19:00:00.000Z", kind: "gift" }));

test("the signature is t=<seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">", () => {
  const t = 1792090800;
  const expected = createHmac("sha256", SECRET).update(`${t}.{"a":1}`).digest("hex");
  assert.equal(signature('{"a":1}', SECRET, t * 1000), `t=${t},v1=${expected}`);
  assert.equal(retryAfterMs("7"), 7000);
  assert.equal(retryAfterMs(new Date(Date.now() + 3000).toUTCString()) > 1000, true);
  assert.equal(retryAfterMs(undefined), null);
});

test("429 with Retry-After, then 503, then a network-level success: the same body each time, headers, signature", async () => {
  const payouts = await fakePayouts([{ status: 429, headers: { "Retry-After": "1" } }, { status: 503 }]);
  const waits = [];
  try {
    const answer = await sender(payouts.url, { sleep: async (ms) => waits.push(ms) }).sendBatch(records(3));
    assert.equal(answer.accepted, 3);
    assert.equal(payouts.requests.length, 3);
    assert.equal(waits[0], 1000, "Retry-After honoured");
    assert.equal(new Set(payouts.requests.map((r) => r.body)).size, 1, "the same body");
    for (const r of payouts.requests) {
      assert.equal(r.url, "/api/gifts");
      assert.equal(r.headers["x-functions-key"], KEY);
      assert.equal(r.headers["payouts-partner-id"], "live-bridge-test");
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.headers["payouts-signature"]);
      assert.equal(v1, createHmac("sha256", SECRET).update(`${t}.${r.body}`).digest("hex"));
      assert.deepEqual(JSON.parse(r.body).partnerId, "live-bridge-test");
    }
  } finally { await payouts.close(); }
});

test("a 400 is not retried (the same body would fail again)", async () => {
  const payouts = await fakePayouts([{ status: 400 }]);
  try {
    await assert.rejects(sender(payouts.url).sendBatch(records(1)), /answered 400/);
    assert.equal(payouts.requests.length, 1);
  } finally { await payouts.close(); }
});

test("batches of at most 1,000 records", async () => {
  const payouts = await fakePayouts();
  try {
    const bridge = new Bridge({ config: config(), stateDir: tempDir(), sender: sender(payouts.url), log: () => {} });
    bridge.outbox.add(records(2500));
    assert.equal(await bridge.drain(), true);
    assert.deepEqual(payouts.requests.map((r) => JSON.parse(r.body).records.length), [MAX_BATCH, MAX_BATCH, 500]);
    assert.equal(bridge.outbox.pending.length, 0);
  } finally { await payouts.close(); }
});

test("Payouts down: records stay in the outbox across a restart and are sent once it answers; a resend is a duplicate", async () => {
  const dir = tempDir();
  const down = sender("http://127.0.0.1:9", { maxAttempts: 2 }); // nothing listens on the discard port
  const first = new Bridge({ config: config(), stateDir: dir, sender: down, log: () => {} });
  first.replayFile(fixture("v3-session.ndjson"));
  assert.equal(await first.drain(), false);
  assert.equal(first.outbox.pending.length, 7);

  const payouts = await fakePayouts();
  try {
    const second = new Bridge({ config: config(), stateDir: dir, sender: sender(payouts.url), log: () => {} });
    assert.equal(second.outbox.pending.length, 7, "the spool survived the restart");
    assert.equal(await second.drain(), true);
    assert.equal(second.outbox.totals.accepted, 7);
    // A replay of the same file after the restart: nothing new; the outbox file is empty.
    assert.equal(second.replayFile(fixture("v3-session.ndjson")), 0);
    // The same records sent again (e.g. the state folder was lost) are duplicates at Payouts.
    const fresh = new Bridge({ config: config(), stateDir: tempDir(), sender: sender(payouts.url), log: () => {} });
    fresh.replayFile(fixture("v3-session.ndjson"));
    await fresh.drain();
    assert.deepEqual(fresh.outbox.totals, { accepted: 0, duplicates: 7, rejected: 0 });
  } finally { await payouts.close(); }
});
