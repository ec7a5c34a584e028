// The Okta client over real HTTP, against a scripted loopback server: each call's method, path,
// query, headers and body; which calls are repeated (never the app create); Okta's retry headers;
// pagination; 404 as "gone"; and errors that name the operation and never carry the token.
import { strict as assert } from "assert";
import express from "express";
import {
    autoLoginAppBody,
    call,
    find,
    oktaApi,
    OktaApp,
    setOktaRetryPolicy,
} from "../../provider/okta/client";
import { OktaError } from "../../provider/okta/errors";
import { clearRateGates } from "../../provider/core/rateGate";
import { toCapabilities } from "../../provider/okta/capabilities";
import { serve, type Served } from "../support/loopbackServer";

type Answer = {
    status?: number;
    headers?: Record<string, string>;
    body?: unknown;
    /** drop the connection instead of answering */
    reset?: boolean;
};
interface Seen {
    method: string;
    path: string;
    query: Record<string, unknown>;
    headers: Record<string, unknown>;
    body: unknown;
    at: number;
}

const TOKEN = "00TestTokenNotReal42";

describe("Okta client over HTTP", function () {
    let server: Served;
    let org: string;
    let script: Answer[] = [];
    let fallback: (s: Seen) => Answer = () => ({ status: 200, body: {} });
    let seen: Seen[] = [];
    const savedToken = process.env.OKTA_API_TOKEN;
    let restorePolicy: () => void;

    before(async () => {
        const app = express();
        app.use(express.json());
        app.use((req, res) => {
            const s: Seen = {
                method: req.method,
                path: req.path,
                query: { ...req.query },
                headers: req.headers,
                body: req.body,
                at: Date.now(),
            };
            seen.push(s);
            const a = script.shift() ?? fallback(s);
            if (a.reset) {
                req.socket.destroy();
                return;
            }
            res.status(a.status ?? 200)
                .set(a.headers ?? {})
                .json(a.body ?? {});
        });
        server = await serve(app);
        org = server.url;
        process.env.OKTA_API_TOKEN = TOKEN;
        restorePolicy = setOktaRetryPolicy({ baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 });
    });
    after(async () => {
        restorePolicy();
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
        else process.env.OKTA_API_TOKEN = savedToken;
        await server.close();
    });
    beforeEach(() => {
        clearRateGates(); // each test starts with nothing learned about the org's limits
        script = [];
        seen = [];
        fallback = () => ({ status: 200, body: {} });
    });

    /** The error a call rejects with (fails the test when it resolves). */
    async function failure(p: Promise<unknown>): Promise<OktaError> {
        const e = await p.then(
            () => assert.fail("expected the call to fail"),
            (x: unknown) => x,
        );
        assert.ok(e instanceof OktaError, String(e));
        assert.ok(!e.message.includes(TOKEN) && !JSON.stringify(e).includes(TOKEN));
        return e;
    }

    /** The call fails after this many requests, its message exactly this (or matching it). */
    async function failsAfter(p: Promise<unknown>, requests: number, message: string | RegExp) {
        const e = await failure(p);
        assert.equal(seen.length, requests);
        if (typeof message === "string") assert.equal(e.message, message);
        else assert.match(e.message, message);
    }
    /** Each call refused (403): its error names the operation, in the operator's words. */
    async function refusedNaming(rows: [() => Promise<unknown>, string][]) {
        script = rows.map(() => ({ status: 403 }));
        for (const [call, operation] of rows)
            assert.equal((await failure(call())).operation, operation);
    }

    describe("call(): one request to Okta", () => {
        it("sends the token as SSWS with JSON headers to the org URL (trailing slashes dropped)", async () => {
            const res = await call<{ ok: boolean }>(`${org}//`, "test", {
                method: "GET",
                url: "/api/v1/x",
                params: { q: "a b", limit: 2 },
            });
            assert.equal(res.status, 200);
            assert.equal(seen.length, 1);
            assert.equal(seen[0].path, "/api/v1/x");
            assert.deepEqual(seen[0].query, { q: "a b", limit: "2" });
            assert.equal(seen[0].headers.authorization, `SSWS ${TOKEN}`);
            assert.equal(seen[0].headers.accept, "application/json");
            assert.equal(seen[0].headers["content-type"], "application/json");
        });

        it("an absolute URL (a next-page link) is used as it is", async () => {
            await call("https://unused.example", "test", { method: "GET", url: `${org}/abs/path` });
            assert.equal(seen[0].path, "/abs/path");
        });

        it("a path that merely contains a URL is still a path below the org", async () => {
            await call(org, "test", { method: "GET", url: "/api/v1/x/http://y" });
            assert.equal(seen.length, 1);
            assert.equal(seen[0].path, "/api/v1/x/http://y");
        });

        it("a reset connection on an idempotent call is repeated, with no retry headers", async () => {
            script = [{ reset: true }];
            const res = await call<{ ok: boolean }>(org, "read", { method: "GET", url: "/r" });
            assert.equal(res.status, 200);
            assert.equal(seen.length, 2);
            assert.equal(seen[1].headers["x-okta-retry-for"], undefined);
        });

        it("the app search (a GET of /api/v1/apps) is repeated after a 500", async () => {
            script = [{ status: 500 }, { body: [] }];
            assert.deepEqual(await oktaApi.findAppsByLabel(org, "L"), []);
            assert.equal(seen.length, 2);
        });

        it("returns the answer's headers", async () => {
            script = [{ headers: { "x-okta-request-id": "req-1" }, body: [1] }];
            const res = await call<number[]>(org, "test", { method: "GET", url: "/h" });
            assert.deepEqual(res.data, [1]);
            assert.equal(res.headers["x-okta-request-id"], "req-1");
        });

        it("repeats a 500 on an idempotent call, marked with the first answer's request id", async () => {
            script = [
                { status: 500, headers: { "x-okta-request-id": "first-id" } },
                { status: 500, headers: { "x-okta-request-id": "second-id" } },
            ];
            await call(org, "activate", {
                method: "POST",
                url: "/api/v1/apps/0oa1/lifecycle/activate",
            });
            assert.equal(seen.length, 3);
            assert.equal(seen[0].headers["x-okta-retry-for"], undefined);
            assert.equal(seen[1].headers["x-okta-retry-for"], "first-id");
            assert.equal(seen[1].headers["x-okta-retry-count"], "1");
            assert.equal(seen[2].headers["x-okta-retry-for"], "second-id");
            assert.equal(seen[2].headers["x-okta-retry-count"], "2");
        });

        it("a repeat without a request id to point at carries no retry headers", async () => {
            script = [{ status: 500 }];
            await call(org, "read", { method: "GET", url: "/r" });
            assert.equal(seen.length, 2);
            assert.equal(seen[1].headers["x-okta-retry-for"], undefined);
            assert.equal(seen[1].headers["x-okta-retry-count"], undefined);
        });

        it("never repeats the app create after a 500 or a gateway error (it may have happened)", async () => {
            for (const status of [500, 502, 504]) {
                seen = [];
                script = [{ status }];
                const e = await failure(
                    oktaApi.createAutoLoginApp(org, { label: "L", loginUrl: "https://l/login" }),
                );
                assert.equal(seen.length, 1, `HTTP ${status}`);
                assert.equal(e.status, status);
                assert.equal(e.attempts, 1);
            }
        });

        it("gives up after the policy's attempts, saying how many", async () => {
            fallback = () => ({ status: 503, body: { errorSummary: "Service unavailable" } });
            await failsAfter(
                call(org, "read app 0oa1", { method: "GET", url: "/x" }),
                3,
                "could not read app 0oa1: Okta answered HTTP 503 (Service unavailable) (after 3 attempts)",
            );
        });

        it("Okta's error body becomes the error, the token scrubbed from it", async () => {
            script = [
                {
                    status: 401,
                    body: {
                        errorCode: "E0000011",
                        errorSummary: `Invalid token provided ${TOKEN}`,
                        errorId: "oaeX",
                        errorCauses: [],
                    },
                },
            ];
            const e = await failure(call(org, "read app 0oa1", { method: "GET", url: "/x" }));
            assert.equal(e.errorCode, "E0000011");
            assert.equal(e.errorSummary, "Invalid token provided ***");
            assert.equal(
                e.message,
                "could not read app 0oa1: Okta answered HTTP 401 (code E0000011: Invalid token " +
                    "provided *** [errorId oaeX])",
            );
        });

        it("a rate limit resetting beyond the wait budget is named, with the seconds", async () => {
            const reset = Math.floor(Date.now() / 1000) + 600;
            script = [{ status: 429, headers: { "x-rate-limit-reset": String(reset) } }];
            await failsAfter(
                call(org, "read app 0oa1", { method: "GET", url: "/x" }),
                1,
                /^could not read app 0oa1: Okta answered HTTP 429 \(the rate limit resets in (59\d|600|601) s, beyond the wait budget\)$/,
            );
        });

        it("a 429 without a reset header has no note", async () => {
            const restore = setOktaRetryPolicy({ maxAttempts: 1 });
            try {
                script = [{ status: 429 }];
                const e = await failure(call(org, "read app 0oa1", { method: "GET", url: "/x" }));
                assert.equal(e.message, "could not read app 0oa1: Okta answered HTTP 429");
            } finally {
                restore();
            }
        });

        it("no answer at all: the network code, once (a refused connection is not repeated)", async () => {
            const closed = await serve(express());
            await closed.close();
            const e = await failure(
                call(closed.url, "read app 0oa1", { method: "GET", url: "/x" }),
            );
            assert.equal(e.status, undefined);
            assert.equal(e.attempts, 1);
            assert.equal(
                e.message,
                "could not read app 0oa1: no response from Okta (ECONNREFUSED)",
            );
        });

        it("without a token nothing is sent and the error names the variable", async () => {
            delete process.env.OKTA_API_TOKEN;
            try {
                await assert.rejects(
                    call("https://dev-1.okta.com", "x", { method: "GET", url: "/x" }),
                    /no Okta API token for https:\/\/dev-1\.okta\.com: set the environment variable OKTA_API_TOKEN/,
                );
            } finally {
                process.env.OKTA_API_TOKEN = TOKEN;
            }
            assert.equal(seen.length, 0);
        });

        it("setOktaRetryPolicy returns a function that restores the previous policy", async () => {
            const restore = setOktaRetryPolicy({ maxAttempts: 1 });
            fallback = () => ({ status: 503 });
            await failure(call(org, "x", { method: "GET", url: "/x" }));
            assert.equal(seen.length, 1);
            restore();
            seen = [];
            await failure(call(org, "x", { method: "GET", url: "/x" }));
            assert.equal(seen.length, 3);
        });
    });

    describe("find(): 404 means gone", () => {
        it("returns the body, or undefined on 404", async () => {
            script = [{ body: { id: "a" } }, { status: 404, body: { errorCode: "E0000007" } }];
            assert.deepEqual(await find(org, "read", "/a"), { id: "a" });
            assert.equal(await find(org, "read", "/b"), undefined);
        });
        it("other failures are thrown", async () => {
            script = [{ status: 403, body: { errorSummary: "forbidden" } }];
            const e = await failure(find(org, "read app 0oa1", "/a"));
            assert.equal(e.status, 403);
        });
    });

    describe("apps", () => {
        const app = (id: string, label: string, over: Partial<OktaApp> = {}): OktaApp => ({
            id,
            name: `n_${id}`,
            label,
            status: "ACTIVE",
            signOnMode: "AUTO_LOGIN",
            settings: { app: {}, signOn: { loginUrl: "https://l/login" } },
            ...over,
        });

        it("create: POST /api/v1/apps?activate=true with the AUTO_LOGIN body", async () => {
            script = [{ body: app("0oa1", "L") }];
            const made = await oktaApi.createAutoLoginApp(org, {
                label: "L",
                loginUrl: "https://l/login",
                redirectUrl: "https://l/after",
                adminNote: "[pulumi stack: p/s]",
            });
            assert.equal(made.id, "0oa1");
            assert.deepEqual(
                [seen[0].method, seen[0].path, seen[0].query],
                ["POST", "/api/v1/apps", { activate: "true" }],
            );
            assert.deepEqual(seen[0].body, {
                label: "L",
                signOnMode: "AUTO_LOGIN",
                settings: {
                    app: {},
                    signOn: { loginUrl: "https://l/login", redirectUrl: "https://l/after" },
                    notes: { admin: "[pulumi stack: p/s]" },
                },
            });
        });

        it("create failure names the label", async () => {
            script = [{ status: 400, body: { errorSummary: "Api validation failed" } }];
            const e = await failure(
                oktaApi.createAutoLoginApp(org, { label: "My App", loginUrl: "https://l" }),
            );
            assert.equal(
                e.message,
                'could not create app "My App": Okta answered HTTP 400 (Api validation failed)',
            );
        });

        it("getApp: GET of the encoded id; undefined once deleted", async () => {
            script = [{ body: app("0oa/1", "L") }, { status: 404 }];
            assert.equal((await oktaApi.getApp(org, "0oa/1"))?.id, "0oa/1");
            assert.equal(seen[0].method, "GET");
            assert.equal(seen[0].path, "/api/v1/apps/0oa%2F1");
            assert.equal(await oktaApi.getApp(org, "0oa2"), undefined);
            script = [{ status: 403 }];
            assert.equal((await failure(oktaApi.getApp(org, "0oa3"))).operation, "read app 0oa3");
        });

        it("findAppsByLabel: q and limit 200, every page, exact label only", async () => {
            script = [
                {
                    body: [app("a", "NICE"), app("b", "NICE CXone")],
                    headers: { link: `<${org}/api/v1/apps?after=b&limit=200>; rel="next"` },
                },
                { body: [app("c", "NICE CXone 2"), app("d", "NICE CXone")] },
            ];
            const found = await oktaApi.findAppsByLabel(org, "NICE CXone");
            assert.deepEqual(
                found.map((a) => a.id),
                ["b", "d"],
            );
            assert.deepEqual(seen[0].query, { q: "NICE CXone", limit: "200" });
            assert.equal(seen[0].path, "/api/v1/apps");
            assert.deepEqual(seen[1].query, { after: "b", limit: "200" });
            assert.equal(seen[1].headers.authorization, `SSWS ${TOKEN}`);
        });

        it("a page that is not a list fails, naming the search", async () => {
            script = [{ body: { not: "a list" } }];
            const e = await failure(oktaApi.findAppsByLabel(org, "L"));
            assert.equal(
                e.message,
                'could not search apps "L": Okta answered HTTP 200 (the answer is not a list)',
            );
        });

        it("a next link to another host is refused (the token goes only to the org)", async () => {
            script = [
                {
                    body: [],
                    headers: { link: '<https://evil.example/api/v1/apps?after=x>; rel="next"' },
                },
            ];
            await failsAfter(
                oktaApi.findAppsByLabel(org, "L"),
                1,
                /^could not search apps "L": Okta answered HTTP 200 \(the next-page link points to https:\/\/evil\.example, not to http:\/\/127\.0\.0\.1:\d+\)$/,
            );
        });

        it("a next chain that never ends stops after 500 pages", async function () {
            this.timeout(10_000);
            fallback = () => ({
                body: [],
                headers: { link: `<${org}/api/v1/apps?after=x>; rel="next"` },
            });
            await failsAfter(
                oktaApi.findAppsByLabel(org, "L"),
                500,
                'could not search apps "L": no response from Okta (more than 500 pages)',
            );
        });

        it("awaitAppsByLabel: searches again until an accepted app shows up", async () => {
            script = [
                { body: [app("a", "L", { signOnMode: "BOOKMARK" })] },
                { body: [app("a", "L", { signOnMode: "BOOKMARK" }), app("b", "L")] },
            ];
            const found = await oktaApi.awaitAppsByLabel(
                org,
                "L",
                (a) => a.signOnMode === "AUTO_LOGIN",
                2_000,
            );
            assert.deepEqual(
                found.map((a) => a.id),
                ["b"],
            );
            assert.equal(seen.length, 2);
        });

        it("awaitAppsByLabel: waits 250 ms, then twice as long, and stops before the deadline", async () => {
            // searches at ~0, 250 and 750 ms; the next wait (1000 ms) would end past 1.5 s
            fallback = () => ({ body: [] });
            assert.deepEqual(await oktaApi.awaitAppsByLabel(org, "L", () => true, 1_500), []);
            assert.equal(seen.length, 3);
            const gaps = [seen[1].at - seen[0].at, seen[2].at - seen[1].at];
            assert.ok(gaps[0] >= 240 && gaps[1] >= 490, `gaps ${gaps}`);
        });

        it("awaitAppsByLabel: by default waits as long as the policy's visibility lag", async () => {
            const restore = setOktaRetryPolicy({ visibilityLagMs: 0 });
            try {
                fallback = () => ({ body: [] });
                assert.deepEqual(await oktaApi.awaitAppsByLabel(org, "L", () => true), []);
                assert.equal(seen.length, 1);
            } finally {
                restore();
            }
        });

        it("replaceApp: PUT of the full app, the live fields kept", async () => {
            const live = app("0oa1", "Old", {
                features: ["PUSH_NEW_USERS"],
                settings: {
                    app: { x: 1 },
                    signOn: { loginUrl: "https://old/login", redirectUrl: "https://old/after" },
                    notes: { admin: "old [pulumi stack: p/s]", enduser: "hello" },
                    other: { kept: true },
                },
            });
            script = [{ body: { ...live, label: "New" } }];
            const out = await oktaApi.replaceApp(org, live, {
                label: "New",
                loginUrl: "https://new/login",
                adminNote: "[pulumi stack: p/s]",
            });
            assert.equal(out.label, "New");
            assert.deepEqual([seen[0].method, seen[0].path], ["PUT", "/api/v1/apps/0oa1"]);
            assert.deepEqual(seen[0].body, {
                ...live,
                label: "New",
                signOnMode: "AUTO_LOGIN",
                settings: {
                    app: { x: 1 },
                    signOn: { loginUrl: "https://new/login" },
                    notes: { admin: "[pulumi stack: p/s]", enduser: "hello" },
                    other: { kept: true },
                },
            });
            script = [{ status: 400 }];
            assert.equal(
                (await failure(oktaApi.replaceApp(org, live, { label: "N", loginUrl: "u" })))
                    .operation,
                "update app 0oa1",
            );
        });

        it("setAppActive: the activate and deactivate lifecycle POSTs", async () => {
            await oktaApi.setAppActive(org, "0oa1", true);
            await oktaApi.setAppActive(org, "0oa1", false);
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                [
                    "POST /api/v1/apps/0oa1/lifecycle/activate",
                    "POST /api/v1/apps/0oa1/lifecycle/deactivate",
                ],
            );
            await refusedNaming([
                [() => oktaApi.setAppActive(org, "0oa1", true), "activate app 0oa1"],
                [() => oktaApi.setAppActive(org, "0oa1", false), "deactivate app 0oa1"],
            ]);
        });

        it("deleteApp: DELETE; already gone is done; other failures are thrown", async () => {
            script = [
                { status: 204 },
                { status: 404 },
                { status: 403, body: { errorSummary: "no" } },
            ];
            await oktaApi.deleteApp(org, "0oa1");
            await oktaApi.deleteApp(org, "0oa1");
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                ["DELETE /api/v1/apps/0oa1", "DELETE /api/v1/apps/0oa1"],
            );
            const e = await failure(oktaApi.deleteApp(org, "0oa1"));
            assert.equal(e.message, "could not delete app 0oa1: Okta answered HTTP 403 (no)");
        });
    });

    describe("connection, feature and groups", () => {
        it("getConnection and activateConnection", async () => {
            script = [{ body: { status: "ENABLED", authScheme: "OAUTH2" } }, { status: 404 }];
            assert.deepEqual(await oktaApi.getConnection(org, "0oa1"), {
                status: "ENABLED",
                authScheme: "OAUTH2",
            });
            assert.equal(await oktaApi.getConnection(org, "0oa1"), undefined);
            await oktaApi.activateConnection(org, "0oa1");
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                [
                    "GET /api/v1/apps/0oa1/connections/default",
                    "GET /api/v1/apps/0oa1/connections/default",
                    "POST /api/v1/apps/0oa1/connections/default/lifecycle/activate",
                ],
            );
            await refusedNaming([
                [
                    () => oktaApi.getConnection(org, "0oa1"),
                    "read the provisioning connection of app 0oa1",
                ],
                [
                    () => oktaApi.activateConnection(org, "0oa1"),
                    "activate the provisioning connection of app 0oa1",
                ],
            ]);
        });

        it("the USER_PROVISIONING feature: GET, and PUT of the capabilities only", async () => {
            const caps = toCapabilities({
                createUsers: true,
                updateUserAttributes: false,
                deactivateUsers: true,
            });
            script = [
                { body: { status: "ENABLED", capabilities: caps } },
                { status: 404 },
                { body: { status: "ENABLED", capabilities: caps } },
            ];
            assert.deepEqual(await oktaApi.getProvisioningFeature(org, "0oa1"), {
                status: "ENABLED",
                capabilities: caps,
            });
            assert.equal(await oktaApi.getProvisioningFeature(org, "0oa1"), undefined);
            const put = await oktaApi.putProvisioningFeature(org, "0oa1", caps);
            assert.deepEqual(put, { status: "ENABLED", capabilities: caps });
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                [
                    "GET /api/v1/apps/0oa1/features/USER_PROVISIONING",
                    "GET /api/v1/apps/0oa1/features/USER_PROVISIONING",
                    "PUT /api/v1/apps/0oa1/features/USER_PROVISIONING",
                ],
            );
            assert.deepEqual(seen[2].body, caps);
            await refusedNaming([
                [
                    () => oktaApi.getProvisioningFeature(org, "0oa1"),
                    "read the provisioning actions of app 0oa1",
                ],
                [
                    () => oktaApi.putProvisioningFeature(org, "0oa1", caps),
                    "switch the provisioning actions of app 0oa1",
                ],
            ]);
        });

        it("group assignment: read, assign (PUT {}), unassign (404 is done)", async () => {
            script = [
                { body: { id: "00g1" } },
                { status: 404 },
                { body: { id: "00g1" } },
                { status: 204 },
                { status: 404 },
            ];
            assert.deepEqual(await oktaApi.getGroupAssignment(org, "0oa1", "00g1"), { id: "00g1" });
            assert.equal(await oktaApi.getGroupAssignment(org, "0oa1", "00g/2"), undefined);
            await oktaApi.assignGroup(org, "0oa1", "00g1");
            await oktaApi.unassignGroup(org, "0oa1", "00g1");
            await oktaApi.unassignGroup(org, "0oa1", "00g1");
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                [
                    "GET /api/v1/apps/0oa1/groups/00g1",
                    "GET /api/v1/apps/0oa1/groups/00g%2F2",
                    "PUT /api/v1/apps/0oa1/groups/00g1",
                    "DELETE /api/v1/apps/0oa1/groups/00g1",
                    "DELETE /api/v1/apps/0oa1/groups/00g1",
                ],
            );
            assert.deepEqual(seen[2].body, {});
            await refusedNaming([
                [
                    () => oktaApi.getGroupAssignment(org, "0oa1", "00g1"),
                    "read the assignment of group 00g1",
                ],
                [() => oktaApi.assignGroup(org, "0oa1", "00g1"), "assign group 00g1 to app 0oa1"],
                [
                    () => oktaApi.unassignGroup(org, "0oa1", "00g1"),
                    "unassign group 00g1 from app 0oa1",
                ],
            ]);
        });

        it("getGroup: GET /api/v1/groups/{id}; undefined when Okta has none", async () => {
            const group = { id: "00g1", type: "BUILT_IN", profile: { name: "Everyone" } };
            script = [{ body: group }, { status: 404 }, { status: 403 }];
            assert.deepEqual(await oktaApi.getGroup(org, "00g1"), group);
            assert.equal(await oktaApi.getGroup(org, "Every one"), undefined);
            assert.deepEqual(
                seen.map((s) => `${s.method} ${s.path}`),
                ["GET /api/v1/groups/00g1", "GET /api/v1/groups/Every%20one"],
            );
            assert.equal(
                (await failure(oktaApi.getGroup(org, "00g1"))).operation,
                "read group 00g1",
            );
        });
    });
});

