// Retry timing and rules, value for value: Retry-After in its two forms, backoff with and without
// it, the network errors worth repeating, and rate-limit header readings.
import { strict as assert } from "assert";
import {
    backoffMs,
    defaultRetryPolicy,
    isRetryable,
    retryAfterMs,
} from "../../provider/core/retry";
import { rateLimitResetMs, rateLimitWaitMs, rateWindowOf } from "../../provider/core/rateLimit";

const NOW = Date.parse("Mon, 30 Nov 2026 14:00:00 GMT");

describe("core: when to repeat a call", () => {
    it("429 and 503 are refusals: any call repeats", () => {
        for (const s of [429, 503]) assert.equal(isRetryable(s, undefined, false), true, `${s}`);
    });
    it("502 and 504 may have acted: only safe calls repeat", () => {
        for (const s of [502, 504]) {
            assert.equal(isRetryable(s, undefined, true), true, `${s} safe`);
            assert.equal(isRetryable(s, undefined, false), false, `${s} unsafe`);
        }
        assert.equal(isRetryable(501, undefined, true, true), false);
    });
    it("network failures that may recur repeat on safe calls only", () => {
        for (const code of [
            "ECONNRESET",
            "ETIMEDOUT",
            "ECONNABORTED",
            "EPIPE",
            "ERR_SOCKET_CONNECTION_TIMEOUT",
        ]) {
            assert.equal(isRetryable(undefined, code, true), true, code);
            assert.equal(isRetryable(undefined, code, false), false, `${code} unsafe`);
        }
        for (const code of ["ECONNREFUSED", "ENOTFOUND", "EPROTO"])
            assert.equal(isRetryable(undefined, code, true), false, code);
        assert.equal(isRetryable(undefined, undefined, true), false);
    });
});

describe("core: Retry-After", () => {
    it("seconds, fractional seconds, padded, or a number", () => {
        assert.equal(retryAfterMs("2"), 2000);
        assert.equal(retryAfterMs("2.5"), 2500);
        assert.equal(retryAfterMs("2.55"), 2550);
        assert.equal(retryAfterMs(" 3 "), 3000);
        assert.equal(retryAfterMs(4), 4000);
    });
    it("an HTTP date, measured from now; a past date waits nothing", () => {
        assert.equal(retryAfterMs(new Date(NOW + 7000).toUTCString(), NOW), 7000);
        assert.equal(retryAfterMs(new Date(NOW - 7000).toUTCString(), NOW), 0);
    });
    it("anything else is no Retry-After", () => {
        for (const v of [undefined, null, {}, ["1"], "soon", "", "1s", "x2"])
            assert.equal(retryAfterMs(v, NOW), undefined, JSON.stringify(v));
    });
});

describe("core: backoff", () => {
    const policy = { baseDelayMs: 200, maxDelayMs: 1000 };
    it("Retry-After plus up to one base delay of spread, capped", () => {
        // [Retry-After in ms, the random draw, the wait]
        const cases: [number, number, number][] = [
            [300, 0.5, 400],
            [300, 0, 300],
            [950, 0.5, 1000],
            [0, 0.9, 180],
        ];
        for (const [retryAfterMs, draw, wait] of cases)
            assert.equal(
                backoffMs(1, policy, retryAfterMs, () => draw),
                wait,
                `${retryAfterMs} ${draw}`,
            );
    });
    it("doubles from the base, between half and all of the capped delay", () => {
        assert.deepEqual(
            [1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, undefined, () => 0)),
            [100, 200, 400, 500, 500],
        );
        assert.deepEqual(
            [1, 2, 3, 4].map((a) => backoffMs(a, policy, undefined, () => 0.5)),
            [150, 300, 600, 750],
        );
        assert.equal(
            backoffMs(2, policy, undefined, () => 0.999),
            400,
        );
    });
    it("without a random source, still within [cap/2, cap]", () => {
        for (let i = 0; i < 20; i++) {
            const ms = backoffMs(3, policy);
            assert.ok(ms >= 400 && ms <= 800, `${ms}`);
        }
    });
    it("the defaults: six attempts from 200 ms, 10 s apart at most, 30 s per request", () => {
        assert.deepEqual(
            [
                defaultRetryPolicy.maxAttempts,
                defaultRetryPolicy.baseDelayMs,
                defaultRetryPolicy.maxDelayMs,
                defaultRetryPolicy.timeoutMs,
            ],
            [6, 200, 10_000, 30_000],
        );
    });
});

