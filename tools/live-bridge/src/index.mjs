export { parseJson, parseNdjson, quoteBigIntegers, stringifyJson } from "./json.mjs";
export { idString, isBattleEvent, normalizeGift, shapeOf } from "./normalize.mjs";
export { DEFAULTS, GiftProcessor, recordIdFor } from "./processor.mjs";
export { HttpSender, MAX_BATCH, retryAfterMs, signature } from "./sender.mjs";
export { Outbox, StateDir } from "./spool.mjs";
export { Bridge, loadConfig } from "./bridge.mjs";