describe("autoLoginAppBody: the SWA app's create and replace body", () => {
    const spec = { label: "L", loginUrl: "https://l/login" };
    /** An active app Okta holds, labelled "Old", with these settings. */
    const heldApp = (settings: OktaApp["settings"]) =>
        ({
            id: "0oa1",
            name: "n",
            label: "Old",
            status: "ACTIVE",
            signOnMode: "AUTO_LOGIN",
            settings,
        }) as OktaApp;

    it("a new app: label, AUTO_LOGIN, empty app settings, the login URL; no redirect, no notes", () => {
        assert.deepEqual(autoLoginAppBody(spec), {
            label: "L",
            signOnMode: "AUTO_LOGIN",
            settings: { app: {}, signOn: { loginUrl: "https://l/login" } },
        });
    });

    it("a replace keeps what Okta holds, overwrites label and sign-on, merges the admin note", () => {
        const current = heldApp({
            app: { url: "x" },
            signOn: { loginUrl: "https://old", redirectUrl: "https://old/r" },
            notes: { enduser: "hi", admin: "old note" },
        });
        assert.deepEqual(
            autoLoginAppBody({ ...spec, redirectUrl: "https://r", adminNote: "mark" }, current),
            {
                ...current,
                label: "L",
                settings: {
                    app: { url: "x" },
                    signOn: { loginUrl: "https://l/login", redirectUrl: "https://r" },
                    notes: { enduser: "hi", admin: "mark" },
                },
            },
        );
        // without an admin note, Okta's notes are left as they are
        assert.deepEqual(autoLoginAppBody(spec, current).settings, {
            app: { url: "x" },
            signOn: { loginUrl: "https://l/login" },
            notes: { enduser: "hi", admin: "old note" },
        });
    });

    it("notes that are not an object are replaced by the admin note alone", () => {
        const current = heldApp({ app: {}, notes: "text" });
        const body = autoLoginAppBody({ ...spec, adminNote: "mark" }, current);
        assert.deepEqual((body.settings as Record<string, unknown>).notes, { admin: "mark" });
    });
});