describe("core: rate-limit headers", () => {
    const date = new Date(NOW).toUTCString();
    it("numeric header values are read as text", () => {
        assert.equal(rateLimitResetMs({ "retry-after": 2 }, NOW), 2000);
        assert.equal(rateLimitResetMs({ date, "x-rate-limit-reset": NOW / 1000 + 5 }, NOW), 6000);
    });
    it("Retry-After: padded or fractional seconds, a date, a past date", () => {
        assert.equal(rateLimitResetMs({ "retry-after": " 1.5 " }, NOW), 1500);
        assert.equal(rateLimitResetMs({ "retry-after": "1.25" }, NOW), 1250);
        assert.equal(rateLimitResetMs({ "retry-after": "12" }, NOW), 12_000);
        for (const v of ["x5", "5x"])
            assert.equal(rateLimitResetMs({ "retry-after": v }, NOW), undefined, v);
        assert.equal(
            rateLimitResetMs({ "retry-after": new Date(NOW + 4000).toUTCString() }, NOW),
            4000,
        );
        assert.equal(
            rateLimitResetMs({ "retry-after": new Date(NOW - 4000).toUTCString() }, NOW),
            0,
        );
    });
    it("an unusable Retry-After falls back to X-Rate-Limit-Reset", () => {
        const reset = String(NOW / 1000 + 10);
        assert.equal(
            rateLimitResetMs({ "retry-after": "later", date, "x-rate-limit-reset": reset }, NOW),
            11_000,
        );
        assert.equal(
            rateLimitResetMs({ "retry-after": "  ", date, "x-rate-limit-reset": reset }, NOW),
            11_000,
        );
    });
    it("without a usable Date header, the reset is measured against the local clock", () => {
        const reset = String(NOW / 1000 + 10);
        assert.equal(rateLimitResetMs({ "x-rate-limit-reset": reset }, NOW), 11_000);
        assert.equal(
            rateLimitResetMs({ date: "yesterday", "x-rate-limit-reset": reset }, NOW),
            11_000,
        );
        assert.equal(rateLimitResetMs({ "x-rate-limit-reset": " " }, NOW), undefined);
        assert.equal(rateLimitResetMs({ "x-rate-limit-reset": "12.5" }, NOW), undefined);
        assert.equal(rateLimitResetMs({ "x-rate-limit-reset": true }, NOW), undefined);
    });
    it("the jitter is the spread times the random draw, rounded", () => {
        assert.equal(
            rateLimitWaitMs(100, 1000, () => 0.2505),
            351,
        );
        assert.equal(rateLimitWaitMs(100, 0), 100);
        for (let i = 0; i < 20; i++) {
            const w = rateLimitWaitMs(100, 50);
            assert.ok(w >= 100 && w <= 150, `${w}`);
        }
    });
});

describe("core: the rate-limit window an answer reports", () => {
    const date = new Date(NOW).toUTCString();
    it("Remaining and Reset make the window; the reset is measured against Date, +1 s", () => {
        const reset = String(NOW / 1000 + 30);
        const h = { "x-rate-limit-remaining": "7", "x-rate-limit-reset": reset, date };
        assert.deepEqual(rateWindowOf(h, NOW), { reset, remaining: 7, resetsAt: NOW + 31_000 });
    });
    it("no window without both headers, or with values that are not whole numbers (CXone sends none)", () => {
        const reset = String(NOW / 1000 + 30);
        assert.equal(rateWindowOf({ "x-rate-limit-reset": reset }, NOW), undefined);
        assert.equal(rateWindowOf({ "x-rate-limit-remaining": "3" }, NOW), undefined);
        assert.equal(
            rateWindowOf({ "x-rate-limit-remaining": "3, 4", "x-rate-limit-reset": reset }, NOW),
            undefined,
        );
        assert.equal(rateWindowOf({ "retry-after": "1" }, NOW), undefined);
    });
});
