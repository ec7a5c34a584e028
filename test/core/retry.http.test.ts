// sendWithRetry attempt by attempt, over real HTTP to a scripted loopback server: what each
// request carries, which failures are repeated and after how long, how the rate-limit budget
// runs out, and the facts handed to the vendor's `fail`.
import { strict as assert } from "assert";
import {
    sendWithRetry,
    type HttpCall,
    type HttpFailure,
    type HttpOptions,
} from "../../provider/core/http";
import { clearRateGates } from "../../provider/core/rateGate";
import { defaultRetryPolicy, type RetryPolicy } from "../../provider/core/retry";
import {
    closedPort,
    startLocalServer,
    type LocalServer,
    type Seen,
} from "../support/loopbackServer";

type Step = { status: number; headers?: Record<string, string>; body?: unknown } | "reset" | "hang";

class Failed extends Error {
    constructor(readonly f: HttpFailure) {
        super(`failed ${f.response?.status ?? f.networkCode} after ${f.attempts}`);
    }
}

describe("core: sendWithRetry, attempt by attempt", () => {
    let server: LocalServer;
    let base = "";
    let script: Step[] = [];
    let seen: Seen[] = [];
    const policy: RetryPolicy = {
        ...defaultRetryPolicy,
        maxAttempts: 3,
        baseDelayMs: 5,
        maxDelayMs: 50,
        timeoutMs: 2000,
        rateLimitBudgetMs: 5000,
    };
    const opts = (over: Partial<HttpOptions> = {}): HttpOptions => ({
        policy,
        fail: (f) => new Failed(f),
        random: () => 0,
        ...over,
    });
    const call = (over: Partial<HttpCall> = {}): HttpCall => ({
        method: "GET",
        url: `${base}/api/thing`,
        safe: true,
        ...over,
    });
    const failure = async (p: Promise<unknown>): Promise<HttpFailure> => {
        try {
            await p;
        } catch (e) {
            assert.ok(e instanceof Failed, String(e));
            return e.f;
        }
        assert.fail("the call succeeded");
    };
    const gaps = () => seen.slice(1).map((s, i) => s.at - seen[i].at);

    before(async () => {
        server = await startLocalServer();
        base = server.url;
        server.answer = (q) => {
            seen.push(q);
            const step = script.shift() ?? { status: 200, body: { ok: true } };
            if (step === "reset") return "rst";
            if (step === "hang") return step;
            return { status: step.status, headers: step.headers, body: step.body ?? {} };
        };
    });
    after(() => server.stop());
    beforeEach(() => {
        clearRateGates(); // each test starts with nothing learned about the server's limit
        script = [];
        seen = [];
    });

    it("sends the method, query, JSON body and headers; a repeat adds the retry headers", async () => {
        script = [{ status: 503, headers: { "x-request-id": "req-1" } }];
        const res = await sendWithRetry(
            call({
                method: "POST",
                params: { q: "a b", limit: 2, all: true },
                body: { name: "SCIM" },
                headers: { "X-Call": "c1" },
                safe: false,
            }),
            opts({
                retryHeaders: (prev, n) => ({
                    "X-Retry-For": String(prev?.headers["x-request-id"]),
                    "X-Retry-Count": String(n),
                }),
            }),
        );
        assert.equal(res.status, 200);
        assert.deepEqual(res.data, { ok: true });
        assert.equal(seen.length, 2, "503 is a refusal: even an unsafe call repeats");
        for (const s of seen) {
            assert.equal(s.method, "POST");
            assert.equal(s.url, "/api/thing?q=a+b&limit=2&all=true");
            assert.deepEqual(s.body, { name: "SCIM" });
            assert.equal(s.headers["x-call"], "c1");
        }
        assert.equal(seen[0].headers["x-retry-for"], undefined);
        assert.equal(seen[1].headers["x-retry-for"], "req-1");
        assert.equal(seen[1].headers["x-retry-count"], "1");
    });

    it("any 2xx is an answer; a redirect is a failure, not followed", async () => {
        script = [{ status: 204 }];
        assert.equal((await sendWithRetry(call(), opts())).status, 204);
        script = [{ status: 299 }];
        assert.equal((await sendWithRetry(call(), opts())).status, 299);
        script = [{ status: 300 }];
        assert.equal((await failure(sendWithRetry(call(), opts()))).response?.status, 300);
        script = [{ status: 302, headers: { location: `${base}/elsewhere` } }];
        const f = await failure(sendWithRetry(call(), opts()));
        assert.equal(f.response?.status, 302);
        assert.equal(f.attempts, 1);
        assert.deepEqual(
            seen.map((s) => s.url),
            ["/api/thing", "/api/thing", "/api/thing", "/api/thing"],
        );
    });

    it("an error status not accepted fails at once with the answer", async () => {
        script = [{ status: 404, body: { error: "nope" } }];
        const f = await failure(sendWithRetry(call(), opts()));
        assert.equal(f.response?.status, 404);
        assert.deepEqual(f.response?.data, { error: "nope" });
        assert.equal(f.networkCode, undefined);
        assert.equal(f.attempts, 1);
    });

    it("a 500 is final unless the vendor's 500s are transient", async () => {
        script = [{ status: 500 }];
        const f = await failure(sendWithRetry(call(), opts()));
        assert.deepEqual([f.response?.status, f.attempts, seen.length], [500, 1, 1]);
    });

    it("nothing listening: fails at once with the network code, no answer", async () => {
        const port = await closedPort();
        const f = await failure(sendWithRetry(call({ url: `http://127.0.0.1:${port}/x` }), opts()));
        assert.deepEqual([f.networkCode, f.response, f.attempts], ["ECONNREFUSED", undefined, 1]);
    });

    it("a request that cannot be sent (a body that is not JSON) fails at once, as ENETWORK", async () => {
        const body: Record<string, unknown> = { name: "loop" };
        body.self = body;
        const f = await failure(sendWithRetry(call({ method: "POST", body }), opts()));
        assert.deepEqual([f.networkCode, f.response, f.attempts], ["ENETWORK", undefined, 1]);
        assert.equal(seen.length, 0, "nothing reached the server");
    });

    it("a reset is repeated on a safe call up to the attempt bound, without retry headers", async () => {
        script = ["reset", "reset", "reset", "reset"];
        const f = await failure(sendWithRetry(call(), opts()));
        assert.deepEqual([f.networkCode, f.attempts, seen.length], ["ECONNRESET", 3, 3]);
    });

    it("a reset is never repeated on an unsafe call (the server may have acted)", async () => {
        script = ["reset", "reset"];
        const f = await failure(sendWithRetry(call({ method: "POST", safe: false }), opts()));
        assert.deepEqual([f.networkCode, f.attempts, seen.length], ["ECONNRESET", 1, 1]);
    });

    it("each attempt gives up after the policy's timeout", async () => {
        script = ["hang", "hang"];
        const t0 = Date.now();
        const f = await failure(
            sendWithRetry(call(), opts({ policy: { ...policy, timeoutMs: 100, maxAttempts: 2 } })),
        );
        assert.deepEqual([f.networkCode, f.attempts, seen.length], ["ECONNABORTED", 2, 2]);
        assert.ok(Date.now() - t0 >= 190, `${Date.now() - t0} ms`);
    });

    it("backs off between attempts: half the base delay at the lowest draw", async () => {
        script = [{ status: 503 }, { status: 503 }];
        await sendWithRetry(
            call(),
            opts({ policy: { ...policy, baseDelayMs: 160, maxDelayMs: 1000 } }),
        );
        const [first, second] = gaps();
        assert.ok(first >= 75 && first < 155, `first wait ${first} ms`);
        assert.ok(second >= 155 && second < 310, `second wait ${second} ms`);
    });

    it("a server's Retry-After replaces the backoff", async () => {
        script = [{ status: 503, headers: { "retry-after": "0" } }];
        await sendWithRetry(
            call(),
            opts({ policy: { ...policy, baseDelayMs: 2000, maxDelayMs: 4000 } }),
        );
        assert.equal(seen.length, 2);
        assert.ok(gaps()[0] < 500, `waited ${gaps()[0]} ms, not the 1 s backoff`);
    });

    it("a 429 without reset headers backs off like any refusal", async () => {
        script = [{ status: 429 }];
        const res = await sendWithRetry(
            call({ method: "POST", safe: false }),
            opts({ policy: { ...policy, baseDelayMs: 120, maxDelayMs: 1000 } }),
        );
        assert.equal(res.status, 200);
        assert.ok(gaps()[0] >= 55 && gaps()[0] < 200, `waited ${gaps()[0]} ms`);
    });

    it("rate-limit waits add up until the next would pass the budget", async () => {
        // each wait: reset 0 + jitter 60 x 0.5 = 30 ms; budget 90 ms: waits 30, 60, 90, then stop
        script = Array.from({ length: 8 }, () => ({
            status: 429,
            headers: { "retry-after": "0" },
        }));
        const f = await failure(
            sendWithRetry(
                call(),
                opts({
                    policy: { ...policy, maxAttempts: 10, rateLimitBudgetMs: 90 },
                    rateLimitJitterMs: 60,
                    random: () => 0.5,
                }),
            ),
        );
        assert.deepEqual([f.response?.status, f.attempts, f.rateLimitResetMs], [429, 4, 0]);
        assert.equal(seen.length, 4);
        for (const g of gaps()) assert.ok(g >= 25, `waited ${g} ms`);
    });

    it("the rate-limit spread defaults to one second", async () => {
        // 5 % of the default 1000 ms spread is 50 ms, over a 40 ms budget: no wait at all
        script = [{ status: 429, headers: { "retry-after": "0" } }];
        const f = await failure(
            sendWithRetry(
                call(),
                opts({ policy: { ...policy, rateLimitBudgetMs: 40 }, random: () => 0.05 }),
            ),
        );
        assert.deepEqual([f.attempts, seen.length], [1, 1]);
    });

    it("a 429 on the last attempt fails with the reset it announced", async () => {
        script = [{ status: 429, headers: { "retry-after": "2" } }];
        const f = await failure(
            sendWithRetry(call(), opts({ policy: { ...policy, maxAttempts: 1 } })),
        );
        assert.deepEqual([f.response?.status, f.attempts, f.rateLimitResetMs], [429, 1, 2000]);
    });
});
