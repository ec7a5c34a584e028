// Faults in the shapes real Okta produces (docs/vendor-facts/okta.md, "How real Okta behaves"), each
// run against the sandbox's Okta through the product's client and AutoLoginApp provider: 429
// E0000047 with X-Rate-Limit-Reset a whole window away (the window shortened to a few seconds),
// lists longer than one page, a visibility lag after writes, transient 500s. Each case converges
// with nothing duplicated.
import { strict as assert } from "assert";
import axios from "axios";
import appProvider from "../../provider/okta/autoLoginAppProvider";
import { oktaApi, setOktaRetryPolicy } from "../../provider/okta/client";
import { OktaError } from "../../provider/okta/errors";
import type { RunningSandbox } from "../../sandbox/index";
import { sandboxForSuite, sandboxFixture } from "../support/sandbox";

const WINDOW_S = 3;

/** Apps in the sandbox's Okta with exactly this label (the world, not the API: no lag). */
const appsLabelled = (sb: RunningSandbox, label: string) =>
    Object.values(sb.context.state.okta.apps).filter((a) => a.label === label);

describe("Okta faults in Okta's own shapes: the client and AutoLoginApp converge, nothing duplicated", function () {
    this.timeout(120_000);
    const f = sandboxForSuite({ okta: { rateLimit: { windowSeconds: WINDOW_S } } });
    let sb: RunningSandbox;
    let restorePolicy: () => void = () => {};
    const loginUrl = "https://cxone.niceincontact.com/";
    /** A new active app with this label, made through its provider (Okta's org unless given). */
    const newApp = (label: string, orgUrl = sb.urls.okta) =>
        appProvider.create({ orgUrl, label, loginUrl, active: true, adoptExisting: false });

    before(async () => {
        sb = f.sandbox;
        // faster backoff for the transient cases; the rate-limit budget stays the product's own
        restorePolicy = setOktaRetryPolicy({ baseDelayMs: 20, visibilityLagMs: 5_000 });
    });
    after(async () => {
        restorePolicy();
    });
    afterEach(() => sb.clearFaults());

    describe("rate limits", () => {
        it("a 429 with X-Rate-Limit-Reset a whole window away: the client waits for the reset, then is served", async () => {
            const app = await oktaApi.createAutoLoginApp(sb.urls.okta, {
                label: "rl-wait",
                loginUrl,
            });
            sb.setFaults([
                {
                    kind: "status",
                    status: 429,
                    server: "okta",
                    method: "GET",
                    path: `^/api/v1/apps/${app.id}$`,
                    times: 1,
                },
            ]);
            const started = Date.now();
            assert.equal((await oktaApi.getApp(sb.urls.okta, app.id))?.id, app.id);
            const waited = Date.now() - started;
            assert.ok(
                waited >= (WINDOW_S - 1) * 1000 && waited < (WINDOW_S + 3) * 1000,
                `waited ${waited} ms for a ${WINDOW_S} s window`,
            );
            const log = sb.requests().filter((r) => r.path === `/api/v1/apps/${app.id}`);
            assert.deepEqual(
                log.slice(-2).map((r) => r.status),
                [429, 200],
            );
        });
        it("a create refused with 429 is repeated after the reset and makes exactly one app", async () => {
            sb.setFaults([
                {
                    kind: "status",
                    status: 429,
                    server: "okta",
                    method: "POST",
                    path: "^/api/v1/apps$",
                    times: 1,
                },
            ]);
            await newApp("rl-create");
            assert.equal(appsLabelled(sb, "rl-create").length, 1);
        });
        it("a real bucket running out: remaining counts down to 0, every call is served after the reset", async () => {
            const b = await sandboxFixture({
                okta: { rateLimit: { windowSeconds: 2, limits: { "/api/v1/apps": 4 } } },
            });
            const bucket = b.sandbox;
            try {
                const h = { Authorization: `SSWS ${bucket.endpoints.okta.apiToken}` };
                const remaining = [];
                for (let i = 0; i < 4; i++)
                    remaining.push(
                        (await axios.get(`${bucket.urls.okta}/api/v1/apps`, { headers: h }))
                            .headers["x-rate-limit-remaining"],
                    );
                assert.deepEqual(remaining, ["3", "2", "1", "0"]);
                const over = await axios.get(`${bucket.urls.okta}/api/v1/apps`, {
                    headers: h,
                    validateStatus: () => true,
                });
                assert.equal(over.status, 429);
                assert.equal(over.data.errorCode, "E0000047");
                assert.equal(
                    over.headers["retry-after"],
                    undefined,
                    "Okta promises no Retry-After",
                );
                const found = await Promise.all(
                    [1, 2, 3].map(() => oktaApi.findAppsByLabel(bucket.urls.okta, "x")),
                );
                assert.deepEqual(
                    found.map((f) => f.length),
                    [0, 0, 0],
                );
            } finally {
                await b.stop();
            }
        });
        it("a reset beyond the wait budget fails at once, naming Okta's E0000047 and the reset", async () => {
            const restore = setOktaRetryPolicy({ rateLimitBudgetMs: 1_000 });
            sb.setFaults([
                {
                    kind: "status",
                    status: 429,
                    server: "okta",
                    method: "GET",
                    path: "^/api/v1/apps$",
                    times: 1,
                    resetSeconds: 30,
                },
            ]);
            try {
                const e = await oktaApi.findAppsByLabel(sb.urls.okta, "x").then(
                    () => undefined,
                    (x: unknown) => x,
                );
                assert.ok(e instanceof OktaError);
                assert.equal(e.errorCode, "E0000047");
                assert.match(
                    e.message,
                    /^could not search apps "x": Okta answered HTTP 429 \(code E0000047: .*rate limit.*\)/,
                );
                assert.match(e.message, /resets in 3\d s, beyond the wait budget/);
            } finally {
                restore();
            }
        });
    });

    describe("pagination", () => {
        // Its own sandbox: 250 app creates against the shared one's apps bucket (100 a window)
        // made this test wait out the product's rate gate for ~40 s; rate limits are the
        // "rate limits" tests' subject, not this one's, so here the bucket is larger.
        const paging = sandboxForSuite({
            okta: { rateLimit: { windowSeconds: WINDOW_S, limits: { "/api/v1/apps": 2000 } } },
        });

        it("250 apps with ours on page 2: the labelled search reads both pages and finds it; adopt makes no second", async () => {
            const sb = paging.sandbox;
            const h = { Authorization: `SSWS ${sb.endpoints.okta.apiToken}` };
            const others = Array.from(
                { length: 250 },
                (_, i) => `NICE CXone ${String(i).padStart(3, "0")}`,
            );
            for (let i = 0; i < others.length; i += 25) {
                await Promise.all(
                    others
                        .slice(i, i + 25)
                        .map((label) =>
                            oktaApi.createAutoLoginApp(sb.urls.okta, { label, loginUrl }),
                        ),
                );
            }
            const ours = await oktaApi.createAutoLoginApp(sb.urls.okta, {
                label: "NICE CXone",
                loginUrl,
                adminNote: "[pulumi stack: proj/shapes]", // this stack's mark: adoptable
            });
            const first = await axios.get(`${sb.urls.okta}/api/v1/apps`, {
                params: { q: "NICE CXone", limit: 200 },
                headers: h,
            });
            assert.equal(first.data.length, 200);
            assert.ok(
                !first.data.some((a: { id: string }) => a.id === ours.id),
                "ours is not on page 1",
            );
            assert.match(first.headers.link, /rel="next"/);

            sb.clearRequests();
            const found = await oktaApi.findAppsByLabel(sb.urls.okta, "NICE CXone");
            assert.deepEqual(
                found.map((a) => a.id),
                [ours.id],
            );
            assert.equal(
                sb.requests().filter((r) => r.path.startsWith("/api/v1/apps?")).length,
                2,
                "two pages read",
            );

            const r = await appProvider.create({
                orgUrl: sb.urls.okta,
                label: "NICE CXone",
                loginUrl,
                active: true,
                adoptExisting: true,
                owner: "proj/shapes",
            });
            assert.equal(r.id, ours.id);
            assert.equal(appsLabelled(sb, "NICE CXone").length, 1);
        });
    });

    describe("eventual consistency", () => {
        it("a lost create answer while searches lag 2 s behind writes: the app is found, not made twice", async () => {
            const proxy = await f.oktaProxy();
            proxy.dropAnswer("POST", /^\/api\/v1\/apps$/);
            sb.setFaults([
                { kind: "lag", server: "okta", method: "GET", path: "^/api/v1/apps$", ms: 2_000 },
            ]);
            const r = await newApp("lagged", proxy.url);
            const made = appsLabelled(sb, "lagged");
            assert.equal(made.length, 1);
            assert.equal(r.id, made[0].id);
        });
        it("the lag fault hides a new app from lists and q searches, never from GET by id", async () => {
            const app = await oktaApi.createAutoLoginApp(sb.urls.okta, {
                label: "hidden for a while",
                loginUrl,
            });
            sb.setFaults([{ kind: "lag", server: "okta", ms: 60_000 }]);
            assert.deepEqual(await oktaApi.findAppsByLabel(sb.urls.okta, "hidden for a while"), []);
            assert.equal((await oktaApi.getApp(sb.urls.okta, app.id))?.id, app.id);
        });
        it("a 500 on the create that did not act: no repeat of the POST, no app; the next try makes exactly one", async () => {
            sb.setFaults([
                {
                    kind: "status",
                    status: 500,
                    server: "okta",
                    method: "POST",
                    path: "^/api/v1/apps$",
                    times: 1,
                },
            ]);
            await assert.rejects(
                newApp("five hundred"),
                /could not create app "five hundred": Okta answered HTTP 500 \(code E0000009/,
            );
            assert.equal(appsLabelled(sb, "five hundred").length, 0);
            await newApp("five hundred");
            assert.equal(appsLabelled(sb, "five hundred").length, 1);
        });
        it("transient 500s on deactivate, delete and group assignment are repeated until they succeed", async () => {
            const app = await oktaApi.createAutoLoginApp(sb.urls.okta, {
                label: "flaky",
                loginUrl,
            });
            sb.clearRequests();
            const group = Object.values(sb.context.state.okta.groups).find(
                (g) => g.profile.name === "CXone Agents",
            )!;
            sb.setFaults([
                {
                    kind: "status",
                    status: 500,
                    server: "okta",
                    method: "PUT",
                    path: "/groups/",
                    times: 2,
                },
                {
                    kind: "status",
                    status: 500,
                    server: "okta",
                    method: "POST",
                    path: "/lifecycle/deactivate$",
                    times: 2,
                },
                {
                    kind: "status",
                    status: 500,
                    server: "okta",
                    method: "DELETE",
                    path: "^/api/v1/apps/[^/]+$",
                    times: 2,
                },
            ]);
            await oktaApi.assignGroup(sb.urls.okta, app.id, group.id);
            assert.ok(await oktaApi.getGroupAssignment(sb.urls.okta, app.id, group.id));
            await appProvider.delete(app.id, {
                orgUrl: sb.urls.okta,
                label: "flaky",
                loginUrl,
                active: true,
                adoptExisting: false,
            });
            assert.equal(appsLabelled(sb, "flaky").length, 0);
            const fives = sb.requests().filter((r) => r.status === 500).length;
            assert.equal(fives, 6, "every injected 500 was met and outlasted");
        });
    });
});
