// When to try a call again, and how long to wait: pure functions shared by both vendors' clients,
// tested without servers. Only calls that cannot duplicate work are repeated after the server may
// have acted.

/** Retry tuning; the defaults suit `pulumi up` against a real tenant. */
export interface RetryPolicy {
    /** total attempts, including the first (bounded) */
    maxAttempts: number;
    /** first backoff delay in ms; doubles each attempt */
    baseDelayMs: number;
    /** upper bound of any single backoff in ms, including a server's Retry-After */
    maxDelayMs: number;
    /** per-request timeout in ms */
    timeoutMs: number;
    /**
     * total time in ms a call may spend waiting for rate limits to reset. Okta's windows last up
     * to 60 s, so a budget below one window gives up where the vendor would have served the call.
     */
    rateLimitBudgetMs: number;
    /**
     * how long a search may lag behind a write (eventually consistent lists): recovery of a lost
     * create searches again for this long before it gives up (and never creates a second object)
     */
    visibilityLagMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
    maxAttempts: 6,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    timeoutMs: 30_000,
    rateLimitBudgetMs: 150_000,
    visibilityLagMs: 20_000,
};

const GATEWAY_STATUS = new Set([502, 504]);
const RETRYABLE_NETWORK = new Set([
    "ECONNRESET",
    "ETIMEDOUT",
    "ECONNABORTED",
    "EPIPE",
    "ERR_SOCKET_CONNECTION_TIMEOUT",
]);

/**
 * Whether a failed attempt may be repeated. `safe` says whether repeating cannot duplicate work:
 * 429 and 503 mean the server refused the request, so any call may be retried; a reset, timeout,
 * 502 or 504 may have happened after the server acted, so only safe (idempotent) calls retry.
 * `retry500`: the vendor's 500 is transient (Okta's eventual consistency) and worth repeating
 * on safe calls; CXone's is not.
 */
export function isRetryable(
    status: number | undefined,
    networkCode: string | undefined,
    safe: boolean,
    retry500 = false,
): boolean {
    if (status === 429 || status === 503) return true;
    if (status !== undefined)
        return safe && (GATEWAY_STATUS.has(status) || (retry500 && status === 500));
    return networkCode !== undefined && RETRYABLE_NETWORK.has(networkCode) && safe;
}

/** Parses a Retry-After header (seconds or HTTP date) into ms, or undefined. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
    if (typeof header !== "string" && typeof header !== "number") return undefined;
    const text = String(header).trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Wait before attempt number `attempt + 1` (attempt counts from 1): the server's Retry-After when
 * given, else capped exponential backoff with jitter (`random` in [0,1) for tests).
 */
export function backoffMs(
    attempt: number,
    policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
    retryAfter?: number,
    random: () => number = Math.random,
): number {
    // A little spread on top of Retry-After, so a rejected burst does not come back all at once.
    if (retryAfter !== undefined) {
        return Math.min(retryAfter + Math.round(policy.baseDelayMs * random()), policy.maxDelayMs);
    }
    const exp = policy.baseDelayMs * 2 ** (attempt - 1);
    const capped = Math.min(exp, policy.maxDelayMs);
    return Math.round(capped / 2 + (capped / 2) * random());
}
