// Rule 1: every 2.x event shape is read; ids stay strings (int64 beyond 2^53 exact); the time is createTime.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { idString, normalizeGift, parseJson, quoteBigIntegers, shapeOf } from "../src/index.mjs";
import { fixture, lines } from "./helpers.mjs";

test("a recorded file of int64 ids round-trips exactly (no id passes through a Number)", () => {
  for (const name of ["v1-session.ndjson", "v2-session.ndjson", "v3-session.ndjson"]) {
    const text = readFileSync(fixture(name), "utf8");
    const bigIds = [...text.matchAll(/\d{16,}/g)].map((m) => m[0]);
    assert.ok(bigIds.some((id) => BigInt(id) > 2n ** 53n), `${name} holds ids beyond 2^53`);
    const again = lines(name).map((l) => JSON.stringify(l)).join("\n");
    assert.deepEqual([...again.matchAll(/\d{16,}/g)].map((m) => m[0]), bigIds, name);
  }
});

test("big integers are quoted, strings and small or decimal numbers are left alone", () => {
  assert.equal(quoteBigIntegers('{"a":7400000000000000301,"b":"9007199254740993","c":5,"d":-1.5e300,"e":"x\\"1234567890123456789"}'),
    '{"a":"7400000000000000301","b":"9007199254740993","c":5,"d":-1.5e300,"e":"x\\"1234567890123456789"}');
  assert.equal(parseJson("[9007199254740993]")[0], "9007199254740993");
});

test("an unsafe JavaScript number as an id is refused, not rounded", () => {
  assert.throws(() => idString(2 ** 53 + 2), /not exact/);
  assert.equal(idString(7400000000000000301n), "7400000000000000301");
  assert.equal(idString("0"), "");
});

test("v3 names of 2.3+ (gift.diamondCount, gift.type, user.id/displayId, monitorInfo, common.*)", () => {
  const g = normalizeGift(lines("v3-session.ndjson")[0].data, { hostId: "7200000000000000001" });
  assert.equal(g.shape, "v3");
  assert.deepEqual(
    [g.msgId, g.roomId, g.createTimeMs, g.giftId, g.giftName, g.giftType, g.diamondCount, g.repeatCount, g.repeatEnd, g.groupId, g.senderId, g.senderName, g.receiverId, g.receiverSource],
    ["7400000000000000101", "7300000000000000001", "1792090800000", "5655", "Rose", 1, 1, 1, false, "7500000000000000001", "7100000000000000001", "viewer_001", "7200000000000000001", "host"]);
  assert.equal(g.occurredAt, "2026-10-15T19:00:00.000Z", "createTime, not monitorInfo.sendGiftReqStartMs (1790000000000)");
});

test("v2 names of 2.1–2.2 (giftDetails, giftExtra, userId/uniqueId)", () => {
  const [first, , galaxy, heart] = lines("v2-session.ndjson").map((l) => normalizeGift(l.data, { hostId: l.hostId }));
  assert.equal(first.shape, "v2");
  assert.deepEqual([first.msgId, first.giftName, first.giftType, first.diamondCount, first.senderId, first.senderName, first.occurredAt],
    ["7400000000000000201", "Rose", 1, 1, "7100000000000000201", "viewer_v2", "2026-10-16T19:00:00.000Z"]);
  assert.deepEqual([galaxy.receiverId, galaxy.receiverSource], ["7200000000000000002", "toUser"]);
  assert.deepEqual([heart.receiverId, heart.receiverSource], ["7200000000000000002", "monitorInfo.toUserId"]);
});

test("the small 2.0.x schema (event.msgId, giftExtra.receiverUserId), raw int64 numbers in the file", () => {
  const [first, end, galaxy] = lines("v1-session.ndjson").map((l) => normalizeGift(l, {}));
  assert.equal(shapeOf(lines("v1-session.ndjson")[0]), "v1");
  assert.deepEqual([first.msgId, first.groupId, first.senderId, first.receiverId, first.createTimeMs],
    ["7400000000000000301", "7500000000000000301", "7100000000000000301", "7200000000000000001", "1792263600000"]);
  assert.equal(end.repeatEnd, true);
  assert.equal(end.occurredAt, "2026-10-17T19:00:01.000Z", "event.createTime, not giftExtra.timestamp");
  assert.equal(galaxy.receiverId, "7200000000000000002");
});

test("an event of no known shape, or without id or time, is refused", () => {
  assert.throws(() => normalizeGift({ foo: 1 }), /not a gift event/);
  assert.throws(() => normalizeGift({ common: { createTime: "1" }, giftDetails: {} }), /message id/);
});
