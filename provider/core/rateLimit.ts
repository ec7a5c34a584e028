// How long a rate-limited call waits. Okta says when the bucket refills in X-Rate-Limit-Reset
// (epoch seconds) and promises no Retry-After [doc: rate-limit guide]; its SDK measures the reset
// against the answer's Date header, not the local clock, so clock skew does not matter
// [sdk:okta-rate-reset-clock]; an answer without a Date header is measured on the local clock.

import type { WindowFacts } from "./rateGate";

/** Headers as axios gives them (lower-case names). */
export type HeaderBag = Record<string, unknown>;

function header(h: HeaderBag, name: string): string | undefined {
    const v = h[name];
    if (typeof v === "number") return String(v);
    // a blank value is unusable as any header read here (not digits, not a date)
    return typeof v === "string" ? v.trim() : undefined;
}

/**
 * Milliseconds until the server's rate limit resets, before jitter: `Retry-After` when given
 * (seconds or date), else `X-Rate-Limit-Reset` minus the answer's `Date` (local clock when the
 * answer has none), plus one second for the Date header's whole-second resolution. Undefined
 * when the answer says nothing usable (several comma-joined reset values included, as the SDK).
 */
export function rateLimitResetMs(h: HeaderBag, now = Date.now()): number | undefined {
    const retryAfter = header(h, "retry-after");
    if (retryAfter !== undefined) {
        if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
        const at = Date.parse(retryAfter);
        if (!Number.isNaN(at)) return Math.max(0, at - now);
    }
    return xRateLimitResetMs(h, now);
}

/** X-Rate-Limit-Reset minus the answer's Date (local clock without one), plus one second. */
function xRateLimitResetMs(h: HeaderBag, now: number): number | undefined {
    const reset = header(h, "x-rate-limit-reset");
    if (reset === undefined || !/^\d+$/.test(reset)) return undefined;
    const date = header(h, "date");
    const serverNow =
        date !== undefined && !Number.isNaN(Date.parse(date)) ? Date.parse(date) : now;
    return Math.max(0, Number(reset) * 1000 - serverNow + 1000);
}

/**
 * The window an answer counts in, from X-Rate-Limit-Remaining and -Reset (sent on every Okta
 * answer, per endpoint bucket [doc: rate-limit guide]); undefined when either is missing or not a
 * whole number (CXone sends neither).
 */
export function rateWindowOf(h: HeaderBag, now = Date.now()): WindowFacts | undefined {
    const remaining = header(h, "x-rate-limit-remaining");
    const reset = header(h, "x-rate-limit-reset");
    const ms = xRateLimitResetMs(h, now);
    if (remaining === undefined || !/^\d+$/.test(remaining) || reset === undefined)
        return undefined;
    if (ms === undefined) return undefined;
    return { reset, remaining: Number(remaining), resetsAt: now + ms };
}

/** The wait for a rate limit: the reset plus up to `jitterMs` spread, so callers do not stampede. */
export function rateLimitWaitMs(
    resetMs: number,
    jitterMs: number,
    random: () => number = Math.random,
): number {
    return resetMs + Math.round(jitterMs * random());
}
