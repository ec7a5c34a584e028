// The shared request executor over real HTTP (a scripted loopback server): which answers are
// repeated, how long rate limits are waited for, and that the budget is respected.
import { strict as assert } from "assert";
import express from "express";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sendWithRetry, type HttpFailure } from "../../provider/core/http";
import { clearRateGates, gateState } from "../../provider/core/rateGate";
import { RATE_STATS_ENV, readRateStats } from "../../provider/core/rateStats";
import { defaultRetryPolicy, type RetryPolicy } from "../../provider/core/retry";
import { serve, type Served } from "../support/loopbackServer";

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

describe("core: sendWithRetry over HTTP", function () {
    let server: Served;
    let script: Answer[] = [];
    let seen: { method: string; headers: Record<string, unknown>; at: number }[] = [];
    const fast: RetryPolicy = {
        ...defaultRetryPolicy,
        baseDelayMs: 5,
        maxDelayMs: 50,
        rateLimitBudgetMs: 5_000,
    };
    const fail = (f: HttpFailure) =>
        Object.assign(
            new Error(`failed ${f.response?.status ?? f.networkCode} after ${f.attempts}`),
            { f },
        );

    before(async () => {
        const app = express();
        app.use((req, res) => {
            seen.push({ method: req.method, headers: req.headers, at: Date.now() });
            const a = script.shift() ?? { status: 200, body: { ok: true } };
            res.status(a.status)
                .set(a.headers ?? {})
                .json(a.body ?? {});
        });
        server = await serve(app);
    });
    after(() => server.close());
    beforeEach(() => {
        clearRateGates(); // each test starts with nothing learned about the server's limit
        script = [];
        seen = [];
    });

    const send = (safe: boolean, retry500 = true, policy = fast) =>
        sendWithRetry(
            { method: safe ? "GET" : "POST", url: `${server.url}/x`, safe },
            {
                policy,
                retry500,
                fail,
                rateLimitJitterMs: 50,
                retryHeaders: (prev, n): Record<string, string> => ({
                    "X-Retry-Count": String(n),
                    "X-Retry-For": String(prev?.headers["x-id"] ?? ""),
                }),
            },
        );

    it("repeats a transient 500 on a safe call, with the retry headers", async () => {
        script = [{ status: 500, headers: { "x-id": "r1" } }, { status: 500 }];
        const res = await send(true);
        assert.equal(res.status, 200);
        assert.equal(seen.length, 3);
        assert.equal(seen[1].headers["x-retry-for"], "r1");
        assert.equal(seen[2].headers["x-retry-count"], "2");
    });
    it("never repeats a 500 on an unsafe call (it may have happened)", async () => {
        script = [{ status: 500 }];
        await assert.rejects(send(false), /failed 500 after 1/);
        assert.equal(seen.length, 1);
    });
    it("waits until X-Rate-Limit-Reset measured against the server's Date", async () => {
        // the server's clock says the window resets 2 s from its own Date; the wait is ~2-3 s
        const now = Date.now();
        const serverDate = new Date(Math.floor(now / 1000) * 1000);
        script = [
            {
                status: 429,
                headers: {
                    date: serverDate.toUTCString(),
                    "x-rate-limit-reset": String(serverDate.getTime() / 1000 + 2),
                },
            },
        ];
        const res = await send(false);
        assert.equal(res.status, 200, "429 means refused: even an unsafe call is repeated");
        const waited = seen[1].at - seen[0].at;
        assert.ok(waited >= 2000 && waited < 3500, `waited ${waited} ms`);
    });
    it("gives up at once when the reset lies beyond the wait budget, saying so", async () => {
        script = [
            {
                status: 429,
                headers: { "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 60) },
            },
        ];
        const started = Date.now();
        const e = await send(true).then(
            () => undefined,
            (x: Error & { f: HttpFailure }) => x,
        );
        assert.ok(e && Date.now() - started < 1000);
        assert.ok((e.f.rateLimitResetMs ?? 0) > 59_000);
    });
    it("another call to a host whose reset lies beyond its budget fails at once with that 429", async () => {
        script = [
            {
                status: 429,
                headers: { "retry-after": "60", "x-id": "first" },
                body: { errorCode: "E0000047" },
            },
        ];
        await assert.rejects(send(true), /failed 429 after 1/);
        const e = await send(true).then(
            () => undefined,
            (x: Error & { f: HttpFailure }) => x,
        );
        assert.equal(seen.length, 1, "the second call never reached the server");
        assert.ok(e, "the second call failed");
        assert.equal(e.message, "failed 429 after 1");
        assert.equal(e.f.networkCode, undefined);
        assert.equal(e.f.response?.headers["x-id"], "first");
        assert.deepEqual(e.f.response?.data, { errorCode: "E0000047" });
        assert.ok((e.f.rateLimitResetMs ?? 0) > 50_000, String(e.f.rateLimitResetMs));
    });
    it("counts the waits for rate limits against one budget per call", async () => {
        // each 429 asks for 0.4 s; the budget holds one such wait, not two
        const refusal = { status: 429, headers: { "retry-after": "0.4" } };
        script = [refusal, refusal, { status: 200 }];
        const e = await sendWithRetry(
            { method: "POST", url: `${server.url}/x`, safe: false },
            { policy: { ...fast, rateLimitBudgetMs: 600 }, fail, random: () => 0 },
        ).then(
            () => undefined,
            (x: Error & { f: HttpFailure }) => x,
        );
        assert.equal(e?.message, "failed 429 after 2");
        assert.equal(e?.f.rateLimitResetMs, 400);
        assert.equal(seen.length, 2);
    });
    it("counts the jitter on top of the announced wait against the budget", async () => {
        // 600 ms announced + 500 ms jitter (random 1) do not fit 1000 ms: no second attempt
        script = [{ status: 429, headers: { "retry-after": "0.6" } }];
        await assert.rejects(
            sendWithRetry(
                { method: "GET", url: `${server.url}/x`, safe: true },
                {
                    policy: { ...fast, rateLimitBudgetMs: 1000 },
                    fail,
                    rateLimitJitterMs: 500,
                    random: () => 1,
                },
            ),
            /^Error: failed 429 after 1$/,
        );
        assert.equal(seen.length, 1);
    });
    it("a 429 that announces no reset waits its backoff, with no jitter on top", async () => {
        // backoff 100 ms (random 1); a 500 ms jitter would not fit the 300 ms budget
        script = [{ status: 429 }];
        const res = await sendWithRetry(
            { method: "POST", url: `${server.url}/x`, safe: false },
            {
                policy: { ...fast, baseDelayMs: 100, maxDelayMs: 1000, rateLimitBudgetMs: 300 },
                fail,
                rateLimitJitterMs: 500,
                random: () => 1,
            },
        );
        assert.equal(res.status, 200);
        assert.equal(seen.length, 2);
    });
    it("tells the gate which calls were served, so a later 429 teaches it the host's rate", async () => {
        script = [
            { status: 200 },
            { status: 200 },
            { status: 429, headers: { "retry-after": "1" } },
        ];
        // two served, then a third refused for 1 s and repeated
        for (let i = 0; i < 3; i++) assert.equal((await send(true)).status, 200);
        assert.equal(seen.length, 4);
        assert.ok((gateState(new URL(server.url).origin)?.spacingMs ?? 0) > 0, "no rate learned");
    });
    it("notes each call's refusals for the bench when asked to", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rate-stats-")), "stats");
        const before = process.env[RATE_STATS_ENV];
        process.env[RATE_STATS_ENV] = file;
        try {
            const refusal = { status: 429, headers: { "retry-after": "0.02" } };
            script = [refusal, refusal, { status: 200 }];
            assert.equal((await send(true)).status, 200);
            assert.deepEqual(readRateStats(file), { refusedCalls: 1, maxRefusals: 2 });
        } finally {
            if (before === undefined) delete process.env[RATE_STATS_ENV];
            else process.env[RATE_STATS_ENV] = before;
        }
    });
    it("bounds attempts", async () => {
        script = Array.from({ length: 10 }, () => ({ status: 503 }));
        await assert.rejects(send(true, true, { ...fast, maxAttempts: 3 }), /failed 503 after 3/);
        assert.equal(seen.length, 3);
    });
    it("returns accepted statuses as answers", async () => {
        script = [{ status: 404 }];
        const res = await sendWithRetry(
            { method: "GET", url: `${server.url}/x`, safe: true, accept: [404] },
            { policy: fast, fail },
        );
        assert.equal(res.status, 404);
    });
});
