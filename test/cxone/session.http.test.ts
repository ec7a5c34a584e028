// The CXone session (sign-in, token cache and renewal, discovery, retries honouring Retry-After,
// timeouts, errors) over real HTTP: against the sandbox for the contract, through the session and
// through the client, and against a loopback server for answers the sandbox never gives (gateway
// errors, redirects, camelCase tokens, bodies echoing the secret, odd lifetimes). No error carries
// the secret or the token.
import { strict as assert } from "assert";
import axios from "axios";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { CxoneError } from "../../provider/cxone/errors";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";
import { clearSessionCache, CxoneSession } from "../../provider/cxone/session";
import { sandboxForSuite } from "../support/sandbox";
import {
    closedPort,
    startLocalServer,
    type Answer,
    type LocalServer,
    type Seen,
} from "../support/loopbackServer";
import { jwtWith } from "../support/jwt";
import { installMocks } from "../support/pulumiMocks";
import { CxoneClient } from "../../provider/cxone/client";

const KEY = { accessKeyId: "AKLOCAL01", accessKeySecret: "local-secret-Qw3Er5Ty7" };
const FAST = { baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2000 };
const TOKEN_PATH = "/authentication/v1/token/access-key";
// the stop when the issuer's discovery document has no "domain", word for word
const noDomain = (issuerUrl: string) =>
    "could not find the CXone host that serves employees, roles and access keys: " +
    "CXone answered HTTP 200 (the tenant's discovery document " +
    `(${issuerUrl}/.well-known/cxone-configuration) has no "domain", which the ` +
    "stack needs for UserHub (employees, roles and access keys) at " +
    "https://api-{area}.{domain}, where NICE's SDK finds it)";

/** The error's message holds `part` (shown in full when it does not). */
const assertMentions = (e: Error, part: string) => assert.ok(e.message.includes(part), e.message);

