// The provider process's shared rate budget over real HTTP: after one call's 429 the other calls to
// that host wait for the announced reset instead of firing and failing; under the sandbox's CXone
// rate limit a burst of concurrent calls converges with each call refused at most once; Okta's
// X-Rate-Limit-Remaining stops calls before the bucket is empty, so none is refused; a 429 holds the
// host only for the wait it announces, not for the window its rate headers also report.
import { strict as assert } from "assert";
import { sendWithRetry, type HttpFailure } from "../../provider/core/http";
import { clearRateGates, gateWaitMs } from "../../provider/core/rateGate";
import { defaultRetryPolicy } from "../../provider/core/retry";
import { call } from "../../provider/okta/client";
import { CxoneSession } from "../../provider/cxone/session";
import { sandboxForSuite, sandboxFixture, type SandboxFixture } from "../support/sandbox";
import { startLocalServer, type LocalServer, type Seen } from "../support/loopbackServer";
import { sleep } from "../../provider/core/sleep";

const policy = { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 5000 };
const fail = (f: HttpFailure) => new Error(`failed ${f.response?.status ?? f.networkCode}`);

/** 429s the sandbox answered per request path (each call below has its own path). */
function refusalsPerPath(f: SandboxFixture, server: "cxone" | "okta"): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of f.sandbox.requests())
        if (r.server === server && r.status === 429) out.set(r.path, (out.get(r.path) ?? 0) + 1);
    return out;
}

interface RefusingServer {
    url: string;
    /** every request, in order, since the last othersAfterTheRefusal */
    seen: Seen[];
    /** when the first call was refused */
    refusedAt: number;
}

/** A scripted server for the suite: the first call gets a 429 with these headers, later ones 200. */
function refusingTheFirstCall(headers: (refusedAt: number) => Record<string, string>) {
    const s: RefusingServer = { url: "", seen: [], refusedAt: 0 };
    let srv: LocalServer;
    before(async () => {
        srv = await startLocalServer();
        s.url = srv.url;
        srv.answer = (q) => {
            s.seen.push(q);
            if (s.seen.length > 1) return { status: 200, body: {} };
            s.refusedAt = Date.now();
            return { status: 429, headers: headers(s.refusedAt), body: {} };
        };
    });
    after(() => srv.stop());
    return s;
}

/** "/first" refused; once its 429 has closed the host's gate, `paths` at once: their statuses. */
async function othersAfterTheRefusal(s: RefusingServer, paths: string[]): Promise<number[]> {
    s.seen = [];
    const get = (p: string) =>
        sendWithRetry(
            { method: "GET", url: `${s.url}${p}`, safe: true },
            { policy, fail, rateLimitJitterMs: 0 },
        );
    const first = get("/first");
    while (gateWaitMs(new URL(s.url).origin) === 0) await sleep(5);
    const others = await Promise.all(paths.map(get));
    await first;
    return others.map((r) => r.status);
}

describe("core: one rate budget per host in the provider process, over HTTP", function () {
    this.timeout(30_000);
    beforeEach(() => clearRateGates());

    describe("against a scripted server", () => {
        const srv = refusingTheFirstCall(() => ({ "retry-after": "1" }));

        it("after one call's 429, concurrent calls to the host wait for the reset; each is sent once", async () => {
            assert.deepEqual(await othersAfterTheRefusal(srv, ["/a", "/b", "/c"]), [200, 200, 200]);
            const paths = srv.seen.map((s) => s.path).sort();
            assert.deepEqual(paths, ["/a", "/b", "/c", "/first", "/first"]);
            for (const s of srv.seen.slice(1))
                assert.ok(
                    s.at >= srv.refusedAt + 900,
                    `${s.path} reached the server ${s.at - srv.refusedAt} ms after the 429 (Retry-After 1 s)`,
                );
        });
    });

    describe("against a scripted Okta whose 429 carries Retry-After and its window", () => {
        const srv = refusingTheFirstCall((refusedAt) => {
            const nowS = Math.floor(refusedAt / 1000);
            return {
                "retry-after": "1",
                date: new Date(nowS * 1000).toUTCString(),
                "x-rate-limit-limit": "100",
                "x-rate-limit-remaining": "0",
                "x-rate-limit-reset": String(nowS + 60),
            };
        });

        it("the host's calls go on after Retry-After's 1 s, not at the window's reset 60 s on", async () => {
            assert.deepEqual(await othersAfterTheRefusal(srv, ["/a", "/b"]), [200, 200]);
            for (const s of srv.seen.slice(1)) {
                const after = s.at - srv.refusedAt;
                assert.ok(after >= 900 && after < 5000, `${s.path} sent ${after} ms after the 429`);
            }
        });
    });

    describe("against the sandbox's CXone under a rate limit", () => {
        const f = sandboxForSuite();

        it("a burst of concurrent calls converges, no call refused twice", async () => {
            const session = new CxoneSession(
                f.endpoint,
                {
                    accessKeyId: f.env.CXONE_ACCESS_KEY_ID,
                    accessKeySecret: f.env.CXONE_ACCESS_KEY_SECRET,
                },
                policy,
            );
            await session.identity(); // signed in before the limit
            f.sandbox.setFaults([{ kind: "rateLimit", server: "cxone", perSecond: 5 }]);
            f.sandbox.clearRequests();
            // start in the first tenth of a second, so the burst meets one window of the limit
            while (Date.now() % 1000 > 100) await sleep(10);
            const answers = await Promise.all(
                Array.from({ length: 12 }, (_, i) =>
                    session.call({
                        operation: `read employee ${i}`,
                        method: "GET",
                        path: `/user-management/v1/users/no-such-${i}`,
                        accept: [404],
                    }),
                ),
            );
            assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([404]));
            if (process.env.DEBUG_GATE)
                for (const r of f.sandbox.requests()) console.log(r.time, r.path, r.status);
            const refused = refusalsPerPath(f, "cxone");
            assert.ok(refused.size > 0, "the limit refused part of the burst");
            assert.deepEqual(
                [...refused].filter(([, n]) => n > 1),
                [],
                "a call was refused more than once",
            );
        });
    });

    describe("against the sandbox's Okta, per-bucket headers", () => {
        let f: SandboxFixture;
        before(async () => {
            f = await sandboxFixture({
                okta: { rateLimit: { windowSeconds: 2, limits: { "/api/v1/groups/{id}": 3 } } },
            });
        });
        after(() => f.stop());

        it("calls stop at X-Rate-Limit-Remaining 0 and go on after the reset: none refused", async () => {
            const read = (i: number) =>
                call(f.orgUrl, `read group ${i}`, {
                    method: "GET",
                    url: `/api/v1/groups/g${i}`,
                }).catch((e: Error) => e.message);
            await read(0); // learns the bucket: 2 left
            const answers = await Promise.all([1, 2, 3, 4, 5].map(read));
            assert.equal(answers.length, 5);
            const groups = f.sandbox
                .requests()
                .filter((r) => r.server === "okta" && r.path.startsWith("/api/v1/groups/"));
            assert.equal(groups.length, 6, "each call sent once");
            assert.deepEqual(
                groups.filter((r) => r.status === 429).map((r) => r.path),
                [],
            );
        });
    });
});
