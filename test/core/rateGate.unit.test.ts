// How long one answer closes the process's gate for a host, value for value: a 429 closes it for
// the wait it announces (Retry-After, else X-Rate-Limit-Reset against the answer's Date) and not
// also for the window its X-Rate-Limit-* headers report; a served answer's window still counts
// down. The answers are read from headers as http.ts reads them.
import { strict as assert } from "assert";
import {
    admit,
    clearRateGates,
    gateState,
    gateWaitMs,
    lastRefusal,
    release,
} from "../../provider/core/rateGate";
import { rateLimitResetMs, rateWindowOf, type HeaderBag } from "../../provider/core/rateLimit";
import { sleep } from "../../provider/core/sleep";

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

const SERVED = { window: undefined };

/** A call let through at `startedAt` whose answer arrives at `now`. */
function settle(startedAt: number, now: number, outcome: Parameters<typeof release>[2]): void {
    release(KEY, { startedAt, waitedMs: 0 }, outcome, now);
}

describe("core: what a host's rate gate keeps and learns from its answers", () => {
    beforeEach(() => clearRateGates());
    after(() => clearRateGates());

    it("a key no call has used waits for nothing and has no state", () => {
        assert.equal(gateWaitMs("https://unused.example"), 0);
        assert.equal(gateState("https://unused.example"), undefined);
        assert.equal(lastRefusal("https://unused.example"), undefined);
    });

    it("keeps the last 429 answer as the vendor sent it, and only the gate's own facts", () => {
        const refusal = { status: 429, body: { errorCode: "E0000047" } };
        settle(1000, 2000, { refusedForMs: 500, refusal });
        assert.equal(lastRefusal(KEY), refusal);
        assert.deepEqual(gateState(KEY), { spacingMs: 0, window: undefined, openAt: 2500 });
    });

    it("learns the rate from the calls served in the announced wait: 90 % of it", () => {
        const now = 1_000_000;
        settle(now - 5000, now - 4000, SERVED); // before the wait: not counted
        settle(now - 1000, now - 900, SERVED); // exactly at the wait's start: counted
        settle(now - 100, now - 50, SERVED);
        settle(now - 10, now, { refusedForMs: 1000, announced: true });
        // 2 served in 1000 ms, spaced for 90 % of that rate
        assert.equal(gateState(KEY)?.spacingMs, 1000 / (2 * 0.9));
    });

    it("learns nothing from a 429 when nothing was served in its wait", () => {
        settle(0, 100, { refusedForMs: 1000, announced: true });
        assert.equal(gateState(KEY)?.spacingMs, 0);
    });

    it("a network failure is not a served call", () => {
        const now = 1_000_000;
        settle(now - 500, now - 400, { networkFailure: true });
        settle(now - 10, now, { refusedForMs: 1000, announced: true });
        assert.equal(gateState(KEY)?.spacingMs, 0);
    });

    it("learns no rate from the client's own backoff, nor where the vendor counts down", () => {
        const now = 1_000_000;
        settle(now - 500, now - 400, SERVED);
        settle(now - 10, now, { refusedForMs: 1000 });
        assert.equal(gateState(KEY)?.spacingMs, 0, "a backoff nobody announced");
        const w = { reset: "2000", remaining: 0, resetsAt: now + 60_000 };
        settle(now - 10, now, { refusedForMs: 1000, announced: true, window: w });
        assert.equal(gateState(KEY)?.spacingMs, 0, "Okta's headers say when to stop");
    });

    it("forgets served calls older than two minutes", () => {
        const now = 1_000_000;
        settle(now - 130_000, now - 130_000, SERVED);
        settle(now - 120_000, now - 120_000, SERVED);
        settle(now - 10, now, SERVED); // drops the call 130 s ago, keeps the one 120 s ago
        settle(now - 5, now, { refusedForMs: 200_000, announced: true });
        assert.equal(gateState(KEY)?.spacingMs, 200_000 / (2 * 0.9));
    });

    it("a newer window replaces the count; within one window the lowest count holds", () => {
        const now = 1_000_000;
        settle(0, now, { window: { reset: "100", remaining: 0, resetsAt: now + 1000 } });
        const newer = { reset: "160", remaining: 50, resetsAt: now + 61_000 };
        settle(0, now, { window: newer });
        assert.deepEqual(gateState(KEY)?.window, newer);
        settle(0, now, { window: { ...newer, remaining: 40 } });
        settle(0, now, { window: { ...newer, remaining: 45 } }); // crossed on the way
        assert.deepEqual(gateState(KEY)?.window, { ...newer, remaining: 40 });
        // an answer of the older window arriving late says nothing
        settle(0, now, { window: { reset: "100", remaining: 0, resetsAt: now + 1000 } });
        assert.deepEqual(gateState(KEY)?.window, { ...newer, remaining: 40 });
    });

    it("takes the calls still in flight off a window's count", async () => {
        const now = Date.now();
        const w = { reset: "160", remaining: 10, resetsAt: now + 60_000 };
        const calls = [await admit(KEY, 0), await admit(KEY, 0), await admit(KEY, 0)];
        assert.ok(calls.every((c) => c !== undefined));
        settle(now, now, { window: w }); // 2 still in flight
        assert.equal(gateState(KEY)?.window?.remaining, 8);
        settle(now, now, { window: { ...w, remaining: 7 } }); // 1 still in flight
        assert.equal(gateState(KEY)?.window?.remaining, 6);
    });
});