describe("CXone session over HTTP", function () {
    this.timeout(20_000);
    const f = sandboxForSuite();
    let srv: LocalServer;
    before(async () => {
        srv = await startLocalServer();
    });
    after(async () => {
        await srv.stop();
    });
    beforeEach(() => {
        clearSessionCache();
        srv.seen = [];
        f.sandbox.clearFaults();
        f.sandbox.clearRequests();
    });

    let tokenCount = 0;
    /** a fresh token per sign-in, with tenant and user claims */
    const token = (claims: Record<string, unknown> = { tenantId: "T-1", userId: "U-1" }) =>
        jwtWith({ ...claims, n: ++tokenCount });
    const tokens = () => srv.seen.filter((r) => r.path === TOKEN_PATH);
    const api = () => srv.seen.filter((r) => r.path !== TOKEN_PATH);
    /** answers sign-ins with `signIn`, everything else with `rest` */
    const serve = (rest: (r: Seen) => Answer, signIn: () => Answer = () => okToken()) => {
        srv.answer = (r) => (r.path === TOKEN_PATH ? signIn() : rest(r));
    };
    const okToken = (body: Record<string, unknown> = {}): Answer => ({
        status: 200,
        body: { access_token: token(), expires_in: 3600, ...body },
    });
    const local = (over: Record<string, unknown> = {}, policy: Record<string, number> = FAST) =>
        new CxoneSession(
            { issuerUrl: srv.url, areaUrl: srv.url, apiUrl: srv.url, ...over },
            KEY,
            policy,
        );
    const get = (s: CxoneSession, extra: Record<string, unknown> = {}) =>
        s.call({ operation: "read thing X", method: "GET", path: "/thing", ...extra });

    describe("sign-in", () => {
        it("posts the key id and secret to the area's token route, without a bearer", async () => {
            serve(() => ({ status: 200, body: { ok: 1 } }));
            const s = local({ areaUrl: `${srv.url}//` });
            const res = await get(s);
            assert.deepEqual(res.data, { ok: 1 });
            const [t] = tokens();
            assert.equal(t.method, "POST");
            assert.deepEqual(t.body, KEY);
            assert.equal(t.headers.authorization, undefined);
            assert.equal(t.headers.accept, "application/json");
        });

        it("sends the token as a bearer with Accept: application/json, to apiUrl + path", async () => {
            const bearer = token();
            serve(
                () => ({ status: 200, body: {} }),
                () => ({ status: 200, body: { access_token: bearer } }),
            );
            await get(local({ apiUrl: `${srv.url}/` }), { params: { a: "1" } });
            const [c] = api();
            assert.equal(c.path, "/thing");
            assert.deepEqual(c.query, { a: "1" });
            assert.equal(c.headers.authorization, `Bearer ${bearer}`);
            assert.equal(c.headers.accept, "application/json");
        });

        it("reads a camelCase token answer", async () => {
            serve(
                () => ({ status: 200, body: {} }),
                () => ({
                    status: 200,
                    body: { accessToken: token({ tenantId: "T-camel" }), accessTokenExpiry: 60 },
                }),
            );
            assert.equal(await local().tenantId(), "T-camel");
        });

        it("an answer without access_token is a clear error", async () => {
            serve(
                () => ({ status: 200, body: {} }),
                () => ({ status: 200, body: { token_type: "Bearer" } }),
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 200);
                assert.equal(
                    e.message,
                    "could not sign in to CXone with the admin access key: CXone answered " +
                        "HTTP 200 (the response carried no access_token)",
                );
                return true;
            });
            assert.equal(api().length, 0);
        });

        it("one token per area and key id: a second key signs in on its own", async () => {
            serve(() => ({ status: 200, body: {} }));
            const a = local();
            await get(a);
            await get(local());
            assert.equal(tokens().length, 1, "same area and key: shared");
            const other = new CxoneSession(
                { issuerUrl: srv.url, areaUrl: srv.url, apiUrl: srv.url },
                { ...KEY, accessKeyId: "AKLOCAL02" },
                FAST,
            );
            await get(other);
            assert.equal(tokens().length, 2);
            assert.equal((tokens()[1].body as { accessKeyId: string }).accessKeyId, "AKLOCAL02");
        });

        it("concurrent first calls share one sign-in", async () => {
            serve(() => ({ status: 200, body: {} }));
            const s = local();
            await Promise.all([get(s), get(s), s.tenantId()]);
            assert.equal(tokens().length, 1);
        });

        it("a refused sign-in (401) is asked once per process; later calls say so briefly", async () => {
            serve(
                () => ({ status: 200, body: {} }),
                () => ({
                    status: 401,
                    body: { error: "invalid_client", errorDescription: "Invalid access key" },
                }),
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 401);
                assert.equal(e.code, "invalid_client");
                assert.equal(e.detail, "Invalid access key");
                return true;
            });
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 401);
                assert.equal(e.code, "invalid_client");
                assert.match(e.message, /the same answer, already reported for another resource/);
                return true;
            });
            assert.equal(tokens().length, 1);
            clearSessionCache();
            await assert.rejects(get(local()));
            assert.equal(tokens().length, 2, "clearSessionCache forgets the refusal");
        });

        it("a refused sign-in is asked again in the next program run of the process (inline Automation API programs): the key may be fixed", async () => {
            installMocks();
            serve(
                () => ({ status: 200, body: {} }),
                () => ({ status: 401, body: { error: "invalid_client" } }),
            );
            const programRun = () =>
                pulumi.runtime.runInPulumiStack(async () => {
                    await assert.rejects(get(local()), (e: unknown) => e instanceof CxoneError);
                    await assert.rejects(get(local()), /already reported/);
                    return {};
                });
            await programRun();
            assert.equal(tokens().length, 1, "one run signs in once");
            await programRun();
            assert.equal(tokens().length, 2, "the next run asks CXone again");
        });

        for (const status of [400, 403]) {
            it(`a ${status} sign-in counts as refused too`, async () => {
                serve(
                    () => ({ status: 200, body: {} }),
                    () => ({ status, body: { error: "nope" } }),
                );
                await assert.rejects(get(local()));
                await assert.rejects(get(local()), /already reported/);
                assert.equal(tokens().length, 1);
            });
        }

        it("calls waiting on a sign-in that fails: a refusal is told once, other failures retried", async () => {
            serve(
                () => ({ status: 200, body: {} }),
                () => ({ status: 401, body: { error: "invalid_client", message: "bad key" } }),
            );
            const s = local();
            const [a, b] = await Promise.allSettled([get(s), get(s)]);
            assert.equal(a.status, "rejected");
            assert.equal(b.status, "rejected");
            assert.equal((a as PromiseRejectedResult).reason.detail, "bad key");
            assert.match((b as PromiseRejectedResult).reason.detail, /already reported/);
            assert.equal(tokens().length, 1);
            clearSessionCache();
            srv.seen = [];
            let n = 0;
            serve(
                () => ({ status: 200, body: { ok: 1 } }),
                () => (n++ === 0 ? { status: 500, body: { error: "boom" } } : okToken()),
            );
            const t = local();
            const [c, d] = await Promise.allSettled([get(t), get(t)]);
            assert.equal(c.status, "rejected");
            assert.deepEqual((d as PromiseFulfilledResult<{ data: unknown }>).value.data, {
                ok: 1,
            });
            assert.equal(tokens().length, 2);
        });

        it("a sign-in answered by a gateway error is tried again at once", async () => {
            let n = 0;
            serve(
                () => ({ status: 200, body: { ok: 1 } }),
                () => (n++ === 0 ? { status: 502, body: {} } : okToken()),
            );
            assert.deepEqual((await get(local())).data, { ok: 1 });
            assert.equal(tokens().length, 2);
        });

        it("a sign-in that failed otherwise (500) is tried again by the next call", async () => {
            let n = 0;
            serve(
                () => ({ status: 200, body: { ok: true } }),
                () => (n++ === 0 ? { status: 500, body: { error: "boom" } } : okToken()),
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 500);
                assert.doesNotMatch(e.message, /already reported/);
                return true;
            });
            assert.deepEqual((await get(local())).data, { ok: true });
            assert.equal(tokens().length, 2);
        });

        // how long a token is kept: [title, the lifetime answered, last fresh and renewed at (ms)]
        const lifetimes: [string, { expires_in?: number }, number, number, string, string][] = [
            [
                "no lifetime in the answer: the token is kept for an hour less the 5 min margin",
                {},
                3_299_000,
                3_301_000,
                "still fresh at 55 min",
                "renewed past 55 min",
            ],
            [
                "a short lifetime is renewed at 80 % of it",
                { expires_in: 100 },
                79_999,
                80_000,
                "fresh until 80 s of 100",
                "renewed at 80 s of 100",
            ],
        ];
        for (const [title, lifetime, lastFresh, renewedAt, fresh, renewed] of lifetimes) {
            it(title, async () => {
                serve(
                    () => ({ status: 200, body: {} }),
                    () => ({ status: 200, body: { access_token: token(), ...lifetime } }),
                );
                await withClock(async (advance) => {
                    const s = local();
                    await get(s);
                    advance(lastFresh);
                    await get(s);
                    assert.equal(tokens().length, 1, fresh);
                    advance(renewedAt - lastFresh);
                    await get(s);
                    assert.equal(tokens().length, 2, renewed);
                });
            });
        }

        it("calls that find the token due together share one renewal", async () => {
            serve(() => ({ status: 200, body: {} }));
            await withClock(async (advance) => {
                const s = local();
                await get(s);
                advance(3_400_000);
                await Promise.all([get(s), get(s), get(s)]);
                assert.equal(tokens().length, 2);
            });
        });

        it("a sign-in from before the cache was cleared, failing late, leaves the new token", async () => {
            let n = 0;
            serve(
                () => ({ status: 200, body: {} }),
                () => (n++ === 0 ? "hang" : okToken()),
            );
            const slow = get(local({}, { ...FAST, timeoutMs: 200, maxAttempts: 1 }));
            while (tokens().length < 1) await new Promise((r) => setTimeout(r, 5));
            clearSessionCache();
            const b = local();
            await get(b);
            await assert.rejects(slow, (e: unknown) => (e as CxoneError).status === undefined);
            await get(b);
            assert.equal(tokens().length, 2, "the late failure did not evict the new token");
        });
    });

    describe("who the key is", () => {
        // sign-ins answer these tokens' claims (no id_token when none given); API calls answer 200
        const signInWith = (access: Record<string, unknown>, id?: Record<string, unknown>) =>
            serve(
                () => ({ status: 200, body: {} }),
                () => ({
                    status: 200,
                    body: { access_token: token(access), id_token: id && jwtWith(id) },
                }),
            );

        it("tenant id: the endpoint's first, then the access token's, then the id_token's, then the key's", async () => {
            signInWith(
                { tenantId: "T-access", userId: "U-access" },
                { tenantId: "T-id", userId: "U-id" },
            );
            assert.equal(await local({ tenantId: "T-endpoint" }).tenantId(), "T-endpoint");
            assert.deepEqual(await local({ tenantId: "T-endpoint" }).identity(), {
                tenantId: "T-endpoint",
                userId: "U-access",
            });
            assert.equal(await local().tenantId(), "T-access");
            assert.deepEqual(await local().identity(), {
                tenantId: "T-access",
                userId: "U-access",
            });
        });

        it("claims only in the id_token are used", async () => {
            signInWith({}, { tenantId: "T-id", sub: "user:U-id" });
            assert.deepEqual(await local().identity(), { tenantId: "T-id", userId: "U-id" });
            assert.equal(await local().tenantId(), "T-id");
        });

        it("no claims: the key's own tenant id, else a stop naming the fact and cxone:tenantId", async () => {
            signInWith({});
            const withTenant = new CxoneSession(
                { issuerUrl: srv.url, areaUrl: srv.url, apiUrl: srv.url },
                { ...KEY, tenantId: "T-key" },
                FAST,
            );
            assert.equal(await withTenant.tenantId(), "T-key");
            assert.deepEqual(await withTenant.identity(), { tenantId: "T-key", userId: undefined });
            await assert.rejects(local().tenantId(), (e: unknown) => {
                assert.ok(e instanceof UnconfirmedFactError);
                assert.equal(e.fact.id, "token-tenant-claim");
                assert.match(
                    e.message,
                    /^could not find the CXone tenant id: CXone's tokens for the admin access key carry no tenantId claim\.\nThis rests on a fact the project could not confirm \[seen:token-tenant-claim\]/,
                );
                assert.match(
                    e.message,
                    /pulumi config set cxone:tenantId <id>` \(library: cxone\.tenantId\)/,
                );
                assertMentions(
                    e,
                    "\n  1. Find your CXone tenant id (NICE support or your CXone administrator can tell it).\n",
                );
                return true;
            });
        });
    });

    describe("calls", () => {
        it("answers 2xx and accepted statuses; any other status is a CxoneError", async () => {
            let status = 204;
            serve(() => ({ status, body: status === 204 ? undefined : { message: "x" } }));
            const s = local();
            assert.equal((await get(s)).status, 204);
            status = 200;
            assert.equal((await get(s)).status, 200);
            status = 299;
            assert.equal((await get(s)).status, 299);
            status = 404;
            assert.equal((await get(s, { accept: [404] })).status, 404);
            await assert.rejects(get(s, { accept: [409] }), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.message, "could not read thing X: CXone answered HTTP 404 (x)");
                assert.equal(e.attempts, 1);
                return true;
            });
        });

        it("a 3xx is a failure: a redirect is never followed", async () => {
            serve((r) =>
                r.path === "/elsewhere"
                    ? { status: 200, body: {} }
                    : { status: 302, headers: { location: `${srv.url}/elsewhere` }, body: {} },
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 302);
                return true;
            });
            assert.deepEqual(
                api().map((r) => r.path),
                ["/thing"],
            );
            serve(() => ({ status: 300, body: {} }));
            await assert.rejects(get(local()), (e: unknown) => (e as CxoneError).status === 300);
        });

        // the first sign-in's token, which calls then meet with 401 `refused`; later tokens work
        const firstTokenRefused = (refused: unknown, ok: unknown) => {
            const first = token();
            let signIns = 0;
            serve(
                (r) =>
                    r.headers.authorization === `Bearer ${first}`
                        ? { status: 401, body: refused }
                        : { status: 200, body: ok },
                () =>
                    ++signIns === 1 ? { status: 200, body: { access_token: first } } : okToken(),
            );
            return first;
        };

        it("a rejected token (401) is renewed once and the call repeated", async () => {
            const first = firstTokenRefused({ error: "invalid_token" }, { ok: true });
            const s = local();
            assert.deepEqual((await get(s)).data, { ok: true });
            assert.equal(tokens().length, 2);
            assert.equal(api().length, 2);
            assert.notEqual(api()[1].headers.authorization, `Bearer ${first}`);
        });

        it("a second 401 after renewal is the caller's error, with CXone's words", async () => {
            serve(() => ({ status: 401, body: { error: "invalid_token", message: "expired" } }));
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(
                    e.message,
                    "could not read thing X: CXone answered HTTP 401 (code invalid_token: expired)",
                );
                return true;
            });
            assert.equal(tokens().length, 2);
            assert.equal(api().length, 2);
        });

        it("other failures are not retried with a new token", async () => {
            serve(() => ({ status: 403, body: { message: "forbidden" } }));
            await assert.rejects(get(local()), (e: unknown) => (e as CxoneError).status === 403);
            assert.equal(tokens().length, 1);
            assert.equal(api().length, 1);
        });

        it("a 401 on one call while another renewed: the renewed token is reused", async () => {
            firstTokenRefused({}, {});
            const s = local();
            await s.tenantId(); // signs in with `first`
            await Promise.all([get(s), get(s), get(s)]);
            assert.equal(tokens().length, 2, "one renewal for three rejected calls");
        });
    });

    describe("retries", () => {
        const failing = (statuses: (number | "reset")[]) => {
            let i = 0;
            serve(() => {
                const s = statuses[i++];
                if (s === undefined) return { status: 200, body: { done: true } };
                return s === "reset" ? "reset" : { status: s, body: { message: `status ${s}` } };
            });
        };

        for (const method of ["GET", "PUT", "DELETE"] as const) {
            it(`${method} is safe by default: a 502 is retried`, async () => {
                failing([502, 504]);
                const res = await local().call({ operation: "op", method, path: "/x" });
                assert.deepEqual(res.data, { done: true });
                assert.equal(api().length, 3);
            });
        }

        it("POST is not safe by default: a 502 fails at once", async () => {
            failing([502]);
            await assert.rejects(
                local().call({ operation: "create thing", method: "POST", path: "/x" }),
                (e: unknown) => {
                    assert.ok(e instanceof CxoneError);
                    assert.equal(e.status, 502);
                    assert.equal(e.attempts, 1);
                    return true;
                },
            );
            assert.equal(api().length, 1);
        });

        it("a POST marked safe is retried; one marked unsafe PUT is not", async () => {
            failing([502]);
            await local().call({ operation: "op", method: "POST", path: "/x", safe: true });
            assert.equal(api().length, 2);
            srv.seen = [];
            failing([502]);
            await assert.rejects(
                local().call({ operation: "op", method: "PUT", path: "/x", safe: false }),
            );
            assert.equal(api().length, 1);
        });

        it("503 and 429 are retried even for POST", async () => {
            failing([503, 429]);
            const res = await local().call({ operation: "op", method: "POST", path: "/x" });
            assert.deepEqual(res.data, { done: true });
            assert.equal(api().length, 3);
        });

        it("a dropped connection is retried for a safe call and reported by its code", async () => {
            failing(["reset"]);
            assert.deepEqual((await get(local())).data, { done: true });
            srv.seen = [];
            failing(["reset", "reset", "reset"]);
            await assert.rejects(get(local({}, { ...FAST, maxAttempts: 2 })), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, undefined);
                assert.equal(e.detail, "ECONNRESET");
                assert.equal(e.attempts, 2);
                assert.equal(
                    e.message,
                    "could not read thing X: no response from CXone (ECONNRESET) (after 2 attempts)",
                );
                return true;
            });
            assert.equal(api().length, 2);
        });

        it("no answer within timeoutMs fails the attempt", async () => {
            serve(() => "hang");
            const t = Date.now();
            await assert.rejects(
                get(local({}, { ...FAST, timeoutMs: 150, maxAttempts: 1 })),
                (e: unknown) => {
                    assert.ok(e instanceof CxoneError);
                    assert.equal(e.status, undefined);
                    assert.equal(e.detail, "ECONNABORTED");
                    return true;
                },
            );
            assert.ok(Date.now() - t < 1500, `took ${Date.now() - t} ms`);
        });

        it("gives up after maxAttempts and says how many", async () => {
            failing([503, 503, 503, 503]);
            await assert.rejects(get(local({}, { ...FAST, maxAttempts: 3 })), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.attempts, 3);
                assert.match(e.message, /HTTP 503 \(status 503\) \(after 3 attempts\)$/);
                return true;
            });
            assert.equal(api().length, 3);
        });

        it("CXone's 500 is not retried, even for a safe call, and the error says why", async () => {
            failing([500]);
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 500);
                assert.match(
                    String(e.detail),
                    /^status 500; a 500 is not repeated \(CXone throttling/,
                );
                return true;
            });
            assert.equal(api().length, 1);
        });

        it("a Retry-After beyond the wait budget fails at once, saying how long CXone asked to wait", async () => {
            serve(() => ({
                status: 429,
                headers: { "retry-after": "10" },
                body: { message: "slow down" },
            }));
            await assert.rejects(
                get(local({}, { ...FAST, rateLimitBudgetMs: 50 })),
                (e: unknown) => {
                    assert.ok(e instanceof CxoneError);
                    assert.equal(e.status, 429);
                    assert.equal(
                        e.detail,
                        "slow down; CXone asked to wait 10 s, beyond the wait budget",
                    );
                    return true;
                },
            );
            assert.equal(api().length, 1);
        });

        it("waits as long as Retry-After says", async () => {
            let i = 0;
            serve(() =>
                i++ === 0
                    ? { status: 429, headers: { "retry-after": "0.3" }, body: {} }
                    : { status: 200, body: {} },
            );
            const s = local({}, { ...FAST, maxDelayMs: 5000 });
            await s.tenantId();
            const t = Date.now();
            await get(s);
            assert.ok(Date.now() - t >= 290, `waited ${Date.now() - t} ms`);
        });
    });

    describe("errors hold no secret", () => {
        it("the key's secret and the bearer token are removed from CXone's words", async () => {
            const bearer = "opaque-bearer-Kk8Ll9Mm0";
            serve(
                () => ({
                    status: 400,
                    body: {
                        code: `bad ${bearer}`,
                        message: `echo ${KEY.accessKeySecret} and ${bearer}`,
                    },
                }),
                () => ({ status: 200, body: { access_token: bearer } }),
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                const all = JSON.stringify(e) + e.message;
                assert.ok(!all.includes(KEY.accessKeySecret), all);
                assert.ok(!all.includes(bearer), all);
                assert.equal(e.detail, "echo *** and ***");
                assert.equal(e.code, "bad ***");
                return true;
            });
        });

        it("a secret echoed in the code of a refused sign-in is removed", async () => {
            serve(
                () => ({ status: 200, body: {} }),
                () => ({ status: 401, body: { code: `no-${KEY.accessKeySecret}` } }),
            );
            await assert.rejects(get(local()), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.code, "no-***");
                assert.equal(e.detail, undefined);
                return true;
            });
        });
    });

    describe("discovery against the sandbox", () => {
        const sandboxKey = () => ({
            accessKeyId: f.sandbox.endpoints.cxone.adminAccessKeyId,
            accessKeySecret: f.sandbox.endpoints.cxone.adminAccessKeySecret,
        });

        it("without apiUrl, UserHub is the derived api-{area} host; one discovery per tenant", async () => {
            const s = new CxoneSession(
                { issuerUrl: `${f.endpoint.issuerUrl}/`, areaUrl: f.endpoint.areaUrl },
                sandboxKey(),
            );
            const hosts = await s.hosts();
            assert.equal(await s.apiBase(), hosts.userHubUrl);
            assert.match(hosts.userHubUrl!, /^http:\/\/api-[a-z0-9]+\.localhost:\d+$/);
            await s.call({
                operation: "o",
                method: "POST",
                path: "/authorization/v1/roles/search",
                body: {},
            });
            const disc = f.sandbox
                .requests()
                .filter((r) => r.path.startsWith("/.well-known/cxone-configuration"));
            assert.equal(disc.length, 1);
            assert.equal(
                disc[0].path,
                `/.well-known/cxone-configuration?tenantId=${f.sandbox.endpoints.cxone.tenantId}`,
            );
        });

        it("the api_endpoint choice uses discovery's api_endpoint", async () => {
            const s = new CxoneSession(
                { issuerUrl: f.endpoint.issuerUrl, areaUrl: f.endpoint.areaUrl },
                sandboxKey(),
                {},
                "api_endpoint",
            );
            assert.equal(await s.apiBase(), (await s.hosts()).apiEndpoint);
            assert.notEqual(await s.apiBase(), (await s.hosts()).userHubUrl);
        });

        it("apiUrl set: no discovery at all", async () => {
            const s = new CxoneSession(
                { ...f.endpoint, apiUrl: `${f.endpoint.issuerUrl}///` },
                sandboxKey(),
            );
            assert.equal(await s.apiBase(), f.endpoint.issuerUrl);
            assert.equal(f.sandbox.requests().length, 0);
        });

        it("a failed discovery is not cached", async () => {
            f.sandbox.setFaults([
                { kind: "status", status: 404, path: "cxone-configuration", times: 1 },
            ]);
            const s = new CxoneSession(f.endpoint, sandboxKey(), FAST);
            await assert.rejects(s.hosts(), (e: unknown) => {
                // a 404 there is what a wrong issuer answers: the stop names that fact
                assert.ok(e instanceof UnconfirmedFactError);
                assert.equal(e.fact.id, "region-issuers");
                assert.match(
                    e.message,
                    /^could not discover the CXone hosts of the tenant: CXone answered HTTP 404/,
                );
                return true;
            });
            assert.ok((await s.hosts()).userHubUrl?.includes("localhost"));
        });
    });

    describe("discovery documents the sandbox never serves", () => {
        const disc = (body: unknown): Answer => ({ status: 200, body });
        const sessionFor = (tenantId = "T-9") => local({ apiUrl: undefined, tenantId });
        const port = () => new URL(srv.url).port;
        const good = () => ({
            area: "na1",
            cluster: "c1",
            uhDomain: `localhost:${port()}`,
            domain: `localhost:${port()}`,
            acdDomain: `localhost:${port()}`,
            api_endpoint: `${srv.url}/acd`,
        });
        const discoveries = () => api().filter((r) => r.path.startsWith("/.well-known"));

        it("a gateway error on discovery is retried", async () => {
            let n = 0;
            serve((r) =>
                r.path.startsWith("/.well-known")
                    ? n++ === 0
                        ? { status: 502, body: {} }
                        : disc(good())
                    : { status: 200, body: {} },
            );
            const s = sessionFor();
            assert.equal(await s.apiBase(), `http://api-na1.localhost:${port()}`);
            await get(s);
            assert.equal(discoveries().length, 2);
            const call = api().find((r) => r.path === "/thing");
            assert.equal(call?.headers.host, `api-na1.localhost:${port()}`);
        });

        it("one discovery per tenant", async () => {
            serve(() => disc(good()));
            await sessionFor("T-1").hosts();
            await sessionFor("T-1").hosts();
            await sessionFor("T-2").hosts();
            assert.deepEqual(
                discoveries().map((r) => r.query.tenantId),
                ["T-1", "T-2"],
            );
        });

        it("a document missing a field the stack uses names it and the issuer", async () => {
            serve((r) =>
                r.path.startsWith("/.well-known") ? disc({ area: "na1" }) : { status: 500 },
            );
            await assert.rejects(sessionFor().apiBase(), (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.message, noDomain(srv.url));
                return true;
            });
            const d = api().find((r) => r.path === "/.well-known/cxone-configuration");
            assert.deepEqual(d?.query, { tenantId: "T-9" });
        });

        it("a document naming real hosts from a loopback issuer is refused", async () => {
            serve(() =>
                disc({
                    area: "na1",
                    cluster: "c1",
                    uhDomain: "niceincontact.com",
                    domain: "niceincontact.com",
                    acdDomain: "niceincontact.com",
                    api_endpoint: "https://api.example.com",
                }),
            );
            await assert.rejects(
                sessionFor().apiBase(),
                /plain http is only for the local sandbox/,
            );
        });

        it("a discovery failure other than a missing route is CXone's answer; a 404 names the issuer to check", async () => {
            serve(() => ({ status: 500, body: { message: "down" } }));
            await assert.rejects(sessionFor().apiBase(), (e: unknown) => {
                assert.ok(e instanceof CxoneError, String(e));
                assert.equal(e.status, 500);
                return true;
            });
            serve(() => ({ status: 404, body: {} }));
            await assert.rejects(sessionFor().apiBase(), (e: unknown) => {
                assert.ok(e instanceof UnconfirmedFactError);
                assertMentions(
                    e,
                    `\n  1. Check the issuer ${srv.url} against your tenant's CXone sign-in page host: `,
                );
                assertMentions(
                    e,
                    "\n  2. If your region is another one, set it (`pulumi config set cxone:region <region>`)",
                );
                return true;
            });
        });

        describe("the UserHub host, found by asking both candidates", () => {
            const derivedHost = () => `api-na1.localhost:${port()}`;
            const derived = () => `http://${derivedHost()}`;
            const ROLES = "/authorization/v1/roles/search";
            /** discovery as good(); calls on the derived host answer `onDerived`, on api_endpoint `onAcd` */
            const hub = (onDerived: (r: Seen) => Answer, onAcd: (r: Seen) => Answer) =>
                serve((r) =>
                    r.path.startsWith("/.well-known")
                        ? disc(good())
                        : r.path.startsWith("/acd")
                          ? onAcd(r)
                          : onDerived(r),
                );
            /** the calls after discovery: `derived /thing`, `acd roles`, ... */
            const calls = () =>
                api()
                    .filter((r) => !r.path.startsWith("/.well-known"))
                    .map(
                        (r) =>
                            `${r.path.startsWith("/acd") ? "acd" : r.headers.host === derivedHost() ? "derived" : r.headers.host} ` +
                            (r.path.endsWith(ROLES) ? "roles" : r.path.replace(/^\/acd/, "")),
                    );
            const ok = (): Answer => ({ status: 200, body: { ok: 1 } });
            const missing = (): Answer => ({ status: 404, body: { message: "nope" } });

            it("a 405 on the host in use: one page of roles asked of each, the call repeated where UserHub answers", async () => {
                hub(() => ({ status: 405, body: {} }), ok);
                const s = sessionFor();
                assert.deepEqual((await get(s)).data, { ok: 1 });
                assert.deepEqual(calls(), [
                    "derived /thing",
                    "derived roles",
                    "acd roles",
                    "acd /thing",
                ]);
                const search = api().find((r) => r.path === `/acd${ROLES}`);
                assert.equal(search?.method, "POST");
                assert.deepEqual(search?.body, { page: { skip: 0, top: 1 } });
                assert.match(String(search?.headers.authorization), /^Bearer /);
            });

            it("the host in use answers the roles page (403 included): its 404 stands, the call is not repeated", async () => {
                hub((r) => (r.path === ROLES ? { status: 403, body: {} } : missing()), ok);
                await assert.rejects(get(sessionFor()), (e: unknown) => {
                    assert.ok(e instanceof CxoneError, String(e));
                    assert.equal(
                        e.message,
                        "could not read thing X: CXone answered HTTP 404 (nope)",
                    );
                    return true;
                });
                assert.deepEqual(calls(), ["derived /thing", "derived roles"]);
            });

            it("the roles page is a read: a gateway error there is asked again", async () => {
                let n = 0;
                hub(
                    (r) =>
                        r.path === ROLES
                            ? n++ === 0
                                ? { status: 502, body: {} }
                                : { status: 200, body: {} }
                            : missing(),
                    ok,
                );
                await assert.rejects(
                    get(sessionFor()),
                    (e: unknown) => (e as CxoneError).status === 404,
                );
                assert.deepEqual(calls(), ["derived /thing", "derived roles", "derived roles"]);
            });

            it("a roles page failing otherwise stops the check with that answer", async () => {
                hub(
                    (r) =>
                        r.path === ROLES ? { status: 500, body: { message: "boom" } } : missing(),
                    ok,
                );
                await assert.rejects(get(sessionFor()), (e: unknown) => {
                    assert.ok(e instanceof CxoneError, String(e));
                    assert.equal(e.status, 500);
                    assert.match(
                        e.message,
                        new RegExp(
                            `^could not ask ${derived()} for CXone roles: CXone answered HTTP 500 \\(boom`,
                        ),
                    );
                    return true;
                });
                assert.deepEqual(calls(), ["derived /thing", "derived roles"]);
            });

            it("neither candidate answers: a stop naming both answers; the next call asks again", async () => {
                let acd: (r: Seen) => Answer = missing;
                hub(missing, (r) => acd(r));
                await assert.rejects(get(sessionFor()), (e: unknown) => {
                    assert.ok(e instanceof UnconfirmedFactError, String(e));
                    assert.equal(e.fact.id, "userhub-host");
                    assert.ok(
                        e.message.startsWith(
                            "could not find the CXone host that serves employees, roles and access keys: " +
                                `neither candidate answered (${derived()}: CXone answered HTTP 404 (nope); ` +
                                `${srv.url}/acd: CXone answered HTTP 404 (nope)).\n`,
                        ),
                        e.message,
                    );
                    assertMentions(
                        e,
                        "\n  1. Run `npm run verify -- --preflight` with the same region and admin key: it reports which host answers.\n" +
                            "  2. Library users can name the host: cxone endpoint apiUrl; report the host so provider/cxone/discovery/regions.ts can be corrected.\n",
                    );
                    return true;
                });
                acd = ok;
                srv.seen = [];
                assert.deepEqual((await get(sessionFor())).data, { ok: 1 });
                assert.deepEqual(calls(), [
                    "derived /thing",
                    "derived roles",
                    "acd roles",
                    "acd /thing",
                ]);
            });

            it("a candidate discovery does not name is not asked; the stop says what is missing", async () => {
                serve((r) =>
                    r.path.startsWith("/.well-known")
                        ? disc({ ...good(), api_endpoint: undefined })
                        : missing(),
                );
                await assert.rejects(get(sessionFor()), (e: unknown) => {
                    assert.ok(e instanceof UnconfirmedFactError, String(e));
                    assert.ok(
                        e.message.startsWith(
                            "could not find the CXone host that serves employees, roles and access keys: " +
                                `neither candidate answered (${derived()}: CXone answered HTTP 404 (nope); ` +
                                `the tenant's discovery document (${srv.url}/.well-known/cxone-configuration) has no "api_endpoint", `,
                        ),
                        e.message,
                    );
                    return true;
                });
                assert.deepEqual(calls(), ["derived /thing", "derived roles"]);
            });

            it("calls meeting the wrong host together share one check", async () => {
                hub(missing, ok);
                const s = sessionFor();
                await s.hosts();
                await Promise.all([get(s), get(s)]);
                assert.equal(calls().filter((c) => c.endsWith("roles")).length, 2);
            });

            it("each tenant learns its own host", async () => {
                serve((r) =>
                    r.path.startsWith("/.well-known")
                        ? disc({ ...good(), area: r.query.tenantId === "T-1" ? "na1" : "eu1" })
                        : r.path.startsWith("/acd")
                          ? ok()
                          : r.headers.host === derivedHost()
                            ? missing()
                            : ok(),
                );
                await get(sessionFor("T-1"));
                srv.seen = [];
                await get(sessionFor("T-2"));
                assert.deepEqual(calls(), [`api-eu1.localhost:${port()} /thing`]);
            });

            it("a host seen answering is used by every session of the tenant", async () => {
                hub(ok, ok);
                await get(sessionFor());
                const other = new CxoneSession(
                    { issuerUrl: srv.url, areaUrl: srv.url, tenantId: "T-9" },
                    KEY,
                    FAST,
                    "api_endpoint",
                );
                await get(other);
                assert.deepEqual(calls(), ["derived /thing", "derived /thing"]);
            });

            for (const status of [409, 300]) {
                it(`an accepted ${status} does not show the host serves UserHub: a later 404 is checked`, async () => {
                    let first = true;
                    hub(() => {
                        const a: Answer = first ? { status, body: {} } : missing();
                        first = false;
                        return a;
                    }, ok);
                    const s = sessionFor();
                    assert.equal((await get(s, { accept: [status] })).status, status);
                    assert.deepEqual((await get(s)).data, { ok: 1 });
                    assert.deepEqual(calls(), [
                        "derived /thing",
                        "derived /thing",
                        "derived roles",
                        "acd roles",
                        "acd /thing",
                    ]);
                });
            }

            it("a host refusing connections counts as the wrong host; the other candidate is asked", async () => {
                const closed = await closedPort();
                serve((r) =>
                    r.path.startsWith("/.well-known")
                        ? disc({ ...good(), api_endpoint: `http://127.0.0.1:${closed}` })
                        : ok(),
                );
                const s = new CxoneSession(
                    { issuerUrl: srv.url, areaUrl: srv.url, tenantId: "T-9" },
                    KEY,
                    { ...FAST, maxAttempts: 1 },
                    "api_endpoint",
                );
                assert.deepEqual((await get(s)).data, { ok: 1 });
                assert.deepEqual(calls(), ["derived roles", "derived /thing"]);
            });

            it("other failures without an answer, and a gateway naming ECONNREFUSED, are no missing route", async () => {
                hub(() => "reset", ok);
                const s = local(
                    { apiUrl: undefined, tenantId: "T-9" },
                    { ...FAST, maxAttempts: 1 },
                );
                await assert.rejects(
                    get(s),
                    (e: unknown) => (e as CxoneError).detail === "ECONNRESET",
                );
                hub(() => ({ status: 502, body: { message: "upstream ECONNREFUSED" } }), ok);
                await assert.rejects(get(s), (e: unknown) => (e as CxoneError).status === 502);
                assert.deepEqual(calls(), ["derived /thing", "derived /thing"]);
            });
        });

        describe("the area host, when the sign-in finds no token route", () => {
            const areaMissing = (doc: Record<string, unknown>) => {
                srv.answer = (r) =>
                    r.path.startsWith("/.well-known")
                        ? disc(doc)
                        : { status: 404, body: { message: "no route" } };
            };

            it("without a tenant id: a stop naming the area-hosts fact and the way on", async () => {
                areaMissing(good());
                await assert.rejects(get(local()), (e: unknown) => {
                    assert.ok(e instanceof UnconfirmedFactError, String(e));
                    assert.equal(e.fact.id, "region-area-hosts");
                    assert.ok(
                        e.message.startsWith(
                            "could not sign in to CXone with the admin access key: CXone answered HTTP 404 (no route).\n",
                        ),
                        e.message,
                    );
                    assertMentions(e, "\n  2. Run `pulumi up`.\n");
                    return true;
                });
            });

            for (const [title, doc, areaUrl] of [
                [
                    "discovery names no area host",
                    () => ({ ...good(), uhDomain: undefined }),
                    () => srv.url,
                ],
                [
                    "discovery names the same area host",
                    () => good(),
                    () => `http://na1.localhost:${port()}/`,
                ],
            ] as const) {
                it(`${title}: the sign-in's answer stands, asked once`, async () => {
                    areaMissing(doc());
                    await assert.rejects(
                        get(local({ areaUrl: areaUrl(), tenantId: "T-9" })),
                        (e: unknown) => {
                            assert.ok(e instanceof CxoneError, String(e));
                            assert.equal(e.status, 404);
                            return true;
                        },
                    );
                    assert.equal(tokens().length, 1);
                });
            }
        });
    });
});

