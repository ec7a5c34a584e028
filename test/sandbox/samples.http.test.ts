// The demo's sample user (sandbox/samples.ts) against a whole sandbox: a seeded Okta user put in
// scope of a connected app, directly or through a group, provisioned by Okta's sync and read back
// from CXone's SCIM server; each way it stops says the step and never a secret.
import * as assert from "assert";
import type { RunningSandbox } from "../../sandbox/index";
import { consoleSettings, hiddenFields, outputsFor } from "../../sandbox/operator";
import { formatSample, provisionSampleUser, SampleError } from "../../sandbox/samples";
import { oktaToAppSwitches } from "../support/oktaConsoleApp";
import { startLocalServer, type LocalServer, type Seen } from "../support/loopbackServer";
import { autoLoginBody } from "../support/oktaHarness";
import { sandboxInTempDirForSuite } from "../support/sandboxInTempDir";
import { sandboxOktaApi } from "../support/sandboxOktaApi";

describe("sandbox: the demo's sample user (samples.ts), over HTTP", function () {
    this.timeout(30000);
    let sb: RunningSandbox;
    const started = sandboxInTempDirForSuite("samples-");
    before(() => {
        sb = started.sandbox;
    });

    const okta = sandboxOktaApi(() => sb);

    /** An app with the console steps done as a person does them: SCIM form, Authenticate, To App. */
    async function connectedApp(label: string, toApp = true): Promise<string> {
        const cx = sb.endpoints.cxone;
        const app = await okta(
            "POST",
            "/api/v1/apps?activate=true",
            autoLoginBody(label, `${cx.baseUrl}/login`),
        );
        const id = app.body.id as string;
        const o = outputsFor(cx.baseUrl, id, cx.adminAccessKeyId, cx.adminAccessKeySecret);
        const saved = await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/provisioning`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(consoleSettings(o, {})),
        });
        assert.strictEqual(saved.status, 200);
        const start = await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/authenticate`, {
            redirect: "manual",
        });
        const page = await fetch(start.headers.get("location")!);
        const post = await fetch(`${sb.urls.cxone}/auth/authorize`, {
            method: "POST",
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
                ...hiddenFields(await page.text()),
                email: cx.adminEmail,
                password: cx.adminPassword,
            }).toString(),
        });
        const cb = await fetch(post.headers.get("location")!);
        assert.strictEqual(cb.status, 200, await cb.text());
        if (toApp) {
            const feat = await okta(
                "PUT",
                `/api/v1/apps/${id}/features/USER_PROVISIONING`,
                oktaToAppSwitches(),
            );
            assert.strictEqual(feat.status, 200, JSON.stringify(feat.body));
        }
        return id;
    }

    const secrets = () => [sb.endpoints.cxone.adminAccessKeySecret, sb.endpoints.okta.apiToken];

    it("assigns the first seeded user not in scope directly, and CXone then holds that person", async () => {
        const appId = await connectedApp("Sample direct");
        const s = await provisionSampleUser(sb.endpoints, appId);
        assert.strictEqual(s.assignedVia, "direct");
        // created by the sync, or by Okta's own run the assignment started ("unchanged" then)
        assert.ok(["created", "unchanged"].includes(s.syncAction), s.syncAction);
        assert.strictEqual(s.cxoneUser.userName.toLowerCase(), s.oktaUser.login.toLowerCase());
        assert.strictEqual(s.cxoneUser.active, true);
        assert.ok(s.oktaUser.firstName && s.oktaUser.status === "ACTIVE");
        const me = (await okta("GET", "/api/v1/users/me")).body;
        assert.notStrictEqual(s.oktaUser.id, me.id, "never the API token's owner");
        const text = formatSample(s);
        assert.match(
            text,
            new RegExp(
                `Okta user  ${s.oktaUser.login} .*in scope: direct; provisioning: ${s.syncAction}`,
            ),
        );
        assert.match(
            text,
            new RegExp(
                `CXone user ${s.cxoneUser.userName} id ${s.cxoneUser.id}: .*, active, role `,
            ),
        );
        for (const secret of secrets()) assert.ok(!text.includes(secret));
        // the next one is another person, the first being in scope now
        const next = await provisionSampleUser(sb.endpoints, appId);
        assert.notStrictEqual(next.oktaUser.id, s.oktaUser.id);
        // asked for by login (any case): already in scope, nothing to assign
        const again = await provisionSampleUser(sb.endpoints, appId, {
            login: s.oktaUser.login.toUpperCase(),
        });
        assert.strictEqual(again.oktaUser.id, s.oktaUser.id);
        assert.strictEqual(again.assignedVia, "already-assigned");
    });

    it("assigns through a group given by id", async () => {
        const appId = await connectedApp("Sample group");
        const group = (await okta("GET", "/api/v1/groups?q=CXone%20Agents")).body[0];
        assert.strictEqual(
            (await okta("PUT", `/api/v1/apps/${appId}/groups/${group.id}`, {})).status,
            200,
        );
        const s = await provisionSampleUser(sb.endpoints, appId, group.id);
        assert.strictEqual(s.assignedVia, "group");
        const members = (await okta("GET", `/api/v1/groups/${group.id}/users`)).body as {
            id: string;
        }[];
        assert.ok(members.some((m) => m.id === s.oktaUser.id));
    });

    it("stops with the step and Okta's or CXone's words, never a secret", async () => {
        const unconnected = (
            await okta("POST", "/api/v1/apps?activate=true", autoLoginBody("Sample bare"))
        ).body.id;
        const failures: [() => Promise<unknown>, RegExp][] = [
            [
                () =>
                    provisionSampleUser(sb.endpoints, unconnected, { login: "nobody@example.com" }),
                /no active user nobody@example.com/,
            ],
            [
                () => provisionSampleUser(sb.endpoints, unconnected),
                /Okta: .+ is not in scope of app .+ after assignment/,
            ],
            [
                () => provisionSampleUser(sb.endpoints, "0oaNoSuchApp"),
                /Okta: assign .* to app 0oaNoSuchApp: HTTP 404 \(.+\)/,
            ],
            [
                () =>
                    provisionSampleUser(
                        { ...sb.endpoints, okta: { ...sb.endpoints.okta, apiToken: "wrong" } },
                        unconnected,
                    ),
                /Okta: read the API token's owner: HTTP 401/,
            ],
        ];
        for (const [run, expected] of failures) {
            const e = await run().then(
                () => assert.fail("should have stopped"),
                (err: unknown) => err,
            );
            assert.ok(e instanceof SampleError, String(e));
            assert.match(e.message, expected);
            for (const secret of secrets()) assert.ok(!e.message.includes(secret));
        }
    });
});

