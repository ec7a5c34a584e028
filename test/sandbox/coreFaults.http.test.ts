// The sandbox's fault injector in front of a bare express app (no service shape for its answers):
// the 429 and status answers it writes itself, with Retry-After where a client needs one, and
// stop() releasing nothing a delay or a timeout still holds. Through a whole sandbox:
// core.http.test.ts. Also the service server answering before its service is plugged in.
import { strict as assert } from "assert";
import axios from "axios";
import express from "express";
import { FaultInjector, type FaultRule } from "../../sandbox/core/faults";
import { RequestLog } from "../../sandbox/core/requestLog";
import { startServiceServer } from "../../sandbox/core/runner";
import { serve, type Served } from "../support/loopbackServer";

describe("sandbox core: fault answers of their own (FaultInjector.middleware)", function () {
    this.timeout(10000);
    let faults: FaultInjector;
    let server: Served;
    /** requests that reached the app behind the injector */
    let reached: number;
    /** resolves when the next request has reached the injector */
    let arrived: Promise<void>;
    let onArrival: () => void;

    beforeEach(async () => {
        faults = new FaultInjector();
        reached = 0;
        arrived = new Promise((r) => (onArrival = r));
        const app = express();
        app.use((_req, _res, next) => {
            onArrival();
            next();
        });
        app.use(faults.middleware("cxone"));
        app.use((_req, res) => {
            reached++;
            res.json({ ok: true });
        });
        server = await serve(app);
    });
    afterEach(async () => {
        faults.stop();
        await server.close();
    });

    const get = (p = "/api/x") => axios.get(`${server.url}${p}`, { validateStatus: () => true });
    const withRule = (rule: FaultRule) => faults.add([rule]);

    it("a rate limit answers 429 Too Many Requests, Retry-After 1 unless the rule names one", async () => {
        // half a request a second: every request is over the limit, whatever the clock says
        withRule({ kind: "rateLimit", perSecond: 0.5, times: 1 });
        const limited = await get();
        assert.equal(limited.status, 429);
        assert.equal(limited.headers["retry-after"], "1");
        assert.deepEqual(limited.data, {
            error: "Too Many Requests",
            message: "rate limit exceeded",
        });
        withRule({ kind: "rateLimit", perSecond: 0.5, retryAfterSeconds: 7, times: 1 });
        assert.equal((await get()).headers["retry-after"], "7");
        assert.equal((await get()).status, 200, "spent rules act no more");
        assert.equal(reached, 1);
    });

    it("a status fault answers its status and name; Retry-After only for 429 or when the rule gives one", async () => {
        withRule({ kind: "status", times: 1 });
        const plain = await get();
        assert.equal(plain.status, 503);
        assert.equal(plain.headers["retry-after"], undefined);
        assert.deepEqual(plain.data, { error: "Service Unavailable", message: "injected fault" });

        withRule({ kind: "status", status: 429, times: 1 });
        const tooMany = await get();
        assert.equal(tooMany.status, 429);
        assert.equal(tooMany.headers["retry-after"], "1");

        withRule({ kind: "status", status: 500, retryAfterSeconds: 3, times: 1 });
        const withWait = await get();
        assert.equal(withWait.status, 500);
        assert.equal(withWait.headers["retry-after"], "3");
        assert.equal(withWait.data.error, "Internal Server Error");

        // a status HTTP gives no name
        withRule({ kind: "status", status: 599, times: 1 });
        const unnamed = await get();
        assert.equal(unnamed.status, 599);
        assert.deepEqual(unnamed.data, { error: "Error", message: "injected fault" });
        assert.equal(reached, 0);
    });

    it("a latency rule with times delays that many requests only", async () => {
        withRule({ kind: "latency", ms: 40, times: 1 });
        assert.equal(faults.decide("cxone", "GET", "/api/x").delayMs, 40);
        assert.equal(faults.decide("cxone", "GET", "/api/x").delayMs, 0);
        assert.deepEqual(faults.list(), []);
    });

    it("stop() drops a request still delayed: it never reaches the app", async () => {
        faults.baseLatencyMs = 150;
        const pending = get().catch(() => undefined);
        await arrived;
        faults.stop();
        // longer than the delay: a timer left running would have passed the request on by now
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(reached, 0);
        await server.close();
        await pending;
    });

    it("stop() keeps a held request held: its connection is not dropped at the end of the hold", async () => {
        withRule({ kind: "timeout", holdMs: 150 });
        let settled = false;
        const pending = get().then(
            () => (settled = true),
            () => (settled = true),
        );
        await arrived;
        faults.stop();
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(settled, false, "the hold's timer was cleared");
        await server.close();
        await pending;
        assert.equal(reached, 0);
    });
});

describe("sandbox core: a service server before its service is mounted (runner)", () => {
    it("answers 503 starting until the service is plugged in, then the service answers", async () => {
        const s = await startServiceServer(0, {
            server: "cxone",
            log: new RequestLog(),
            faults: new FaultInjector(),
            reset: () => undefined,
        });
        try {
            const early = await fetch(`${s.url}/api/x`);
            assert.equal(early.status, 503);
            assert.deepEqual(await early.json(), { error: "starting" });
            const app = express();
            app.get("/api/x", (_req, res) => void res.json({ ok: true }));
            s.mount(app);
            const later = await fetch(`${s.url}/api/x`);
            assert.equal(later.status, 200);
            assert.deepEqual(await later.json(), { ok: true });
        } finally {
            await s.close();
        }
    });
});
