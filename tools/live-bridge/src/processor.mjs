// Gift events in, Payouts gift records out: duplicates dropped by message id, streaks collapsed, receivers mapped.
// Pure apart from the clock values it is given, so a replay gives the same records (and record ids) every time.
import { isBattleEvent, normalizeGift } from "./normalize.mjs";

export const DEFAULTS = Object.freeze({
  streakTimeoutMs: 15_000, // a streak with no event for this long is flushed at its highest count
  streakRetainMs: 3_600_000, // a flushed streak is remembered this long, so a late end sends only the difference
  maxSeen: 100_000, // message ids remembered (oldest forgotten first)
});

const MAX_PER_RECORD = 100_000; // Payouts' limit for coinsPerGift and quantity

/** The record id of what a message adds: deterministic, so a resend is a duplicate at Payouts. */
export function recordIdFor(roomId, msgId, suffix = "") {
  return `live-${roomId || "0"}-${msgId}${suffix}`;
}

export class GiftProcessor {
  /**
   * @param {object} options
   * @param {Record<string,string>} options.creators receiver user id → Payouts creator id
   * @param {string} [options.hostId] the host's user id when the events and the lines name none
   * @param {object} [options.state] a snapshot from `state()` (seen ids and flushed streaks), e.g. loaded from disk
   */
  constructor(options = {}) {
    this.creators = options.creators ?? {};
    this.hostId = options.hostId ?? "";
    this.streakTimeoutMs = options.streakTimeoutMs ?? DEFAULTS.streakTimeoutMs;
    this.streakRetainMs = options.streakRetainMs ?? DEFAULTS.streakRetainMs;
    this.maxSeen = options.maxSeen ?? DEFAULTS.maxSeen;
    this.seen = new Set(options.state?.seen ?? []);
    this.open = new Map(); // streak key → { key, roomId, firstMsgId, max, sent, lastAt, last (normalized event) }
    this.flushed = new Map(Object.entries(options.state?.flushed ?? {})); // key → { firstMsgId, sent, at }
    this.stats = { events: 0, duplicates: 0, battles: 0, ignored: 0, invalid: 0, records: 0, unmapped: 0 };
  }

  /** What to persist: the seen message ids (bounded) and the flushed streaks still remembered. */
  state() {
    return { seen: [...this.seen], flushed: Object.fromEntries(this.flushed) };
  }

  /**
   * One line of a recording or one live event: `{type, data, roomId?, hostId?}` or a bare gift event.
   * `now` is the clock the streak timeout runs on (wall time live, the event time in a replay; default: event time).
   * Returns { records: [...], unmapped: [...], invalid: [...] }.
   */
  handle(line, now) {
    const out = { records: [], unmapped: [], invalid: [] };
    const wrapped = line && typeof line === "object" && typeof line.type === "string" && "data" in line;
    const type = wrapped ? line.type : "gift";
    const data = wrapped ? line.data : line;
    if (isBattleEvent(type)) { this.stats.battles++; return out; }
    if (type === "disconnected" || type === "streamEnd") { this.flushAll(out); return out; }
    if (type !== "gift") { this.stats.ignored++; return out; }

    let g;
    try {
      g = normalizeGift(data, { hostId: (wrapped && line.hostId) || this.hostId, roomId: wrapped ? line.roomId : undefined });
    } catch (error) {
      this.stats.invalid++;
      out.invalid.push({ reason: error.message, event: data });
      return out;
    }
    const clock = now ?? Number(g.createTimeMs);
    this.tick(clock, out);
    this.stats.events++;
    if (this.seen.has(g.msgId)) { this.stats.duplicates++; return out; }
    this.remember(g.msgId);

    if (!g.streakable) {
      this.emit(out, g, g.repeatCount, recordIdFor(g.roomId, g.msgId));
      return out;
    }
    this.streakEvent(out, g, clock);
    return out;
  }

