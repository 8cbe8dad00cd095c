// Signed HTTP batches to Payouts (POST /api/gifts): ≤ 1,000 records a request, Payouts-Signature over the exact body,
// the function key, retried with backoff on 429 (Retry-After honoured), 5xx and network errors with the same body.
import { createHmac } from "node:crypto";

export const MAX_BATCH = 1000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signature(body, secret, nowMs = Date.now()) {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** Seconds or an HTTP date → milliseconds to wait; null when absent or unreadable. */
export function retryAfterMs(header, nowMs = Date.now()) {
  if (header === null || header === undefined || header === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export class TransientError extends Error {}

export class HttpSender {
  /**
   * @param {object} o
   * @param {string} o.url Payouts base address (http://localhost:7071)
   * @param {string} o.partnerId
   * @param {string} o.secret the partner's signing secret
   * @param {string} o.functionKey
   * @param {number} [o.maxAttempts] attempts per batch before giving up (the records stay spooled)
   * @param {number} [o.baseDelayMs] first backoff; doubled each attempt, capped by maxDelayMs, with jitter
   * @param {(ms:number)=>Promise<void>} [o.sleep]
   * @param {typeof fetch} [o.fetch]
   */
  constructor(o) {
    for (const k of ["url", "partnerId", "secret", "functionKey"]) if (!o[k]) throw new Error(`sender: ${k} is required`);
    this.url = o.url.replace(/\/+$/, "");
    this.partnerId = o.partnerId;
    this.secret = o.secret;
    this.functionKey = o.functionKey;
    this.maxAttempts = o.maxAttempts ?? 8;
    this.baseDelayMs = o.baseDelayMs ?? 500;
    this.maxDelayMs = o.maxDelayMs ?? 60_000;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.fetch = o.fetch ?? globalThis.fetch;
    this.log = o.log ?? (() => {});
  }

  /** Sends up to 1,000 records; returns Payouts' answer ({accepted, duplicates, rejected, results}). */
  async sendBatch(records) {
    if (records.length === 0 || records.length > MAX_BATCH) throw new Error(`a batch holds 1–${MAX_BATCH} records, not ${records.length}`);
    const body = JSON.stringify({ partnerId: this.partnerId, records });
    let lastError;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let wait = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
      wait = Math.round(wait / 2 + Math.random() * wait / 2);
      try {
        const response = await this.fetch(`${this.url}/api/gifts`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "x-functions-key": this.functionKey,
            "Payouts-Partner-Id": this.partnerId,
            "Payouts-Signature": signature(body, this.secret), // a fresh timestamp on each attempt, same body
          },
          body,
        });
        const text = await response.text();
        if (response.ok) return JSON.parse(text);
        if (response.status === 429 || response.status >= 500) {
          lastError = new TransientError(`POST /api/gifts answered ${response.status}: ${text.slice(0, 300)}`);
          wait = retryAfterMs(response.headers.get("retry-after")) ?? wait;
        } else {
          // 400/401/403/413/415: the same body would fail again; keep it spooled and say why.
          throw new Error(`POST /api/gifts answered ${response.status}: ${text.slice(0, 500)}`);
        }
      } catch (error) {
        if (!(error instanceof TransientError) && !isNetworkError(error)) throw error;
        lastError = error instanceof TransientError ? error : new TransientError(`POST /api/gifts failed: ${error.cause?.code ?? error.message}`);
      }
      if (attempt < this.maxAttempts) {
        this.log(`${lastError.message}; retry ${attempt}/${this.maxAttempts - 1} in ${wait} ms`);
        await this.sleep(wait);
      }
    }
    throw lastError;
  }
}

function isNetworkError(error) {
  return error instanceof TypeError || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "UND_ERR_SOCKET"].includes(error?.cause?.code ?? error?.code);
}