// Answers the sandbox, a faithful emulator, never gives (a failed or skipped push, a sync without
// the CXone id, odd error bodies) from two scripted loopback servers standing in for Okta and CXone.
describe("sandbox: the demo's sample user (samples.ts), against scripted Okta and CXone", function () {
    this.timeout(10000);
    let okta: LocalServer;
    let cxone: LocalServer;
    const person = (id: string, login: string, status = "ACTIVE", more = {}) => ({
        id,
        status,
        profile: {
            login,
            firstName: login.split("@")[0],
            lastName: "Tester",
            email: login,
            ...more,
        },
    });
    /** what the scripted Okta lists: the admin first by login, people out of order, one staged */
    let people: unknown[];
    let sync: { status: number; body: unknown };
    let token: { status: number; body: unknown };
    let scimUser: { status: number; body: unknown };
    let groupPut: number;

    beforeEach(async () => {
        people = [
            person("00uAdmin", "aaa.admin@example.com"),
            person("00uZed", "zed@example.com"),
            person("00uAmy", "amy@example.com", "STAGED"),
            person("00uBob", "bob@example.com"),
        ];
        sync = {
            status: 200,
            body: { results: [{ userId: "00uBob", action: "created", externalId: "cx-bob" }] },
        };
        token = { status: 200, body: { access_token: "cx-token" } };
        scimUser = { status: 200, body: { id: "cx-bob", userName: "bob@example.com" } };
        groupPut = 204;
        okta = await startLocalServer();
        cxone = await startLocalServer();
        okta.answer = (q: Seen) => {
            if (q.path === "/api/v1/users/me") return { status: 200, body: { id: "00uAdmin" } };
            if (q.path === "/api/v1/users") return { status: 200, body: people };
            if (q.method === "GET" && q.path.startsWith("/api/v1/apps/app1/users/"))
                return { status: 404, body: { errorSummary: "Not found" } };
            if (q.method === "POST" && q.path === "/api/v1/apps/app1/users")
                return { status: 200, body: {} };
            if (q.method === "PUT" && q.path.startsWith("/api/v1/groups/"))
                return { status: groupPut };
            if (q.path === "/sandbox/console/apps/app1/sync") return sync;
            return { status: 404, body: {} };
        };
        cxone.answer = (q: Seen) => {
            if (q.path === "/authentication/v1/token/access-key") return token;
            if (q.path.startsWith("/scim/v2/Users/")) return scimUser;
            return { status: 404, body: {} };
        };
    });
    afterEach(async () => {
        await okta.stop();
        await cxone.stop();
    });

    const endpoints = () => ({
        // trailing slashes as an operator may paste them
        cxone: {
            baseUrl: `${cxone.url}//`,
            adminAccessKeyId: "KEY1",
            adminAccessKeySecret: "s3cret",
        },
        okta: { orgUrl: `${okta.url}//`, apiToken: "ssws-token" },
    });
    const failure = async (options?: string | { login?: string }) => {
        const e = await provisionSampleUser(endpoints(), "app1", options).then(
            () => assert.fail("should have stopped"),
            (err: unknown) => err,
        );
        assert.ok(e instanceof SampleError, String(e));
        assert.strictEqual(e.name, "SampleError");
        return e.message;
    };

    it("takes the first active person by login who is not the token's owner, and reads them from CXone", async () => {
        const s = await provisionSampleUser(endpoints(), "app1");
        assert.deepStrictEqual(s.oktaUser, {
            id: "00uBob",
            login: "bob@example.com",
            firstName: "bob",
            lastName: "Tester",
            email: "bob@example.com",
            status: "ACTIVE",
        });
        assert.strictEqual(s.assignedVia, "direct");
        assert.strictEqual(s.syncAction, "created");
        assert.deepStrictEqual(s.cxoneUser, { id: "cx-bob", userName: "bob@example.com" });
        const list = okta.seen.find((q) => q.path === "/api/v1/users")!;
        assert.strictEqual(list.query.limit, "200");
        for (const q of okta.seen) {
            assert.strictEqual(q.url.startsWith("//"), false, q.url);
            if (q.path.startsWith("/api/")) {
                assert.strictEqual(q.headers.authorization, "SSWS ssws-token");
                assert.strictEqual(q.headers.accept, "application/json");
            }
        }
        const assign = okta.seen.find(
            (q) => q.method === "POST" && q.path === "/api/v1/apps/app1/users",
        )!;
        assert.deepStrictEqual(assign.body, {
            id: "00uBob",
            scope: "USER",
            credentials: { userName: "bob@example.com" },
        });
        assert.deepStrictEqual(
            cxone.seen.map((q) => `${q.method} ${q.url}`),
            ["POST /authentication/v1/token/access-key", "GET /scim/v2/Users/cx-bob"],
        );
        assert.deepStrictEqual(cxone.seen[0].body, {
            accessKeyId: "KEY1",
            accessKeySecret: "s3cret",
        });
        assert.strictEqual(cxone.seen[1].headers.authorization, "Bearer cx-token");
        assert.strictEqual(cxone.seen[1].headers.accept, "application/scim+json");
    });

    it("a profile without names gives empty text, not undefined", async () => {
        people = [
            person("00uNo", "no.names@example.com", "ACTIVE", {
                firstName: 7,
                lastName: undefined,
            }),
        ];
        sync = {
            status: 200,
            body: { results: [{ userId: "00uNo", action: "created", externalId: "cx-no" }] },
        };
        const s = await provisionSampleUser(endpoints(), "app1");
        assert.strictEqual(s.oktaUser.firstName, "");
        assert.strictEqual(s.oktaUser.lastName, "");
    });

    it("finds the CXone id in the sync's pushed users when the result does not carry it", async () => {
        sync = {
            status: 200,
            body: {
                results: [
                    { userId: "00uZed", action: "created", externalId: "cx-zed" },
                    { userId: "00uBob", action: "linked" },
                ],
                view: {
                    pushedUsers: [
                        { userId: "00uZed", externalId: "cx-zed" },
                        { userId: "00uBob", externalId: "cx-bob-pushed" },
                    ],
                },
            },
        };
        const s = await provisionSampleUser(endpoints(), "app1");
        assert.strictEqual(s.syncAction, "linked");
        assert.strictEqual(cxone.seen[1].path, "/scim/v2/Users/cx-bob-pushed");
    });

    it("prefers the result's CXone id to the pushed users'", async () => {
        sync = {
            status: 200,
            body: {
                results: [{ userId: "00uBob", action: "updated", externalId: "cx-from-result" }],
                view: { pushedUsers: [{ userId: "00uBob", externalId: "cx-from-view" }] },
            },
        };
        await provisionSampleUser(endpoints(), "app1");
        assert.strictEqual(cxone.seen[1].path, "/scim/v2/Users/cx-from-result");
    });

    it("stops when Okta's push failed or was skipped, with Okta's reason or none given", async () => {
        sync = {
            status: 200,
            body: { results: [{ userId: "00uBob", action: "failed", message: "CXone said 409" }] },
        };
        assert.strictEqual(
            await failure(),
            "Okta did not provision bob@example.com (failed): CXone said 409",
        );
        sync = { status: 200, body: { results: [{ userId: "00uBob", action: "skipped" }] } };
        assert.strictEqual(
            await failure(),
            "Okta did not provision bob@example.com (skipped): no reason given",
        );
        assert.deepStrictEqual(cxone.seen, [], "CXone never asked");
    });

    it("stops when the sync names someone else, names nobody, or gives no CXone id", async () => {
        const notInScope =
            "Okta: bob@example.com is not in scope of app app1 after assignment (is the group assigned to the app?)";
        sync = {
            status: 200,
            body: { results: [{ userId: "00uZed", action: "created", externalId: "z" }] },
        };
        assert.strictEqual(await failure(), notInScope);
        sync = { status: 200, body: {} };
        assert.strictEqual(await failure(), notInScope);
        sync = { status: 200, body: { results: [{ userId: "00uBob", action: "created" }] } };
        assert.strictEqual(await failure(), "Okta: bob@example.com has no CXone id after the sync");
        assert.deepStrictEqual(cxone.seen, []);
    });

    it("stops when there is nobody to provision", async () => {
        people = [
            person("00uAdmin", "aaa.admin@example.com"),
            person("00uAmy", "amy@example.com", "SUSPENDED"),
        ];
        assert.strictEqual(await failure(), "Okta: no active seeded user to provision");
    });

    it("stops with each step and the words of the server's error body", async () => {
        const answer = okta.answer;
        okta.answer = (q) =>
            q.path === "/api/v1/users"
                ? { status: 500, body: { errorSummary: "Okta is down" } }
                : answer(q);
        assert.strictEqual(await failure(), "Okta: list users: HTTP 500 (Okta is down)");
        okta.answer = answer;
        groupPut = 200;
        assert.strictEqual(await failure("g1"), "Okta: add bob@example.com to group g1: HTTP 200");
        sync = { status: 500, body: { message: "sync broke" } };
        assert.strictEqual(
            await failure(),
            "Okta: provisioning sync of app app1: HTTP 500 (sync broke)",
        );
        sync = {
            status: 200,
            body: { results: [{ userId: "00uBob", action: "created", externalId: "cx-bob" }] },
        };
        token = { status: 401, body: { error: "invalid_client", errorDescription: "Bad key" } };
        assert.strictEqual(await failure(), "CXone: access-key sign-in: HTTP 401 (Bad key)");
        token = { status: 400, body: { error: "invalid_request" } };
        assert.strictEqual(
            await failure(),
            "CXone: access-key sign-in: HTTP 400 (invalid_request)",
        );
        token = { status: 200, body: { token_type: "Bearer" } };
        assert.strictEqual(await failure(), "CXone: access-key sign-in returned no token");
        token = { status: 200, body: { access_token: "cx-token" } };
        scimUser = { status: 404, body: { detail: "no such user" } };
        assert.strictEqual(
            await failure(),
            "CXone: read SCIM user cx-bob: HTTP 404 (no such user)",
        );
        scimUser = { status: 502, body: { detail: { nested: true } } };
        assert.strictEqual(await failure(), "CXone: read SCIM user cx-bob: HTTP 502");
    });
});
