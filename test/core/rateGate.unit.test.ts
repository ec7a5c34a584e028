// How long one answer closes the process's gate for a host, value for value: a 429 closes it for
// the wait it announces (Retry-After, else X-Rate-Limit-Reset against the answer's Date) and not
// also for the window its X-Rate-Limit-* headers report; a served answer's window still counts
// down. The answers are read from headers as http.ts reads them.
import { strict as assert } from "assert";
import { clearRateGates, gateWaitMs, release } from "../../provider/core/rateGate";
import { rateLimitResetMs, rateWindowOf, type HeaderBag } from "../../provider/core/rateLimit";

const KEY = "https://example.okta.com/api/v1/groups";

/** One call, let through at `now`, answered with `status` and `headers` at once. */
function answer(status: number, headers: HeaderBag, now: number): void {
    const a = { startedAt: now, waitedMs: 0 };
    const resetMs = status === 429 ? rateLimitResetMs(headers, now) : undefined;
    release(
        KEY,
        a,
        {
            window: rateWindowOf(headers, now),
            refusedForMs: resetMs,
            announced: resetMs !== undefined,
        },
        now,
    );
}

/** Okta's window on an answer at `now`: `remaining` calls left until `resetInS` after its Date. */
function oktaWindow(now: number, remaining: number, resetInS: number): HeaderBag {
    const date = Math.floor(now / 1000) * 1000;
    return {
        date: new Date(date).toUTCString(),
        "x-rate-limit-remaining": String(remaining),
        "x-rate-limit-reset": String(date / 1000 + resetInS),
    };
}

/** Okta's 429 E0000047: the bucket is empty until `resetInS` after the answer's Date. */
function oktaRefusal(now: number, resetInS: number, retryAfter?: string): HeaderBag {
    return {
        ...oktaWindow(now, 0, resetInS),
        "x-rate-limit-limit": "100",
        ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }),
    };
}

describe("core: how long one answer closes a host's rate gate", () => {
    beforeEach(() => clearRateGates());
    after(() => clearRateGates());

    it("a 429 with Retry-After 1 and a reset 60 s ahead closes the gate for 1 s, not 61 s", () => {
        const now = Date.now();
        answer(429, oktaRefusal(now, 60, "1"), now);
        assert.equal(gateWaitMs(KEY, now), 1000);
        assert.equal(gateWaitMs(KEY, now + 1000), 0, "open once the announced second has passed");
    });

    it("a 429 with only X-Rate-Limit-Reset waits until the reset measured against its Date", () => {
        const now = Date.now();
        // the server's clock runs 10 s behind ours: its Date, not our clock, places the reset
        const headers = oktaRefusal(now - 10_000, 5);
        answer(429, headers, now);
        const dateMs = Date.parse(String(headers.date));
        // 5 s after Date, plus a second for Date's whole-second resolution
        const expected = Number(headers["x-rate-limit-reset"]) * 1000 - dateMs + 1000;
        assert.equal(expected, 6000);
        assert.equal(gateWaitMs(KEY, now), expected);
        assert.equal(gateWaitMs(KEY, now + expected), 0);
    });

    it("a served answer with X-Rate-Limit-Remaining 0 still holds calls until its reset", () => {
        const now = Date.now();
        answer(200, oktaWindow(now, 0, 2), now);
        // 2 s after Date, plus Date's second
        assert.equal(gateWaitMs(KEY, now), 3000);
    });

    it("after a 429's announced wait, the count of the next served answer governs again", () => {
        const now = Date.now();
        answer(429, oktaRefusal(now, 60, "1"), now);
        const later = now + 1000;
        answer(200, oktaWindow(later, 5, 59), later);
        assert.equal(gateWaitMs(KEY, later), 0, "5 calls left in the window: no wait");
    });
});
