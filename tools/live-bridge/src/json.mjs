// JSON without precision loss: integer literals outside the safe range are read as strings, so int64 ids of a
// recorded event (msgId, roomId, user ids) survive a parse/serialise round trip exactly. Strings are copied untouched.

const SAFE_DIGITS = 15; // every integer of at most 15 digits is exact in a double

/** Rewrites `text` so that every integer literal of more than 15 digits becomes a JSON string. */
export function quoteBigIntegers(text) {
  let out = "";
  let i = 0;
  let last = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) { i++; break; }
        else i++;
      }
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      if (c === 45) i++;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const digits = i - start - (c === 45 ? 1 : 0);
      const next = i < n ? text[i] : "";
      const isInteger = next !== "." && next !== "e" && next !== "E";
      if (isInteger && digits > SAFE_DIGITS) {
        out += text.slice(last, start) + '"' + text.slice(start, i) + '"';
        last = i;
      } else {
        while (i < n && /[0-9.eE+-]/.test(text[i])) i++;
      }
      continue;
    }
    i++;
  }
  return out + text.slice(last);
}

/** JSON.parse that keeps big integers as strings. */
export function parseJson(text) {
  return JSON.parse(quoteBigIntegers(text));
}

/** Reads NDJSON text: one value per non-blank line, big integers kept as strings. */
export function parseNdjson(text) {
  const values = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    try {
      values.push(parseJson(line));
    } catch (error) {
      throw new Error(`line ${index + 1}: ${error.message}`);
    }
  }
  return values;
}

/** JSON.stringify that writes BigInt values as strings (the library's own objects never hold one, a caller's may). */
export function stringifyJson(value) {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}
