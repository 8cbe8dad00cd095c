#!/usr/bin/env node
// live-bridge: tiktok-live-connector gift events → signed Payouts gift batches. See ../README.md.
import { parseArgs } from "node:util";
import { Bridge, HttpSender, loadConfig } from "../src/index.mjs";

const usage = `usage:
  live-bridge --config bridge.json --live <tiktok @uniqueId> [--record events.ndjson]   capture a creator's LIVE
  live-bridge --config bridge.json --replay events.ndjson [--replay more.ndjson]        send an offline file / recording
  live-bridge --config bridge.json --drain                                              send what the outbox holds
  live-bridge --config bridge.json --resend-unmapped                                    spooled gifts to receivers now mapped
options: --state <dir> (default .bridge-state), --dry-run (make records, send nothing), --url (or PAYOUTS_URL)
environment: PAYOUTS_URL (default http://localhost:7071), FUNCTION_KEY, PARTNER_SECRET; SIGN_API_KEY for --live (optional)`;

const { values } = parseArgs({
  options: {
    config: { type: "string" }, live: { type: "string" }, replay: { type: "string", multiple: true }, record: { type: "string" },
    state: { type: "string", default: ".bridge-state" }, url: { type: "string" }, "dry-run": { type: "boolean" },
    drain: { type: "boolean" }, "resend-unmapped": { type: "boolean" }, help: { type: "boolean", short: "h" },
  },
});
if (values.help || !values.config || !(values.live || values.replay || values.drain || values["resend-unmapped"])) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const log = (m) => console.error(`live-bridge: ${m}`);
const config = loadConfig(values.config);
let sender;
if (!values["dry-run"]) {
  const url = values.url ?? process.env.PAYOUTS_URL ?? "http://localhost:7071";
  if (!process.env.FUNCTION_KEY || !process.env.PARTNER_SECRET) {
    console.error("live-bridge: FUNCTION_KEY and PARTNER_SECRET are needed to send (or --dry-run)");
    process.exit(2);
  }
  sender = new HttpSender({ url, partnerId: config.partnerId, secret: process.env.PARTNER_SECRET, functionKey: process.env.FUNCTION_KEY, log });
}
const bridge = new Bridge({ config, stateDir: values.state, sender, recordPath: values.record, log });
const summary = () => {
  const s = bridge.processor.stats, t = bridge.outbox.totals;
  return `${s.events} gift events (${s.duplicates} duplicates dropped, ${s.battles} battle events ignored), ${s.records} records made, ` +
    `${s.unmapped} to unmapped receivers spooled, ${s.invalid} invalid; Payouts: ${t.accepted} accepted, ${t.duplicates} duplicates, ` +
    `${t.rejected} rejected; ${bridge.outbox.pending.length} waiting in the outbox`;
};

if (values["resend-unmapped"]) log(`${bridge.resendUnmapped(config.creators)} spooled gifts moved to the outbox`);

if (values.replay) {
  await bridge.drain(); // whatever an earlier run left
  for (const file of values.replay) log(`${file}: ${bridge.replayFile(file)} records`);
}

if (!values.live) {
  const ok = sender ? await bridge.drain() : true;
  console.log(summary());
  await bridge.close();
  process.exit(ok ? 0 : 1);
}

// Live: connect, record, reconnect with backoff; a reconnect's replayed backlog is dropped by the seen ids.
const { TikTokLiveConnection, WebcastEvent, ControlEvent } = await import("tiktok-live-connector");
const connection = new TikTokLiveConnection(values.live, { processInitialData: true, fetchRoomInfoOnConnect: true, signApiKey: process.env.SIGN_API_KEY });
let roomId = "", hostId = config.hostId ?? "", stopping = false, draining = null;
const drainSoon = () => { if (sender && !draining) draining = bridge.drain().finally(() => { draining = null; }); };
const on = (name, type) => connection.on(name, (data) => {
  const made = bridge.handle({ type, receivedAt: new Date().toISOString(), roomId, hostId, data }, Date.now());
  if (made.length > 0) drainSoon();
});
on(WebcastEvent.GIFT, "gift");
for (const [key, name] of Object.entries(WebcastEvent)) if (/BATTLE/.test(key)) on(name, name); // recorded, never gifts
connection.on(WebcastEvent.STREAM_END, () => { bridge.handle({ type: "streamEnd", data: {} }); drainSoon(); stopping = true; shutdown(0); });
connection.on(ControlEvent.DISCONNECTED, () => {
  bridge.handle({ type: "disconnected", data: {} }); drainSoon();
  if (!stopping) reconnect(1);
});
const timer = setInterval(() => { if (bridge.tick(Date.now()).length > 0) drainSoon(); else if (bridge.outbox.pending.length) drainSoon(); }, 5000);

async function connect() {
  const state = await connection.connect();
  roomId = state.roomId ?? "";
  const owner = state.roomInfo?.data?.owner ?? state.roomInfo?.owner;
  hostId = config.hostId || String(owner?.id_str ?? state.roomInfo?.data?.owner_user_id_str ?? owner?.id ?? "");
  log(`connected to @${values.live}, room ${roomId}, host ${hostId || "(unknown: set hostId in the config)"}`);
  drainSoon();
}
async function reconnect(attempt) {
  const wait = Math.min(60_000, 2000 * 2 ** (attempt - 1));
  log(`disconnected; reconnecting in ${wait / 1000} s`);
  await new Promise((r) => setTimeout(r, wait));
  try { await connect(); } catch (error) { log(`reconnect failed: ${error.message}`); if (!stopping) reconnect(attempt + 1); }
}
async function shutdown(code) {
  stopping = true;
  clearInterval(timer);
  try { connection.disconnect(); } catch { /* already closed */ }
  bridge.flush();
  await draining;
  if (sender) await bridge.drain();
  console.log(summary());
  await bridge.close();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
try { await connect(); } catch (error) { log(`could not connect to @${values.live}: ${error.message}`); await shutdown(1); }
