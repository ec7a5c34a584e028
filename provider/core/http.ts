// One logical HTTP call with the shared retry rules: bounded attempts, backoff with jitter,
// rate-limit waits within a total budget, and only safe calls repeated after the server may have
// acted. It never lets an axios error (which holds the request's headers) escape: failures are
// handed to the vendor's `fail` as facts.
import axios, { type AxiosResponse, type Method } from "axios";
import { backoffMs, isRetryable, retryAfterMs, type RetryPolicy } from "./retry";
import { rateLimitResetMs, rateLimitWaitMs, type HeaderBag } from "./rateLimit";
import { sleep } from "./sleep";
import { userAgentHeader } from "./userAgent";

export interface HttpCall {
    method: Method;
    /** absolute URL */
    url: string;
    params?: Record<string, string | number | boolean>;
    body?: unknown;
    headers?: Record<string, string>;
    /** true when repeating the call cannot duplicate work */
    safe: boolean;
    /** statuses that are answers, not failures (e.g. 404 on lookups) */
    accept?: number[];
}

/** Why the call finally failed: the last answer (if any) or the network error code. */
export interface HttpFailure {
    response?: AxiosResponse;
    networkCode?: string;
    attempts: number;
    /** set when a rate limit would reset only after the wait budget is spent */
    rateLimitResetMs?: number;
}

export interface HttpOptions {
    policy: RetryPolicy;
    /** the vendor's 500s are transient and safe calls repeat them (Okta) */
    retry500?: boolean;
    /** spread added to a rate-limit wait, in ms (default 1000) */
    rateLimitJitterMs?: number;
    /** extra headers for a repeated attempt (Okta's X-Okta-Retry-For / -Count) */
    retryHeaders?(previous: AxiosResponse | undefined, retryCount: number): Record<string, string>;
    /** builds the vendor's error from the facts of the last attempt */
    fail(f: HttpFailure): Error;
    /** for tests: the jitter source */
    random?: () => number;
}

function networkCodeOf(e: unknown): string {
    const code = e && typeof e === "object" && "code" in e ? e.code : undefined;
    return typeof code === "string" ? code : "ENETWORK";
}

/** Sends `call`, repeating it as the policy allows; returns 2xx and accepted answers. */
export async function sendWithRetry(call: HttpCall, opts: HttpOptions): Promise<AxiosResponse> {
    const { policy } = opts;
    const random = opts.random ?? Math.random;
    let rateLimitWaited = 0;
    let extraHeaders: Record<string, string> = {};
    for (let attempt = 1; ; attempt++) {
        let res: AxiosResponse | undefined;
        let networkCode: string | undefined;
        try {
            res = await axios.request({
                method: call.method,
                url: call.url,
                params: call.params,
                data: call.body,
                timeout: policy.timeoutMs,
                headers: { ...call.headers, ...extraHeaders, ...userAgentHeader() },
                validateStatus: () => true,
                maxRedirects: 0,
                proxy: false,
            });
        } catch (e) {
            networkCode = networkCodeOf(e);
        }
        const status = res?.status;
        if (res && ((res.status >= 200 && res.status < 300) || call.accept?.includes(res.status)))
            return res;
        const last = attempt >= policy.maxAttempts;
        if (status === 429) {
            const resetMs = rateLimitResetMs((res?.headers ?? {}) as HeaderBag);
            const wait =
                resetMs === undefined
                    ? backoffMs(attempt, policy, undefined, random)
                    : rateLimitWaitMs(resetMs, opts.rateLimitJitterMs ?? 1000, random);
            if (last || rateLimitWaited + wait > policy.rateLimitBudgetMs) {
                throw opts.fail({ response: res, attempts: attempt, rateLimitResetMs: resetMs });
            }
            rateLimitWaited += wait;
            await sleep(wait);
        } else if (!last && isRetryable(status, networkCode, call.safe, opts.retry500)) {
            await sleep(
                backoffMs(attempt, policy, retryAfterMs(res?.headers?.["retry-after"]), random),
            );
        } else {
            throw opts.fail({ response: res, networkCode, attempts: attempt });
        }
        extraHeaders = opts.retryHeaders?.(res, attempt) ?? {};
    }
}
