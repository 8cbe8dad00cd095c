// Files the bridge keeps in its state folder, so nothing is lost and nothing is counted twice across restarts:
//   state.json      the seen message ids (bounded) and the flushed streaks still remembered
//   outbox.ndjson   records made but not yet answered by Payouts (drained on start and whenever Payouts answers)
//   unmapped.ndjson gifts to receivers that the config does not map to a creator (not sent; map them and --resend-unmapped)
//   invalid.ndjson  events or records that cannot be sent (no id, coin value out of range)
//   rejected.ndjson records Payouts answered `rejected`, with its errors
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseJson, parseNdjson } from "./json.mjs";
import { MAX_BATCH } from "./sender.mjs";

export class StateDir {
  constructor(dir) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  path(name) { return join(this.dir, name); }

  loadState() {
    const file = this.path("state.json");
    return existsSync(file) ? parseJson(readFileSync(file, "utf8")) : { seen: [], flushed: {} };
  }

  saveState(state) { this.writeAtomic("state.json", JSON.stringify(state)); }

  append(name, values) {
    if (values.length === 0) return;
    appendFileSync(this.path(name), values.map((v) => JSON.stringify(v) + "\n").join(""));
  }

  read(name) {
    const file = this.path(name);
    return existsSync(file) ? parseNdjson(readFileSync(file, "utf8")) : [];
  }

  writeAtomic(name, text) {
    const tmp = this.path(`${name}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, this.path(name));
  }
}

/** The outbox: records are written here before they are sent and removed once Payouts answered for them. */
export class Outbox {
  constructor(stateDir, sender, log = () => {}) {
    this.stateDir = stateDir;
    this.sender = sender;
    this.log = log;
    this.pending = stateDir.read("outbox.ndjson");
    this.totals = { accepted: 0, duplicates: 0, rejected: 0 };
  }

  add(records) {
    if (records.length === 0) return;
    this.stateDir.append("outbox.ndjson", records);
    this.pending.push(...records);
  }

  /** Sends what is pending, batch by batch. Stops at the first batch that still fails after its retries. */
  async drain() {
    if (!this.sender) return false;
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, MAX_BATCH);
      let answer;
      try {
        answer = await this.sender.sendBatch(batch);
      } catch (error) {
        this.log(`outbox: ${this.pending.length} records kept for later: ${error.message}`);
        return false;
      }
      this.totals.accepted += answer.accepted;
      this.totals.duplicates += answer.duplicates;
      this.totals.rejected += answer.rejected;
      const rejected = (answer.results ?? []).map((r, i) => ({ r, record: batch[i] })).filter(({ r }) => r.status === "rejected");
      if (rejected.length > 0) {
        this.log(`outbox: ${rejected.length} records rejected by Payouts (see rejected.ndjson)`);
        this.stateDir.append("rejected.ndjson", rejected.map(({ r, record }) => ({ record, errors: r.errors ?? {} })));
      }
      this.pending = this.pending.slice(batch.length);
      this.stateDir.writeAtomic("outbox.ndjson", this.pending.map((r) => JSON.stringify(r) + "\n").join(""));
    }
    return true;
  }
}