/** Runs `fn` with Date.now() stopped, moved only by advance(ms). */
async function withClock(fn: (advance: (ms: number) => void) => Promise<void>): Promise<void> {
    const real = Date.now;
    const start = real();
    let offset = 0;
    Date.now = () => start + offset;
    try {
        await fn((ms) => {
            offset += ms;
        });
    } finally {
        Date.now = real;
    }
}

// The CXone client against the sandbox over HTTP: token caching and renewal, discovery, retries
// honouring Retry-After, timeouts, and errors that never carry the secret or the token.
describe("CXone client against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite({}, { reset: true });

    const tokenRequests = () =>
        f.sandbox.requests().filter((r) => r.path.startsWith("/authentication/v1/token"));

    it("discovers the API base, then shares one token across clients and concurrent calls", async () => {
        const a = new CxoneClient(f.endpoint);
        const b = new CxoneClient(f.endpoint);
        await Promise.all([
            a.defaultLoginAuthenticatorId(),
            b.findRolesByName("Agent"),
            a.findEmployeesByEmail("x@example.com"),
        ]);
        await b.getRole("nope");
        assert.equal(tokenRequests().length, 1);
        assert.equal(
            f.sandbox
                .requests()
                .filter((r) => r.path.startsWith("/.well-known/cxone-configuration")).length,
            1,
        );
        assert.equal(
            await a.session.tenantId(),
            f.sandbox.endpoints.cxone.tenantId,
            "tenant id from the id_token claims",
        );
    });

    it("renews the token once when CXone rejects it (401)", async () => {
        const c = new CxoneClient(f.endpoint);
        await c.findRolesByName("Agent");
        f.sandbox.context.state.cxone.tokens = {}; // CXone forgot every token
        await c.findRolesByName("Agent");
        assert.equal(tokenRequests().length, 2);
    });

    it("renews the token before it expires", async () => {
        const dir = path.join(f.dir, "short"); // inside the suite's dir, removed with it
        const { startSandbox } = await import("../../sandbox/index");
        const sb = await startSandbox({ dir, cxonePort: 0, oktaPort: 0, tokenTtlSeconds: 3 });
        try {
            const e = sb.endpoints.cxone;
            const c = new CxoneClient(
                { issuerUrl: sb.urls.cxone, areaUrl: sb.urls.cxone, apiUrl: sb.urls.cxone },
                {
                    credentials: {
                        accessKeyId: e.adminAccessKeyId,
                        accessKeySecret: e.adminAccessKeySecret,
                    },
                },
            );
            await c.findRolesByName("Agent");
            // inside the last 20% of the lifetime (2.4-3 s); 3 s leaves the first call 2.4 s
            await new Promise((r) => setTimeout(r, 2500));
            await c.findRolesByName("Agent");
            const reqs = sb.requests();
            assert.equal(reqs.filter((r) => r.path.startsWith("/authentication")).length, 2);
            assert.ok(
                reqs.every((r) => r.status !== 401),
                "no call ever used an expired token",
            );
        } finally {
            await sb.stop();
        }
    });

    it("honours Retry-After on 429", async () => {
        const c = new CxoneClient(f.endpoint);
        await c.findRolesByName("Agent");
        f.sandbox.setFaults([
            { kind: "status", status: 429, retryAfterSeconds: 1, path: "roles/search", times: 1 },
        ]);
        const t = Date.now();
        await c.findRolesByName("Agent");
        assert.ok(Date.now() - t >= 950, `waited ${Date.now() - t} ms`);
    });

    it("retries a timed-out read (request timeout) and succeeds", async () => {
        const c = new CxoneClient(f.endpoint, { retry: { timeoutMs: 300, baseDelayMs: 10 } });
        await c.findRolesByName("Agent");
        f.sandbox.setFaults([
            { kind: "timeout", path: "/user-management/v1/users/", times: 1, holdMs: 2000 },
        ]);
        assert.equal(
            await c
                .getEmployee(f.sandbox.context.state.cxone.seed.adminUserId)
                .then((u) => u?.status),
            "ACTIVE",
        );
    });

    it("wrong credentials: a typed error that names the operation and carries neither secret nor token", async () => {
        const secret = "wrong-secret-value-123456";
        const c = new CxoneClient(f.endpoint, {
            credentials: { accessKeyId: "NOSUCHKEY", accessKeySecret: secret },
        });
        await assert.rejects(c.findRolesByName("Agent"), (e: unknown) => {
            assert.ok(e instanceof CxoneError);
            assert.equal(e.status, 401);
            assert.equal(e.code, "invalid_client");
            assert.match(
                e.message,
                /could not sign in to CXone with the admin access key: CXone answered HTTP 401/,
            );
            const everything = JSON.stringify(e) + e.message + (e.stack ?? "");
            assert.ok(!everything.includes(secret));
            assert.ok(
                !("config" in (e as object)) && !("request" in (e as object)),
                "no axios request attached",
            );
            return true;
        });
    });

    it("API errors carry CXone's code and no bearer token", async () => {
        const c = new CxoneClient(f.endpoint);
        await assert.rejects(
            c.createRole({ name: "Agent", description: "", permissions: [], status: "ACTIVE" }),
            (e: unknown) => {
                assert.ok(e instanceof CxoneError);
                assert.equal(e.status, 409);
                assert.equal(e.code, "ROLE_NAME_EXISTS");
                for (const t of Object.keys(f.sandbox.context.state.cxone.tokens))
                    assert.ok(!(JSON.stringify(e) + e.message + e.stack).includes(t));
                return true;
            },
        );
    });
});