describe("core: when a call under a host's rate gate may start", function () {
    // a wrong wait here sleeps for a minute: fail rather than wait
    this.timeout(5000);
    const real = Date.now;
    let clock = 0;
    beforeEach(() => {
        clearRateGates();
        clock = real();
        Date.now = () => clock;
    });
    afterEach(() => {
        Date.now = real;
        clearRateGates();
    });

    it("a call whose wait would pass its budget is refused at once", async () => {
        settle(clock, clock, { refusedForMs: 60_000 });
        assert.equal(await admit(KEY, 1000), undefined);
    });

    it("a call whose wait is exactly its budget waits", async () => {
        settle(clock, clock, { refusedForMs: 50 });
        const a = admit(KEY, 50); // asleep for the 50 ms
        clock += 50;
        assert.ok(await a);
    });

    it("a window past its reset is unknown again, from the reset on", async () => {
        settle(clock - 10, clock, {
            window: { reset: "100", remaining: 5, resetsAt: clock + 1000 },
        });
        clock += 1000;
        assert.ok(await admit(KEY, 0));
        assert.equal(gateState(KEY)?.window, undefined);
    });

    it("a call free to go at its learned slot takes its place in the window before admit returns", () => {
        settle(clock - 5, clock, SERVED);
        settle(clock, clock, { refusedForMs: 9, announced: true });
        clock += 9;
        settle(clock, clock, { window: { reset: "100", remaining: 5, resetsAt: clock + 60_000 } });
        // nothing to wait for: no turn is yielded in which another call could take the same place
        void admit(KEY, 0);
        assert.equal(gateState(KEY)?.window?.remaining, 4);
    });

    it("a 429 while a call waits for its learned slot holds that call too", async () => {
        settle(clock - 5, clock, SERVED);
        settle(clock, clock, { refusedForMs: 9, announced: true });
        assert.equal(gateState(KEY)?.spacingMs, 10);
        clock += 9;
        const first = await admit(KEY, 1000);
        assert.ok(first);
        const second = admit(KEY, 10_000); // its slot is 10 ms on
        settle(first.startedAt, clock, { refusedForMs: 400 }); // closed while it waits
        const early = await Promise.race([
            second.then(() => "admitted"),
            sleep(150).then(() => "waiting"),
        ]);
        assert.equal(early, "waiting", "let through while the gate was closed");
        assert.ok(await second);
    });
});
