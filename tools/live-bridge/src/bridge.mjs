// The bridge: a GiftProcessor whose state lives in a folder, an outbox drained to Payouts, and the spools.
import { createWriteStream, readFileSync } from "node:fs";
import { parseJson, parseNdjson, stringifyJson } from "./json.mjs";
import { GiftProcessor } from "./processor.mjs";
import { Outbox, StateDir } from "./spool.mjs";

/** Reads and checks a bridge config file: { partnerId, creators: { "<TikTok user id>": "<creatorId>" }, hostId? }. */
export function loadConfig(path) {
  const config = parseJson(readFileSync(path, "utf8"));
  if (!config.partnerId) throw new Error(`${path}: partnerId is required`);
  if (!config.creators || typeof config.creators !== "object") throw new Error(`${path}: creators (TikTok user id → creator id) is required`);
  for (const [userId, creatorId] of Object.entries(config.creators)) {
    if (!/^\d+$/.test(userId)) throw new Error(`${path}: creators key ${userId} is not a TikTok user id (digits, written as a string)`);
    if (typeof creatorId !== "string" || !/^[A-Za-z0-9\-_.:@]{1,128}$/.test(creatorId)) throw new Error(`${path}: creators[${userId}] is not a Payouts creator id`);
  }
  return config;
}

export class Bridge {
  /**
   * @param {object} o
   * @param {object} o.config a loaded config
   * @param {string} o.stateDir folder for state.json and the spools
   * @param {import("./sender.mjs").HttpSender} [o.sender] none: records stay in the outbox (dry run)
   * @param {string} [o.recordPath] write every raw event seen to this NDJSON file (a recording to --replay later)
   */
  constructor(o) {
    this.log = o.log ?? ((m) => console.error(`live-bridge: ${m}`));
    this.dir = new StateDir(o.stateDir);
    this.processor = new GiftProcessor({ ...o.config, state: this.dir.loadState() });
    this.outbox = new Outbox(this.dir, o.sender, this.log);
    this.recording = o.recordPath ? createWriteStream(o.recordPath, { flags: "a" }) : null;
    this.warned = new Set();
  }

  /** One event line ({type, data, roomId?, hostId?} or a bare gift). Returns the records made. */
  handle(line, now) {
    if (this.recording) this.recording.write(stringifyJson(line) + "\n");
    return this.take(this.processor.handle(line, now));
  }

  tick(now = Date.now()) { return this.take(this.processor.tick(now)); }

  /** A disconnect or the end of a file: open streaks go out at their highest count. */
  flush() { return this.take(this.processor.flushAll()); }

  take(out) {
    for (const u of out.unmapped) {
      if (!this.warned.has(u.receiverId)) {
        this.warned.add(u.receiverId);
        this.log(`warning: gifts to receiver ${u.receiverId || "(unknown)"} (${u.receiverSource}) are not mapped to a creator; kept in unmapped.ndjson, not sent`);
      }
    }
    this.dir.append("unmapped.ndjson", out.unmapped);
    this.dir.append("invalid.ndjson", out.invalid);
    this.outbox.add(out.records); // written before the state that marks their messages seen
    this.dir.saveState(this.processor.state());
    return out.records;
  }

  drain() { return this.outbox.drain(); }

  /** Moves unmapped gifts whose receiver the (new) config now maps into the outbox. */
  resendUnmapped(creators) {
    const kept = [];
    const ready = [];
    for (const u of this.dir.read("unmapped.ndjson")) {
      const creatorId = creators[u.receiverId];
      if (creatorId) ready.push({ ...u.record, creatorId });
      else kept.push(u);
    }
    this.outbox.add(ready);
    this.dir.writeAtomic("unmapped.ndjson", kept.map((u) => JSON.stringify(u) + "\n").join(""));
    return ready.length;
  }

  /** Replays a recording or an offline NDJSON file of events; the streak clock is the events' own time. */
  replayFile(path) {
    let made = 0;
    for (const line of parseNdjson(readFileSync(path, "utf8"))) made += this.handle(line).length;
    made += this.flush().length;
    return made;
  }

  async close() {
    if (this.recording) await new Promise((r) => this.recording.end(r));
  }
}
