// Rules 3 and 4: seen message ids persisted and bounded; receivers attributed toUser → monitorInfo.toUserId → host,
// unmapped ones spooled; battle events never gifts.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Bridge, GiftProcessor } from "../src/index.mjs";
import { config, fixture, lines, run, tempDir } from "./helpers.mjs";

test("a replayed backlog (the same file again, after a restart) makes no record", () => {
  const dir = tempDir();
  const first = new Bridge({ config: config(), stateDir: dir, log: () => {} });
  assert.equal(first.replayFile(fixture("v3-session.ndjson")), 7);
  const state = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
  assert.ok(state.seen.includes("7400000000000000114"), "ids persisted as strings");
  const second = new Bridge({ config: config(), stateDir: dir, log: () => {} });
  assert.equal(second.replayFile(fixture("v3-session.ndjson")), 0);
  assert.equal(second.processor.stats.duplicates, 15);
  assert.equal(second.outbox.pending.length, 7, "the outbox still holds the first run's records once");
});

test("a reconnect that replays part of a session: only the new events count", () => {
  const all = lines("v3-session.ndjson");
  const p = new GiftProcessor(config());
  const made = [];
  for (const l of all.slice(0, 8)) made.push(...p.handle(l).records);
  made.push(...p.handle({ type: "disconnected", data: {} }).records);
  for (const l of all.slice(3)) made.push(...p.handle(l).records); // the backlog overlaps
  made.push(...p.flushAll().records);
  assert.deepEqual(made.map((r) => r.recordId), run(new GiftProcessor(config()), "v3-session.ndjson").records.map((r) => r.recordId));
});

test("the seen set is bounded: the oldest ids are forgotten first", () => {
  const p = new GiftProcessor({ ...config(), maxSeen: 3 });
  for (const id of ["a", "b", "c", "d"]) p.remember(id);
  assert.deepEqual([...p.seen], ["b", "c", "d"]);
});

test("the receiver: toUser, then monitorInfo.toUserId, then the host", () => {
  const out = run(new GiftProcessor(config()), "v3-session.ndjson");
  const byId = Object.fromEntries(out.records.map((r) => [r.recordId.split("-")[2], r.creatorId]));
  assert.equal(byId["7400000000000000107"], "bridge-guest"); // toUser
  assert.equal(byId["7400000000000000110"], "bridge-guest"); // monitorInfo.toUserId
  assert.equal(byId["7400000000000000104"], "bridge-host"); // neither: the host
  const host = lines("v3-session.ndjson")[0];
  delete host.hostId; host.data.monitorInfo.anchorId = "0";
  const p = new GiftProcessor({ ...config(), hostId: "" });
  host.data.repeatEnd = 1;
  assert.equal(p.handle(host).unmapped[0].receiverSource, "none");
});

test("gifts to an unmapped receiver are spooled with a warning, not sent", () => {
  const dir = tempDir();
  const warnings = [];
  const bridge = new Bridge({ config: config(), stateDir: dir, log: (m) => warnings.push(m) });
  bridge.replayFile(fixture("v3-session.ndjson"));
  const unmapped = readFileSync(join(dir, "unmapped.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(unmapped.length, 1);
  assert.equal(unmapped[0].receiverId, "7200000000000000003");
  assert.ok(!bridge.outbox.pending.some((r) => r.recordId.endsWith("112")));
  assert.ok(warnings.some((w) => /7200000000000000003.*not mapped/.test(w)));
  const mapped = { ...config().creators, "7200000000000000003": "bridge-third" };
  assert.equal(bridge.resendUnmapped(mapped), 1);
  assert.equal(bridge.outbox.pending.at(-1).creatorId, "bridge-third");
  assert.equal(readFileSync(join(dir, "unmapped.ndjson"), "utf8"), "");
});

test("battle events are never ingested as gifts, even when they carry gift-like fields", () => {
  const p = new GiftProcessor(config());
  const battle = lines("v3-session.ndjson")[3];
  for (const type of ["linkMicBattle", "linkMicBattleTask", "linkMicBattlePunishFinish"]) {
    assert.deepEqual(p.handle({ ...battle, type }).records, []);
  }
  assert.equal(p.stats.battles, 3);
  assert.equal(p.stats.events, 0);
});

test("--record writes every raw event seen; the recording replays to the same records", async () => {
  const dir = tempDir();
  const recording = join(dir, "rec.ndjson");
  const live = new Bridge({ config: config(), stateDir: join(dir, "a"), recordPath: recording, log: () => {} });
  const made = [];
  for (const l of lines("v3-session.ndjson")) made.push(...live.handle(l));
  made.push(...live.flush());
  await live.close();
  assert.ok(existsSync(recording));
  const again = new Bridge({ config: config(), stateDir: join(dir, "b"), log: () => {} });
  again.replayFile(recording);
  assert.deepEqual(again.outbox.pending, made);
  assert.match(readFileSync(recording, "utf8"), /"msgId":"7400000000000000101"/);
});
