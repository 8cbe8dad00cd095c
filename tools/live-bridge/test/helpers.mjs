import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJson, parseNdjson } from "../src/json.mjs";

export const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const fixture = (name) => join(fixtures, name);
export const lines = (name) => parseNdjson(readFileSync(fixture(name), "utf8"));
export const config = () => parseJson(readFileSync(fixture("bridge.config.json"), "utf8"));
export const tempDir = () => mkdtempSync(join(tmpdir(), "live-bridge-test-"));

/** Runs every line through a processor and flushes at the end, as a replay does. */
export function run(processor, name) {
  const out = { records: [], unmapped: [], invalid: [] };
  const add = (o) => { out.records.push(...o.records); out.unmapped.push(...o.unmapped); out.invalid.push(...o.invalid); };
  for (const line of lines(name)) add(processor.handle(line));
  add(processor.flushAll());
  return out;
}