  streakEvent(out, g, clock) {
    const key = [g.roomId, g.senderId, g.giftId, g.receiverId, g.groupId].join("|");
    let streak = this.open.get(key);
    if (streak && !g.groupId && !g.repeatEnd && g.repeatCount < streak.max) {
      // Without a group id a count that starts again is the next streak of the same gift: the last one is over.
      this.flushStreak(out, streak);
      streak = undefined;
    }
    if (!streak) {
      const before = this.flushed.get(key);
      const continues = before && (g.groupId || g.repeatEnd || g.repeatCount > before.sent);
      if (before && !continues) this.flushed.delete(key);
      streak = { key, firstMsgId: continues ? before.firstMsgId : g.msgId, max: 0, sent: continues ? before.sent : 0, lastAt: clock, last: g };
      this.open.set(key, streak);
      if (continues) this.flushed.delete(key);
    }
    streak.max = Math.max(streak.max, g.repeatCount);
    streak.lastAt = clock;
    streak.last = g;
    if (g.repeatEnd) {
      this.open.delete(key);
      const more = streak.max - streak.sent;
      if (more > 0) this.emit(out, g, more, recordIdFor(g.roomId, g.msgId));
    }
  }

  flushStreak(out, streak) {
    this.open.delete(streak.key);
    const more = streak.max - streak.sent;
    if (more > 0) this.emit(out, streak.last, more, recordIdFor(streak.last.roomId, streak.firstMsgId, `-f${streak.max}`));
    this.flushed.set(streak.key, { firstMsgId: streak.firstMsgId, sent: streak.max, at: streak.lastAt });
  }

  /** Flushes the streaks idle for longer than the timeout and forgets old flushed streaks. */
  tick(now, out = { records: [], unmapped: [], invalid: [] }) {
    for (const streak of [...this.open.values()]) {
      if (now - streak.lastAt > this.streakTimeoutMs) this.flushStreak(out, streak);
    }
    for (const [key, f] of this.flushed) {
      if (now - f.at > this.streakRetainMs) this.flushed.delete(key);
    }
    return out;
  }

  /** At a disconnect or the end of a file: every open streak is sent with the highest count seen. */
  flushAll(out = { records: [], unmapped: [], invalid: [] }) {
    for (const streak of [...this.open.values()]) this.flushStreak(out, streak);
    return out;
  }

  remember(msgId) {
    this.seen.add(msgId);
    if (this.seen.size > this.maxSeen) {
      const excess = this.seen.size - this.maxSeen;
      let i = 0;
      for (const id of this.seen) { if (i++ >= excess) break; this.seen.delete(id); }
    }
  }

  emit(out, g, quantity, recordId) {
    const record = { recordId, creatorId: this.creators[g.receiverId] ?? null, giftId: g.giftId, coinsPerGift: g.diamondCount, quantity, occurredAt: g.occurredAt, kind: "gift" };
    if (g.roomId) record.liveId = `live-${g.roomId}`;
    if (g.senderId) record.senderId = g.senderId;
    const ordered = { recordId: record.recordId, creatorId: record.creatorId, liveId: record.liveId, senderId: record.senderId, giftId: record.giftId,
      coinsPerGift: record.coinsPerGift, quantity: record.quantity, occurredAt: record.occurredAt, kind: "gift" };
    for (const k of Object.keys(ordered)) if (ordered[k] === undefined) delete ordered[k];
    const problem = !g.giftId ? "no gift id"
      : !(g.diamondCount >= 1 && g.diamondCount <= MAX_PER_RECORD) ? `coinsPerGift ${g.diamondCount} outside 1–${MAX_PER_RECORD}`
      : quantity > MAX_PER_RECORD ? `quantity ${quantity} over ${MAX_PER_RECORD}` : null;
    if (problem) { this.stats.invalid++; out.invalid.push({ reason: problem, record: ordered }); return; }
    if (!ordered.creatorId) {
      this.stats.unmapped++;
      out.unmapped.push({ receiverId: g.receiverId, receiverSource: g.receiverSource, record: ordered });
      return;
    }
    this.stats.records++;
    out.records.push(ordered);
  }
}