// Discovery fields are required only where they are used: the CXone session against the sandbox,
// with the tenant's discovery document served by a loopback issuer that leaves fields out. Without
// `cluster` and `acdDomain` (which the stack never uses) it calls CXone as usual; without `domain`
// it stops before any API call, naming the field and the tenant's issuer; with the api_endpoint
// choice, `domain` is not needed at all.
describe("CXone session: discovery fields required only where used (HTTP)", function () {
    this.timeout(20_000);
    const f = sandboxForSuite();
    let issuer: LocalServer;
    let full: Record<string, unknown>;
    before(async () => {
        issuer = await startLocalServer();
        const tenantId = f.sandbox.context.state.cxone.tenantId;
        full = (
            await axios.get(`${f.sandbox.urls.cxone}/.well-known/cxone-configuration`, {
                params: { tenantId },
            })
        ).data;
    });
    after(async () => {
        await issuer?.stop();
    });
    beforeEach(() => {
        clearSessionCache();
        f.sandbox.clearRequests();
    });

    /** The loopback issuer answers discovery without `drop`; the sandbox does the rest. */
    const sessionWithout = (drop: string[], userHubHost?: "derived" | "api_endpoint") => {
        const doc = Object.fromEntries(Object.entries(full).filter(([k]) => !drop.includes(k)));
        issuer.answer = (r) =>
            r.path === "/.well-known/cxone-configuration"
                ? { status: 200, body: doc }
                : { status: 404, body: { message: "Not Found" } };
        return new CxoneSession(
            { issuerUrl: issuer.url, areaUrl: f.endpoint.areaUrl },
            {
                accessKeyId: f.env.CXONE_ACCESS_KEY_ID,
                accessKeySecret: f.env.CXONE_ACCESS_KEY_SECRET,
            },
            { baseDelayMs: 1, maxDelayMs: 5 },
            userHubHost,
        );
    };
    const searchRoles = (s: CxoneSession) =>
        s.call({
            operation: "search roles",
            method: "POST",
            path: "/authorization/v1/roles/search",
            body: {},
            safe: true,
        });
    const apiCalls = () =>
        f.sandbox
            .requests()
            .filter((r) => r.server === "cxone" && !r.path.startsWith("/authentication/"));

    it("a document without cluster and acdDomain: the stack calls UserHub as usual", async () => {
        assert.ok(full.cluster && full.acdDomain, "the sandbox names them");
        const s = sessionWithout(["cluster", "acdDomain"]);
        const res = await searchRoles(s);
        assert.equal(res.status, 200);
        assert.ok(apiCalls().some((r) => r.path === "/authorization/v1/roles/search"));
    });

    it("a document without domain: a stop before any API call, naming the field and the issuer", async () => {
        const s = sessionWithout(["domain"]);
        await assert.rejects(searchRoles(s), (e: unknown) => {
            assert.ok(e instanceof CxoneError, String(e));
            assert.equal(e.message, noDomain(issuer.url));
            return true;
        });
        assert.deepEqual(apiCalls(), []);
    });

    it("with the api_endpoint choice, domain is never needed", async () => {
        const s = sessionWithout(["domain", "cluster", "acdDomain"], "api_endpoint");
        assert.equal(await s.apiBase(), String(full.api_endpoint).replace(/\/+$/, ""));
    });
});
