// Rule 2: one record per finished streak; consecutive streaks apart; timeout and disconnect flushes; late ends add
// only the difference; non-streakable gifts one record each.
import assert from "node:assert/strict";
import { test } from "node:test";
import { GiftProcessor } from "../src/index.mjs";
import { config, lines, run } from "./helpers.mjs";

const R = "live-7300000000000000001-";

test("the v3 session: streaks collapsed, consecutive streaks apart, timeout flush then the difference, EOF flush", () => {
  const out = run(new GiftProcessor(config()), "v3-session.ndjson");
  assert.deepEqual(out.records.map((r) => [r.recordId, r.creatorId, r.giftId, r.coinsPerGift, r.quantity]), [
    [`${R}7400000000000000104`, "bridge-host", "5655", 1, 5], // streak 1 (group …001): 1, 2, 3, end at 5
    [`${R}7400000000000000106`, "bridge-host", "5655", 1, 2], // the next streak of the same gift (group …002)
    [`${R}7400000000000000107`, "bridge-guest", "5882", 1000, 1], // not streakable: at once
    [`${R}7400000000000000108-f3`, "bridge-host", "5487", 5, 3], // no event for 31 s: flushed at 3
    [`${R}7400000000000000110`, "bridge-guest", "6369", 29999, 1],
    [`${R}7400000000000000111`, "bridge-host", "5487", 5, 1], // its late end at 4: only the difference
    [`${R}7400000000000000113-f7`, "bridge-host", "5655", 1, 7], // never ended: flushed at the end of the file
  ]);
  const coins = {};
  for (const r of out.records) coins[r.creatorId] = (coins[r.creatorId] ?? 0) + r.coinsPerGift * r.quantity;
  assert.deepEqual(coins, { "bridge-host": 34, "bridge-guest": 30999 });
  const first = out.records[0];
  assert.deepEqual(first, { recordId: `${R}7400000000000000104`, creatorId: "bridge-host", liveId: "live-7300000000000000001",
    senderId: "7100000000000000001", giftId: "5655", coinsPerGift: 1, quantity: 5, occurredAt: "2026-10-15T19:00:03.000Z", kind: "gift" });
});

test("the same file gives the same record ids every time", () => {
  const a = run(new GiftProcessor(config()), "v3-session.ndjson").records;
  const b = run(new GiftProcessor(config()), "v3-session.ndjson").records;
  assert.deepEqual(a, b);
});

test("v2 and v1 streaks: one record at the final repeatCount", () => {
  assert.deepEqual(run(new GiftProcessor(config()), "v2-session.ndjson").records.map((r) => [r.creatorId, r.coinsPerGift, r.quantity]),
    [["bridge-host", 1, 9], ["bridge-guest", 1000, 1], ["bridge-guest", 5, 1]]);
  assert.deepEqual(run(new GiftProcessor(config()), "v1-session.ndjson").records.map((r) => [r.recordId, r.creatorId, r.quantity]),
    [["live-0-7400000000000000302", "bridge-host", 4], ["live-0-7400000000000000303", "bridge-guest", 1]]);
});

function gift(msgId, t, count, end, extra = {}) {
  return { type: "gift", roomId: "1", hostId: "7200000000000000001", data: { common: { msgId, roomId: "1", createTime: String(t) },
    repeatCount: count, repeatEnd: end ? 1 : 0, groupId: extra.groupId ?? "0", user: { id: "7100000000000000009" },
    gift: { id: "5655", name: "Rose", type: 1, diamondCount: 1 } } };
}

test("without a group id, a count that starts again is a new streak", () => {
  const p = new GiftProcessor(config());
  const made = [gift("m1", 1000, 1), gift("m2", 2000, 3), gift("m3", 3000, 1), gift("m4", 4000, 2, true)].flatMap((l) => p.handle(l).records);
  assert.deepEqual(made.map((r) => [r.recordId, r.quantity]), [["live-1-m1-f3", 3], ["live-1-m4", 2]]);
});

test("a disconnect flushes open streaks; a later end with a higher count sends the difference; a lower one nothing", () => {
  const p = new GiftProcessor(config());
  p.handle(gift("a1", 1000, 1, false, { groupId: "g" }));
  p.handle(gift("a2", 2000, 6, false, { groupId: "g" }));
  assert.deepEqual(p.handle({ type: "disconnected", data: {} }).records.map((r) => [r.recordId, r.quantity]), [["live-1-a1-f6", 6]]);
  // the state survives a restart (it is what is persisted)
  const q = new GiftProcessor({ ...config(), state: JSON.parse(JSON.stringify(p.state())) });
  assert.deepEqual(q.handle(gift("a3", 5000, 8, true, { groupId: "g" })).records.map((r) => [r.recordId, r.quantity]), [["live-1-a3", 2]]);
  const r = new GiftProcessor(config());
  r.handle(gift("b1", 1000, 5, false, { groupId: "h" }));
  r.tick(1000 + 16_000);
  assert.deepEqual(r.handle(gift("b2", 18_000, 5, true, { groupId: "h" })).records, []);
});

test("a wall-clock tick flushes a streak idle past the timeout (live mode)", () => {
  const p = new GiftProcessor({ ...config(), streakTimeoutMs: 10_000 });
  p.handle(gift("c1", 1000, 2, false, { groupId: "k" }), 50_000);
  assert.deepEqual(p.tick(55_000).records, []);
  assert.deepEqual(p.tick(60_001).records.map((r) => r.quantity), [2]);
});

test("non-streakable gifts: one record each, at once, with its repeatCount", () => {
  const p = new GiftProcessor(config());
  const line = gift("n1", 1000, 3, false);
  line.data.gift.type = 2;
  assert.deepEqual(p.handle(line).records.map((r) => [r.recordId, r.quantity]), [["live-1-n1", 3]]);
});

test("a gift without a coin value in Payouts' range is kept aside as invalid", () => {
  const p = new GiftProcessor(config());
  const line = gift("z1", 1000, 1, true);
  line.data.gift.diamondCount = 0;
  const out = p.handle(line);
  assert.equal(out.records.length, 0);
  assert.match(out.invalid[0].reason, /coinsPerGift 0/);
  assert.equal(lines("v3-session.ndjson").length, 16);
});
