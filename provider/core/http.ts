// One logical HTTP call with the shared retry rules: bounded attempts, backoff with jitter,
// rate-limit waits within a total budget shared with every call to the same host or bucket
// (rateGate.ts), and only safe calls repeated after the server may have acted. It never lets a
// client error (which could hold the request's headers) escape: failures are handed to the vendor's
// `fail` as facts.
import {
    backoffMs,
    defaultRetryPolicy,
    isRetryable,
    retryAfterMs,
    type RetryPolicy,
} from "./retry";
import { rateLimitResetMs, rateLimitWaitMs, rateWindowOf, type HeaderBag } from "./rateLimit";
import { admit, gateWaitMs, lastRefusal, release } from "./rateGate";
import { noteRefusals } from "./rateStats";
import { sleep } from "./sleep";
import { send, type HttpRequest, type HttpResponse, type Method } from "./transport";
import { userAgentHeader } from "./userAgent";

// The vendors' modules name the exchange's types through here: their HTTP goes through this module.
export type { HttpResponse, Method } from "./transport";

export interface HttpCall {
    method: Method;
    /** absolute URL */
    url: string;
    params?: Record<string, string | number | boolean>;
    body?: unknown;
    headers?: Record<string, string>;
    /** true when repeating the call cannot duplicate work */
    safe: boolean;
    /** statuses that are answers, not failures (e.g. 404 on lookups); "all": every status (checks) */
    accept?: number[] | "all";
    /** whose rate limit the call counts against (Okta: the endpoint bucket); default the URL's origin */
    rateLimitKey?: string;
    /** how the host name is resolved (CXone's `*.localhost` names, localhostNames.ts) */
    lookup?: HttpRequest["lookup"];
}

/** Why the call finally failed: the last answer (if any) or the network error code. */
export interface HttpFailure {
    response?: HttpResponse;
    networkCode?: string;
    attempts: number;
    /** set when a rate limit would reset only after the wait budget is spent */
    rateLimitResetMs?: number;
}

export interface HttpOptions {
    policy: RetryPolicy;
    /** the vendor's 500s are transient and safe calls repeat them (Okta) */
    retry500?: boolean;
    /**
     * spread added to the refused call's own rate-limit wait, in ms (default 1000): against other
     * processes on the same limit; calls of this process already wait for the shared reset
     */
    rateLimitJitterMs?: number;
    /** extra headers for a repeated attempt (Okta's X-Okta-Retry-For / -Count) */
    retryHeaders?(previous: HttpResponse | undefined, retryCount: number): Record<string, string>;
    /** builds the vendor's error from the facts of the last attempt */
    fail(f: HttpFailure): Error;
    /** for tests: the jitter source */
    random?: () => number;
}

function keyOf(call: HttpCall): string {
    if (call.rateLimitKey) return call.rateLimitKey;
    try {
        return new URL(call.url).origin;
    } catch {
        return call.url;
    }
}

function isAnswer(status: number, accept: HttpCall["accept"]): boolean {
    if (status >= 200 && status < 300) return true;
    return accept === "all" || (accept?.includes(status) ?? false);
}

function networkCodeOf(e: unknown): string {
    // Stryker disable next-line LogicalOperator,ConditionalExpression: send rejects only with a NetworkError, an object with a code
    const code = e && typeof e === "object" && "code" in e ? e.code : undefined;
    return typeof code === "string" ? code : "ENETWORK";
}

/** Sends `call`, repeating it as the policy allows; returns 2xx and accepted answers. */
export async function sendWithRetry(call: HttpCall, opts: HttpOptions): Promise<HttpResponse> {
    const tally = { refusals: 0 };
    try {
        return await attempts(call, opts, tally);
    } finally {
        noteRefusals(tally.refusals);
    }
}

/**
 * One attempt, never repeated: for a check that must see exactly how the vendor answers (CXone's
 * connection test). It still waits at the host's shared rate gate, tells the gate what it was
 * answered, and lets no client error escape.
 */
export function sendOnce(
    call: HttpCall,
    opts: { timeoutMs: number; fail(f: HttpFailure): Error },
): Promise<HttpResponse> {
    return sendWithRetry(call, {
        policy: { ...defaultRetryPolicy, maxAttempts: 1, timeoutMs: opts.timeoutMs },
        rateLimitJitterMs: 0,
        fail: opts.fail,
    });
}

async function attempts(
    call: HttpCall,
    opts: HttpOptions,
    tally: { refusals: number },
): Promise<HttpResponse> {
    const { policy } = opts;
    const random = opts.random ?? Math.random;
    const key = keyOf(call);
    let rateLimitWaited = 0;
    let extraHeaders: Record<string, string> = {};
    let previous: HttpResponse | undefined;
    for (let attempt = 1; ; attempt++) {
        const admitted = await admit(key, policy.rateLimitBudgetMs - rateLimitWaited);
        if (!admitted) {
            // the shared reset lies beyond what this call may still wait: the vendor's 429 that
            // announced it (this call's own, or another's) is the answer
            const response = previous ?? (lastRefusal(key) as HttpResponse | undefined);
            throw opts.fail({
                response,
                networkCode: response ? undefined : "ERATELIMIT",
                attempts: Math.max(1, attempt - 1),
                rateLimitResetMs: gateWaitMs(key),
            });
        }
        rateLimitWaited += admitted.waitedMs;
        let res: HttpResponse | undefined;
        let networkCode: string | undefined;
        try {
            res = await send({
                method: call.method,
                url: call.url,
                params: call.params,
                body: call.body,
                timeoutMs: policy.timeoutMs,
                headers: { ...call.headers, ...extraHeaders, ...userAgentHeader() },
                lookup: call.lookup,
            });
        } catch (e) {
            networkCode = networkCodeOf(e);
        }
        const status = res?.status;
        const headers = (res?.headers ?? {}) as HeaderBag;
        const resetMs = status === 429 ? rateLimitResetMs(headers) : undefined;
        const refusedForMs =
            status === 429 ? (resetMs ?? backoffMs(attempt, policy, undefined, random)) : undefined;
        release(key, admitted, {
            window: rateWindowOf(headers),
            refusedForMs,
            announced: resetMs !== undefined,
            networkFailure: !res,
            refusal: status === 429 ? res : undefined,
        });
        if (res && isAnswer(res.status, call.accept)) return res;
        const last = attempt >= policy.maxAttempts;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: refusedForMs is set exactly on a 429 (the type needs it)
        if (status === 429 && refusedForMs !== undefined) {
            tally.refusals++;
            // the gate now holds every call to this key until the reset; this one waits there too
            const jitter =
                resetMs === undefined
                    ? 0
                    : rateLimitWaitMs(0, opts.rateLimitJitterMs ?? 1000, random);
            if (last || rateLimitWaited + refusedForMs + jitter > policy.rateLimitBudgetMs) {
                throw opts.fail({ response: res, attempts: attempt, rateLimitResetMs: resetMs });
            }
            rateLimitWaited += jitter;
            // Stryker disable next-line ConditionalExpression,EqualityOperator: sleep(0) waits for nothing either
            if (jitter > 0) await sleep(jitter);
        } else if (!last && isRetryable(status, networkCode, call.safe, opts.retry500)) {
            await sleep(
                // Stryker disable next-line OptionalChaining: res?. already ends the chain when no answer came
                backoffMs(attempt, policy, retryAfterMs(res?.headers?.["retry-after"]), random),
            );
        } else {
            throw opts.fail({ response: res, networkCode, attempts: attempt });
        }
        previous = res;
        extraHeaders = opts.retryHeaders?.(res, attempt) ?? {};
    }
}
