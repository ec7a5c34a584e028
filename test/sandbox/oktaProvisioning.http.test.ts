// The emulated Okta's provisioning: the public connection and feature APIs around the console step
// (routes/provisioning.ts), and the engine that pushes assignees to the SCIM connector
// (provisioning.ts): users it skips, accounts it links, and each failure in Okta's words, kept per
// user and action. The connector is the CXone stand-in, or a scripted one where CXone never answers
// that way (a 409 for a name its search did not find, a create without an id).
import * as assert from "assert";
import { assertOktaError } from "../support/sandboxOktaApi";
import { startLocalServer, type Answer, type Seen } from "../support/loopbackServer";
import {
    oktaAuthenticate,
    oktaConnect,
    oktaConsoleAppForEach,
    oktaToAppSwitches,
    type OktaConsoleApp,
} from "../support/oktaConsoleApp";
import { autoLoginBody, scimForm, startOkta, type OktaHarness } from "../support/oktaHarness";

type Res = { status: number; body: any };

const causes = (r: Res): string[] =>
    r.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary);

/** The console form saved for the stand-in (with `supportedActions` when given); not authenticated. */
async function saveForm(t: OktaConsoleApp, supportedActions?: string[]) {
    const form = { ...scimForm(t.cx), ...(supportedActions ? { supportedActions } : {}) };
    const r = await t.h.api("POST", `/sandbox/console/apps/${t.appId}/provisioning`, form, {
        Authorization: "",
    });
    assert.strictEqual(r.status, 200, JSON.stringify(r.body));
}
async function connectWith(t: OktaConsoleApp, supportedActions: string[]) {
    await saveForm(t, supportedActions);
    const a = await oktaAuthenticate(t);
    assert.strictEqual(a.status, 200, a.text);
}
const feature = (t: OktaConsoleApp, body: unknown) =>
    t.h.api("PUT", `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`, body);

describe("sandbox Okta: provisioning connection and features (routes/provisioning.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();
    const connection = () => t.h.api("GET", `/api/v1/apps/${t.appId}/connections/default`);
    const lifecycle = (op: string) =>
        t.h.api("POST", `/api/v1/apps/${t.appId}/connections/default/lifecycle/${op}`);

    it("a connection POST without a profile is 400 E0000001 naming profile", async () => {
        for (const body of [{}, { profile: "TOKEN" }]) {
            const r = await t.h.api("POST", `/api/v1/apps/${t.appId}/connections/default`, body);
            assertOktaError(r, 400, "E0000001", "Api validation failed: profile");
            assert.deepStrictEqual(causes(r), ["profile: The field cannot be left blank"]);
        }
    });

    it("the saved but unauthenticated connection cannot be activated; once authenticated it deactivates and activates again (204)", async () => {
        await saveForm(t);
        assert.strictEqual((await connection()).body.status, "DISABLED");
        const early = await lifecycle("activate");
        assertOktaError(early, 400, "E0000001", "Api validation failed: connection");
        assert.deepStrictEqual(causes(early), [
            "The provisioning connection has not been authenticated; authenticate it in the Admin Console first.",
        ]);
        assert.strictEqual((await connection()).body.status, "DISABLED");
        const a = await oktaAuthenticate(t);
        assert.strictEqual(a.status, 200, a.text);
        const on = (await connection()).body;
        assert.strictEqual(on.status, "ENABLED");
        assert.ok(on._links.deactivate.href.endsWith("/connections/default/lifecycle/deactivate"));
        const off = await lifecycle("deactivate");
        assert.deepStrictEqual([off.status, off.body], [204, null]);
        const disabled = (await connection()).body;
        assert.strictEqual(disabled.status, "DISABLED");
        assert.ok(disabled._links.activate.href.endsWith("/lifecycle/activate"));
        assert.strictEqual((await lifecycle("activate")).status, 204);
        assert.strictEqual((await connection()).body.status, "ENABLED");
    });

    it("an unknown connection operation is 404 E0000008 and leaves the connection as it was", async () => {
        await oktaConnect(t);
        const r = await lifecycle("reset");
        assertOktaError(r, 404, "E0000008", "The requested path was not found");
        assert.strictEqual((await connection()).body.status, "ENABLED");
    });

    it("a feature other than USER_PROVISIONING is 404 E0000007 naming it, read or written", async () => {
        await oktaConnect(t);
        const summary = "Not found: Resource not found: GROUP_PUSH (AppFeature)";
        const read = await t.h.api("GET", `/api/v1/apps/${t.appId}/features/GROUP_PUSH`);
        assertOktaError(read, 404, "E0000007", summary);
        const write = await t.h.api("PUT", `/api/v1/apps/${t.appId}/features/GROUP_PUSH`, {
            create: { lifecycleCreate: { status: "ENABLED" } },
        });
        assertOktaError(write, 404, "E0000007", summary);
    });

    it("the password sync's seed and change take Okta's values only; a refused PUT changes nothing", async () => {
        await oktaConnect(t);
        const password = async () =>
            (await t.h.api("GET", `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`)).body
                .capabilities.update.password;
        const a = await feature(t, { update: { password: { seed: "OKTA", change: "CHANGE" } } });
        assert.strictEqual(a.status, 200, JSON.stringify(a.body));
        assert.deepStrictEqual(
            [a.body.capabilities.update.password.seed, a.body.capabilities.update.password.change],
            ["OKTA", "CHANGE"],
        );
        const b = await feature(t, {
            update: { password: { seed: "RANDOM", change: "KEEP_EXISTING" } },
        });
        assert.strictEqual(b.status, 200, JSON.stringify(b.body));
        const stored = await password();
        assert.deepStrictEqual([stored.seed, stored.change], ["RANDOM", "KEEP_EXISTING"]);
        const bad = await feature(t, { update: { password: { seed: "PLAIN", change: "NEVER" } } });
        assertOktaError(bad, 400, "E0000001", "Api validation failed: capabilities");
        assert.deepStrictEqual(causes(bad), [
            "update.password.seed: Must be OKTA or RANDOM",
            "update.password.change: Must be CHANGE or KEEP_EXISTING",
        ]);
        const after = await password();
        assert.deepStrictEqual([after.seed, after.change], ["RANDOM", "KEEP_EXISTING"]);
    });

    it("without Push New Users, Create Users, Deactivate Users and Sync Password are each refused", async () => {
        await connectWith(t, ["pushProfileUpdates"]);
        const r = await feature(t, {
            create: { lifecycleCreate: { status: "ENABLED" } },
            update: {
                lifecycleDeactivate: { status: "ENABLED" },
                password: { status: "ENABLED" },
            },
        });
        assertOktaError(r, 400, "E0000001", "Api validation failed: capabilities");
        assert.deepStrictEqual(causes(r), [
            "create.lifecycleCreate: The SCIM connection does not support Push New Users",
            "update.lifecycleDeactivate: The SCIM connection does not support Push New Users",
            "update.password: The SCIM connection does not support Push New Users",
        ]);
        const ok = await feature(t, { update: { profile: { status: "ENABLED" } } });
        assert.strictEqual(ok.status, 200, "Push Profile Updates is supported");
    });

    it("with Push New Users, Sync Password is accepted", async () => {
        await connectWith(t, ["pushNewUsers"]);
        const r = await feature(t, { update: { password: { status: "ENABLED" } } });
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        assert.strictEqual(r.body.capabilities.update.password.status, "ENABLED");
        const app = (await t.h.api("GET", `/api/v1/apps/${t.appId}`)).body;
        assert.deepStrictEqual(app.features, ["PUSH_PASSWORD_UPDATES"]);
    });

    it("a status other than ENABLED or DISABLED is refused, each named; nothing changes", async () => {
        await oktaConnect(t);
        const capabilities = async () =>
            (await t.h.api("GET", `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`)).body
                .capabilities;
        const before = await capabilities();
        const sent: [string, string, unknown][] = [
            ["create", "lifecycleCreate", "ON"],
            ["update", "profile", true],
            ["update", "lifecycleDeactivate", "enabled"],
            ["update", "password", "YES"],
        ];
        const body: Record<string, Record<string, unknown>> = { create: {}, update: {} };
        for (const [part, name, status] of sent) body[part][name] = { status };
        const r = await feature(t, body);
        assertOktaError(r, 400, "E0000001", "Api validation failed: capabilities");
        assert.deepStrictEqual(
            causes(r),
            sent.map(([part, name]) => `${part}.${name}.status: Must be ENABLED or DISABLED`),
        );
        assert.deepStrictEqual(await capabilities(), before);
    });

    it("a feature body that is not an object is 400 E0000003; the capabilities may come wrapped in {capabilities}", async () => {
        await oktaConnect(t);
        const r = await feature(t, ["create"]);
        assertOktaError(r, 400, "E0000003", "The request body was not well-formed.");
        const wrapped = await feature(t, { capabilities: oktaToAppSwitches(false) });
        assert.strictEqual(wrapped.status, 200, JSON.stringify(wrapped.body));
        const caps = wrapped.body.capabilities;
        assert.deepStrictEqual(
            [
                caps.create.lifecycleCreate.status,
                caps.update.profile.status,
                caps.update.lifecycleDeactivate.status,
            ],
            ["ENABLED", "ENABLED", "DISABLED"],
        );
    });

    it("the feature is listed ENABLED with the connection on, DISABLED once it is deactivated; writes need it on", async () => {
        await oktaConnect(t);
        const listed = async () =>
            (await t.h.api("GET", `/api/v1/apps/${t.appId}/features`)).body.map(
                (x: { name: string; status: string }) => [x.name, x.status],
            );
        assert.deepStrictEqual(await listed(), [["USER_PROVISIONING", "ENABLED"]]);
        assert.strictEqual((await lifecycle("deactivate")).status, 204);
        assert.deepStrictEqual(await listed(), [["USER_PROVISIONING", "DISABLED"]]);
        const one = await t.h.api("GET", `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`);
        assert.strictEqual(one.body.status, "DISABLED");
        const r = await feature(t, oktaToAppSwitches());
        assertOktaError(r, 400, "E0000001", "Api validation failed: connection");
        assert.deepStrictEqual(causes(r), [
            "The provisioning connection is not enabled; authenticate the app's provisioning integration first.",
        ]);
    });

    it("a connection lifecycle call before SCIM is enabled is refused naming provisioning", async () => {
        for (const op of ["activate", "deactivate"]) {
            const r = await lifecycle(op);
            assertOktaError(r, 400, "E0000001", "Api validation failed: provisioning");
            assert.deepStrictEqual(causes(r), [
                "Provisioning is not enabled for this application.",
            ]);
        }
    });
    it("a connection POST names an unknown authScheme; TOKEN and OAUTH2 are refused for a custom app naming profile", async () => {
        const post = (profile: unknown) =>
            t.h.api("POST", `/api/v1/apps/${t.appId}/connections/default`, { profile });
        const basic = await post({ authScheme: "BASIC" });
        assertOktaError(basic, 400, "E0000001", "Api validation failed: profile.authScheme");
        assert.deepStrictEqual(causes(basic), ["profile.authScheme: Must be one of TOKEN, OAUTH2"]);
        for (const authScheme of ["TOKEN", "OAUTH2"]) {
            const r = await post({ authScheme });
            assertOktaError(r, 400, "E0000001", "Api validation failed: profile");
            assert.strictEqual(causes(r).length, 1);
            assert.match(causes(r)[0], /^profile: .*cannot be set through the API/);
        }
    });
});

describe("sandbox Okta: a connection Okta reports UNKNOWN (routes/provisioning.ts)", function () {
    this.timeout(15000);
    let h: OktaHarness;
    let appId: string;
    beforeEach(async () => {
        h = await startOkta(undefined, { connectionStatus: "unknown" });
        appId = (await h.api("POST", "/api/v1/apps", autoLoginBody("CXone"))).body.id;
    });
    afterEach(() => h.close());

    it("activate and deactivate are refused naming the connection; another operation is an unknown path", async () => {
        for (const op of ["activate", "deactivate"]) {
            const r = await h.api(
                "POST",
                `/api/v1/apps/${appId}/connections/default/lifecycle/${op}`,
            );
            assertOktaError(r, 400, "E0000001", "Api validation failed: connection");
            assert.deepStrictEqual(causes(r), [
                "Provisioning connection lifecycle is not supported for this application.",
            ]);
        }
        const other = await h.api(
            "POST",
            `/api/v1/apps/${appId}/connections/default/lifecycle/reset`,
        );
        assertOktaError(other, 404, "E0000008", "The requested path was not found");
    });
});

describe("sandbox Okta: the provisioning engine (provisioning.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();

    /**
     * A new Okta user (STAGED with `staged`), assigned to the app directly (with its own app
     * username when `userName` is given).
     */
    async function assignedPerson(
        name: string,
        {
            staged = false,
            email,
            userName,
        }: { staged?: boolean; email?: string; userName?: string } = {},
    ) {
        const login = `${name}@example.com`;
        const u = await t.h.api("POST", `/api/v1/users?activate=${!staged}`, {
            profile: { firstName: name, lastName: "Person", email: email ?? login, login },
        });
        assert.strictEqual(u.status, 200, JSON.stringify(u.body));
        const a = await t.h.api("POST", `/api/v1/apps/${t.appId}/users`, {
            id: u.body.id,
            ...(userName ? { credentials: { userName } } : {}),
        });
        assert.strictEqual(a.status, 200, JSON.stringify(a.body));
        return { id: u.body.id as string, login };
    }
    const sync = async () => {
        const r = await t.h.api("POST", `/sandbox/console/apps/${t.appId}/sync`, {});
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body as { results: any[]; view: any };
    };
    const only = (results: any[], userId: string) => {
        const mine = results.filter((x) => x.userId === userId);
        assert.strictEqual(mine.length, 1, JSON.stringify(results));
        return mine[0];
    };
    /** The one result of `p`'s user, under its login, with `rest` (action, externalId, message). */
    const assertResult = (
        results: any[],
        p: { id: string; login: string },
        rest: Record<string, string>,
    ) => assert.deepStrictEqual(only(results, p.id), { userId: p.id, login: p.login, ...rest });
    const failedAs = (login: string, why: string) =>
        `Automatic provisioning of user ${login} to app CXone failed: ${why}`;
    const switchesOn = async (deactivate = true) =>
        assert.strictEqual((await feature(t, oktaToAppSwitches(deactivate))).status, 200);
    const errorsOf = (view: any) =>
        view.provisioningErrors.map((e: any) => [e.userId, e.action, e.message]);

    it("a staged assignee is skipped, nothing sent to CXone", async () => {
        await oktaConnect(t);
        await switchesOn();
        const p = await assignedPerson("staged.sam", { staged: true });
        const r = only((await sync()).results, p.id);
        assert.deepStrictEqual(r, {
            userId: p.id,
            login: p.login,
            action: "skipped",
            message: "The user is not activated in Okta",
        });
        assert.strictEqual(t.cx.users.size, 0);
        const appUser = await t.h.api("GET", `/api/v1/apps/${t.appId}/users/${p.id}`);
        assert.deepStrictEqual(
            [appUser.body.syncState, appUser.body.externalId],
            ["PENDING", null],
            "assigned, not pushed",
        );
    });

    it("an Okta user deactivated by DELETE is deactivated in CXone at once, without a sync", async () => {
        await oktaConnect(t);
        await switchesOn();
        const p = await assignedPerson("deleted.dee");
        await t.h.locals.provisioning.idle();
        const account = () => [...t.cx.users.values()].find((u) => u.userName === p.login);
        assert.strictEqual(account()?.active, true);
        assert.strictEqual((await t.h.api("DELETE", `/api/v1/users/${p.id}`)).status, 204);
        await t.h.locals.provisioning.idle();
        assert.strictEqual(account()?.active, false);
    });

    it("a new user of a group assigned to the app (Everyone) is pushed at once, without a sync", async () => {
        await oktaConnect(t);
        await switchesOn();
        const groups = (await t.h.api("GET", "/api/v1/groups?q=Everyone")).body;
        const assigned = await t.h.api("PUT", `/api/v1/apps/${t.appId}/groups/${groups[0].id}`, {});
        assert.strictEqual(assigned.status, 200);
        await t.h.locals.provisioning.idle();
        const login = "new.nia@example.com";
        const u = await t.h.api("POST", "/api/v1/users?activate=true", {
            profile: { firstName: "Nia", lastName: "New", email: login, login },
        });
        assert.strictEqual(u.status, 200, JSON.stringify(u.body));
        await t.h.locals.provisioning.idle();
        const account = [...t.cx.users.values()].find((x) => x.userName === login);
        assert.strictEqual(account?.active, true);
    });

    it("waiting for the engine right after a change also waits for the run that change scheduled", async () => {
        await oktaConnect(t);
        await switchesOn();
        const p = await assignedPerson("waited.wyn");
        await t.h.locals.provisioning.idle();
        // an edit no API call announced, then the run scheduled and awaited at once
        t.h.ctx.state.okta.users[p.id].profile.lastName = "Renamed";
        t.h.locals.provisioning.schedule();
        await t.h.locals.provisioning.idle();
        const account = [...t.cx.users.values()].find((u) => u.userName === p.login);
        assert.strictEqual(account?.name?.familyName, "Renamed");
    });

    it("without a given-name or a family-name mapping, the pushed displayName is the other name alone", async () => {
        await oktaConnect(t);
        await switchesOn();
        const list = await t.h.api("GET", `/api/v1/mappings?targetId=${t.appId}`);
        const mapping = `/api/v1/mappings/${list.body[0].id}`;
        const map = async (properties: Record<string, unknown>) =>
            assert.strictEqual((await t.h.api("POST", mapping, { properties })).status, 200);
        const pushed = (login: string) =>
            [...t.cx.users.values()].find((u) => u.userName === login);
        await map({ givenName: null });
        const a = await assignedPerson("nogiven.nat");
        await t.h.locals.provisioning.idle();
        assert.strictEqual(pushed(a.login)?.displayName, "Person");
        await map({ givenName: { expression: "user.firstName" }, familyName: null });
        const b = await assignedPerson("nofamily.noa");
        await t.h.locals.provisioning.idle();
        assert.strictEqual(pushed(b.login)?.displayName, "nofamily.noa");
    });

    it("with Create Users off a new assignee is skipped, nothing sent to CXone", async () => {
        await oktaConnect(t);
        const off = await feature(t, {
            create: { lifecycleCreate: { status: "DISABLED" } },
            update: { profile: { status: "ENABLED" } },
        });
        assert.strictEqual(off.status, 200);
        const p = await assignedPerson("nocreate.nia");
        const r = only((await sync()).results, p.id);
        assert.deepStrictEqual([r.action, r.message], ["skipped", "Create Users is disabled"]);
        assert.ok(!("externalId" in r));
        assert.strictEqual(t.cx.users.size, 0);
    });

    it("an inactive CXone account of the same name is linked; with Deactivate Users off it stays inactive and is skipped", async () => {
        await oktaConnect(t);
        await switchesOn(false);
        const login = "linked.lee@example.com";
        t.cx.users.set("pre-1", { id: "pre-1", userName: login, active: false });
        const p = await assignedPerson("linked.lee");
        await t.h.locals.provisioning.idle();
        const { results, view } = await sync();
        assert.deepStrictEqual(only(results, p.id), {
            userId: p.id,
            login,
            action: "skipped",
            externalId: "pre-1",
            message: "Deactivate Users is disabled",
        });
        assert.deepStrictEqual(
            view.pushedUsers.map((x: any) => [x.userId, x.externalId, x.active]),
            [[p.id, "pre-1", false]],
        );
        assert.strictEqual(t.cx.users.get("pre-1").active, false);
        assert.strictEqual(t.cx.users.size, 1, "linked, not created");
    });

    it("a token refresh the token endpoint refuses fails every push, in Okta's words, until the credentials work", async () => {
        t.cx.shortTokens = true; // every run refreshes
        await oktaConnect(t);
        await switchesOn();
        const p = await assignedPerson("token.tia");
        await t.h.locals.provisioning.idle();
        assert.strictEqual(only((await sync()).results, p.id).action, "unchanged");
        const secret = t.cx.clientSecret;
        t.cx.clientSecret = "rotated-elsewhere";
        const why =
            "Authentication with the app failed: The token endpoint refused the request: invalid_client (Client authentication failed)";
        const { results, view } = await sync();
        assertResult(results, p, { action: "failed", message: failedAs(p.login, why) });
        assert.strictEqual(
            view.lastAuthError,
            "The token endpoint refused the request: invalid_client (Client authentication failed)",
        );
        assert.deepStrictEqual(errorsOf(view), [[p.id, "create", failedAs(p.login, why)]]);
        // the unassigned user's deactivation is owed and fails the same way
        assert.strictEqual(
            (await t.h.api("DELETE", `/api/v1/apps/${t.appId}/users/${p.id}`)).status,
            204,
        );
        const owed = await sync();
        assertResult(owed.results, p, { action: "failed", message: failedAs(p.login, why) });
        assert.ok(errorsOf(owed.view).some((e: string[]) => e[1] === "deactivate"));
        assert.strictEqual([...t.cx.users.values()][0].active, true, "not deactivated yet");
        t.cx.clientSecret = secret;
        const fixed = await sync();
        assert.strictEqual(only(fixed.results, p.id).action, "deactivated");
        assert.deepStrictEqual(errorsOf(fixed.view), []);
        assert.strictEqual([...t.cx.users.values()][0].active, false);
    });

    it("an access token that expires with no refresh token fails every push, asking to authenticate again", async () => {
        const tokens = await startLocalServer();
        // the token endpoint grants a one-second token and no refresh token
        tokens.answer = () => ({ status: 200, body: { access_token: "at-once", expires_in: 1 } });
        try {
            const form = { ...scimForm(t.cx), tokenEndpoint: `${tokens.url}/token` };
            const saved = await t.h.api(
                "POST",
                `/sandbox/console/apps/${t.appId}/provisioning`,
                form,
                {
                    Authorization: "",
                },
            );
            assert.strictEqual(saved.status, 200);
            const a = await oktaAuthenticate(t);
            assert.strictEqual(a.status, 200, a.text);
            await switchesOn();
            const p = await assignedPerson("norefresh.nell");
            const r = only((await sync()).results, p.id);
            assert.strictEqual(
                r.message,
                failedAs(
                    p.login,
                    "Authentication with the app failed: the access token expired and there is no refresh token; authenticate again.",
                ),
            );
            assert.strictEqual(tokens.seen.length, 1, "only the code exchange");
            assert.strictEqual(t.cx.users.size, 0);
        } finally {
            await t.h.locals.provisioning.idle();
            await tokens.stop();
        }
    });

    it("an unreachable token endpoint is named with the network error", async () => {
        t.cx.shortTokens = true;
        await oktaConnect(t);
        await switchesOn();
        const tokenEndpoint = `${t.cx.url}/auth/token`;
        await t.cx.close();
        const p = await assignedPerson("gone.gus");
        const r = only((await sync()).results, p.id);
        assert.strictEqual(
            r.message,
            failedAs(
                p.login,
                `Authentication with the app failed: Could not reach the token endpoint ${tokenEndpoint}: ECONNREFUSED`,
            ),
        );
    });

    it("a search CXone refuses (401 after a refused refresh) fails the create naming the check", async () => {
        await oktaConnect(t);
        await switchesOn();
        t.cx.revokeAll();
        t.cx.clientSecret = "rotated-elsewhere";
        const p = await assignedPerson("search.sue");
        const { results, view } = await sync();
        const why = failedAs(
            p.login,
            `Error while checking whether user ${p.login} exists: HTTP 401: Unauthorized`,
        );
        assert.strictEqual(only(results, p.id).message, why);
        assert.deepStrictEqual(errorsOf(view), [[p.id, "create", why]]);
        assert.strictEqual(t.cx.users.size, 0);
    });

    /** CXone refuses the access token, and its refresh, until the returned function is called. */
    function refuseTokens(): () => void {
        const secret = t.cx.clientSecret;
        t.cx.revokeAll();
        t.cx.clientSecret = "rotated-elsewhere";
        return () => {
            t.cx.clientSecret = secret;
        };
    }
    const appUser = async (userId: string) =>
        (await t.h.api("GET", `/api/v1/apps/${t.appId}/users/${userId}`)).body;
    const accountOf = (userName: string) =>
        [...t.cx.users.values()].find((u) => u.userName === userName);

    it("the pushed userName is the assignment's own app username, else the app's username template", async () => {
        await oktaConnect(t);
        await switchesOn();
        const app = autoLoginBody("CXone");
        app.credentials.userNameTemplate = { template: "${source.email}", type: "BUILT_IN" };
        const put = await t.h.api("PUT", `/api/v1/apps/${t.appId}`, app);
        assert.strictEqual(put.status, 200, JSON.stringify(put.body));
        await assignedPerson("mailed.mo", { email: "mo.mail@example.org" });
        await assignedPerson("own.oli", { userName: "oli-in-cxone" });
        await t.h.locals.provisioning.idle();
        const names = [...t.cx.users.values()].map((u) => u.userName).sort();
        assert.deepStrictEqual(names, ["mo.mail@example.org", "oli-in-cxone"]);
    });

    it("a revoked access token is refreshed and the call repeated once; the create then succeeds and clears the failure", async () => {
        await oktaConnect(t);
        await switchesOn();
        const restore = refuseTokens();
        const p = await assignedPerson("retry.rei");
        await t.h.locals.provisioning.idle();
        assert.strictEqual((await appUser(p.id)).syncState, "ERROR");
        restore();
        t.cx.calls.length = 0;
        const { results, view } = await sync();
        const account = accountOf(p.login);
        assertResult(results, p, { action: "created", externalId: account.id });
        assert.deepStrictEqual(errorsOf(view), []);
        // the search refused (401), one refresh, the search again, the create
        assert.deepStrictEqual(t.cx.calls, [
            "GET /scim/v2/Users",
            "POST /auth/token",
            "GET /scim/v2/Users",
            "POST /scim/v2/Users",
        ]);
        const after = await appUser(p.id);
        assert.deepStrictEqual([after.syncState, after.externalId], ["SYNCHRONIZED", account.id]);
    });

    it("an owed deactivation is reported under the Okta login, or under the app username once the Okta user is deleted", async () => {
        await oktaConnect(t);
        await switchesOn();
        const kept = await assignedPerson("kept.kim", { userName: "kim-in-cxone" });
        const gone = await assignedPerson("gone.gil", { userName: "gil-in-cxone" });
        await t.h.locals.provisioning.idle();
        const [kim, gil] = [accountOf("kim-in-cxone"), accountOf("gil-in-cxone")];
        assert.ok(kim && gil, "both pushed under their app usernames");
        const restore = refuseTokens();
        for (const p of [kept, gone]) {
            const r = await t.h.api("DELETE", `/api/v1/apps/${t.appId}/users/${p.id}`);
            assert.strictEqual(r.status, 204);
        }
        await t.h.locals.provisioning.idle();
        // deactivated, then deleted: Okta forgets the user, not the deactivation it owes
        for (let i = 0; i < 2; i++)
            assert.strictEqual((await t.h.api("DELETE", `/api/v1/users/${gone.id}`)).status, 204);
        await t.h.locals.provisioning.idle();
        restore();
        const { results, view } = await sync();
        assertResult(results, kept, { action: "deactivated", externalId: kim.id });
        assert.deepStrictEqual(only(results, gone.id), {
            userId: gone.id,
            login: "gil-in-cxone",
            action: "deactivated",
            externalId: gil.id,
        });
        assert.deepStrictEqual([kim.active, gil.active], [false, false]);
        assert.deepStrictEqual([errorsOf(view), view.pushedUsers], [[], []]);
    });

    it("a deactivation CXone refuses is kept as a deactivate failure", async () => {
        await oktaConnect(t);
        await switchesOn();
        const p = await assignedPerson("gone.gia");
        await t.h.locals.provisioning.idle();
        const [externalId] = [...t.cx.users.keys()];
        t.cx.users.delete(externalId); // removed in CXone behind Okta's back
        await t.h.api("DELETE", `/api/v1/apps/${t.appId}/users/${p.id}`);
        const { results, view } = await sync();
        const why = `Error while deactivating user ${p.login}: HTTP 404: not found`;
        assertResult(results, p, { action: "failed", message: failedAs(p.login, why) });
        assert.deepStrictEqual(errorsOf(view), [[p.id, "deactivate", failedAs(p.login, why)]]);
    });

    describe("against a scripted SCIM connector", () => {
        /** Runs `act` with the app's SCIM base URL on a loopback server answering `answer`. */
        async function withConnector(
            answer: (req: Seen, seen: Seen[]) => Answer,
            act: (seen: Seen[]) => Promise<void>,
        ) {
            const local = await startLocalServer();
            local.answer = (req) => answer(req, local.seen);
            try {
                await oktaConnect(t);
                // the console's settings stay; only the connector's address changes
                t.h.ctx.state.okta.apps[t.appId].provisioning.scim!.scimBaseUrl = local.url;
                await switchesOn();
                await act(local.seen);
            } finally {
                await t.h.locals.provisioning.idle();
                await local.stop();
            }
        }
        const list = (resources: unknown[]): Answer => ({
            status: 200,
            body: { totalResults: resources.length, Resources: resources },
        });
        const posted = (seen: Seen[]) => seen.some((s) => s.method === "POST");

        it("Okta's SCIM client searches by userName (startIndex 1, count 100) and names itself in its headers", async () => {
            await withConnector(
                (req) => (req.method === "GET" ? list([]) : { status: 201, body: { id: "ext-h" } }),
                async (seen) => {
                    const p = await assignedPerson("headers.hal");
                    await t.h.locals.provisioning.idle();
                    const search = seen[0];
                    assert.strictEqual(search.method, "GET");
                    assert.deepStrictEqual(search.query, {
                        filter: `userName eq "${p.login}"`,
                        startIndex: "1",
                        count: "100",
                    });
                    for (const s of seen) {
                        assert.strictEqual(s.headers["user-agent"], "Okta SCIM Client 1.0.0");
                        assert.strictEqual(
                            s.headers.accept,
                            "application/scim+json, application/json",
                        );
                    }
                },
            );
        });

        it("a 409 on create links the account the second search finds", async () => {
            await withConnector(
                (req, seen) =>
                    req.method === "GET"
                        ? list(posted(seen) ? [{ id: "ext-9", active: true }] : [])
                        : req.method === "POST"
                          ? { status: 409, body: { detail: "userName exists" } }
                          : { status: 200, body: { id: "ext-9" } },
                async (seen) => {
                    const p = await assignedPerson("conflict.cy");
                    await t.h.locals.provisioning.idle();
                    // one run: search, create refused, search again, the linked account updated
                    assert.deepStrictEqual(
                        seen.map((s) => s.method),
                        ["GET", "POST", "GET", "PUT"],
                    );
                    assert.strictEqual(seen[3].path, "/Users/ext-9");
                    const view = (await sync()).view;
                    assert.deepStrictEqual(
                        view.pushedUsers.map((x: any) => [x.userId, x.externalId]),
                        [[p.id, "ext-9"]],
                    );
                    assert.deepStrictEqual(errorsOf(view), []);
                },
            );
        });

        it("a 409 on create with no account found after it fails the create with CXone's detail", async () => {
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? list([])
                        : { status: 409, body: { detail: "userName exists" } },
                async (seen) => {
                    const p = await assignedPerson("conflict.cal");
                    const { results, view } = await sync();
                    const why = `Error while creating user ${p.login}: HTTP 409: userName exists`;
                    assert.strictEqual(only(results, p.id).message, failedAs(p.login, why));
                    assert.deepStrictEqual(errorsOf(view), [
                        [p.id, "create", failedAs(p.login, why)],
                    ]);
                    assert.deepStrictEqual(view.pushedUsers, []);
                    const last = seen.slice(-3).map((s) => s.method);
                    assert.deepStrictEqual(last, ["GET", "POST", "GET"], "searched again");
                },
            );
        });

        it("a create answered without an id fails, and nothing is linked", async () => {
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? list([])
                        : { status: 201, body: { userName: "no.id@example.com" } },
                async () => {
                    const p = await assignedPerson("no.id");
                    const { results, view } = await sync();
                    const why = failedAs(
                        p.login,
                        `Error while creating user ${p.login}: the response carries no id`,
                    );
                    assert.strictEqual(only(results, p.id).message, why);
                    assert.deepStrictEqual(errorsOf(view), [[p.id, "create", why]]);
                    assert.deepStrictEqual(view.pushedUsers, []);
                },
            );
        });

        it("a create refused without a detail is named by its status alone", async () => {
            await withConnector(
                (req) => (req.method === "GET" ? list([]) : { status: 500, body: {} }),
                async () => {
                    const p = await assignedPerson("bare.bo");
                    const { results, view } = await sync();
                    const why = failedAs(p.login, `Error while creating user ${p.login}: HTTP 500`);
                    assert.strictEqual(only(results, p.id).message, why);
                    assert.deepStrictEqual(errorsOf(view), [[p.id, "create", why]]);
                },
            );
        });

        const ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
        const since = (seen: Seen[], from: number) => seen.slice(from).map((s) => s.method);

        it("a create is not followed by an update; a profile change is, and one CXone refused is sent again by the next sync", async () => {
            let putAnswer: Answer = { status: 500, body: { detail: "busy" } };
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? // no match: RFC 7644 requires Resources only when totalResults is not 0
                          { status: 200, body: { schemas: [ListResponse], totalResults: 0 } }
                        : req.method === "POST"
                          ? { status: 201, body: { ...(req.body as object), id: "ext-u" } }
                          : putAnswer,
                async (seen) => {
                    const p = await assignedPerson("upd.uma");
                    await t.h.locals.provisioning.idle();
                    const first = await sync();
                    assert.strictEqual(only(first.results, p.id).action, "unchanged");
                    assert.deepStrictEqual(since(seen, 0), ["GET", "POST"]);
                    const changed = await t.h.api("POST", `/api/v1/users/${p.id}`, {
                        profile: { lastName: "Changed" },
                    });
                    assert.strictEqual(changed.status, 200);
                    await t.h.locals.provisioning.idle();
                    const why = failedAs(
                        p.login,
                        `Error while updating user ${p.login}: HTTP 500: busy`,
                    );
                    const refused = await sync();
                    assert.strictEqual(only(refused.results, p.id).message, why);
                    assert.deepStrictEqual(errorsOf(refused.view), [[p.id, "update", why]]);
                    putAnswer = { status: 200, body: { id: "ext-u" } };
                    const mark = seen.length;
                    const { results, view } = await sync();
                    assertResult(results, p, { action: "updated", externalId: "ext-u" });
                    assert.deepStrictEqual(since(seen, mark), ["PUT"]);
                    assert.strictEqual(seen[mark].path, "/Users/ext-u");
                    assert.strictEqual((seen[mark].body as any).name.familyName, "Changed");
                    assert.deepStrictEqual(errorsOf(view), []);
                },
            );
        });

        it("an account the search finds is linked and given Okta's profile; an update CXone refuses fails the link as an update", async () => {
            let up = false;
            await withConnector(
                (req) => {
                    if (req.method === "GET") {
                        if (!up) return { status: 503, body: { detail: "down" } };
                        const name = /"(.*)"/.exec(req.query.filter)![1];
                        return list([{ id: `ext-${name.split("@")[0]}`, userName: name }]);
                    }
                    if (req.method === "PUT" && req.path === "/Users/ext-link.lou")
                        return { status: 500, body: { detail: "locked" } };
                    return { status: 200, body: { ...(req.body as object) } };
                },
                async (seen) => {
                    const lia = await assignedPerson("link.lia");
                    const lou = await assignedPerson("link.lou");
                    await t.h.locals.provisioning.idle();
                    // the search refused: each fails as a create
                    const before = errorsOf((await sync()).view);
                    assert.deepStrictEqual(
                        before.map((e: string[]) => e[1]),
                        ["create", "create"],
                    );
                    assert.ok(
                        before.every((e: string[]) => e[2].endsWith("exists: HTTP 503: down")),
                    );
                    up = true;
                    const mark = seen.length;
                    const { results, view } = await sync();
                    assertResult(results, lia, { action: "linked", externalId: "ext-link.lia" });
                    const why = failedAs(
                        lou.login,
                        `Error while updating user ${lou.login}: HTTP 500: locked`,
                    );
                    assertResult(results, lou, { action: "failed", message: why });
                    const errors = errorsOf(view);
                    assert.deepStrictEqual(
                        errors.filter((e: string[]) => e[1] === "update"),
                        [[lou.id, "update", why]],
                    );
                    assert.ok(!errors.some((e: string[]) => e[0] === lia.id), "lia's cleared");
                    // linked without a create: a search and the update of each
                    assert.deepStrictEqual(since(seen, mark), ["GET", "PUT", "GET", "PUT"]);
                },
            );
        });

        it("an inactive account linked while Deactivate Users is off is reactivated once it is on", async () => {
            let patchAnswer: Answer = { status: 500, body: { detail: "later" } };
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? list([{ id: "ext-off", userName: "back.bea@example.com", active: false }])
                        : req.method === "PATCH"
                          ? patchAnswer
                          : { status: 200, body: { id: "ext-off" } },
                async (seen) => {
                    assert.strictEqual((await feature(t, oktaToAppSwitches(false))).status, 200);
                    const p = await assignedPerson("back.bea");
                    await t.h.locals.provisioning.idle();
                    const pushed = (view: any) =>
                        view.pushedUsers.map((x: any) => [x.userId, x.externalId, x.active]);
                    await switchesOn(); // the run it starts is refused the reactivation
                    await t.h.locals.provisioning.idle();
                    patchAnswer = { status: 200, body: { id: "ext-off", active: true } };
                    const mark = seen.length;
                    const { results, view } = await sync();
                    assertResult(results, p, { action: "reactivated", externalId: "ext-off" });
                    // the account is set active, then given Okta's profile it never had
                    assert.deepStrictEqual(since(seen, mark), ["PATCH", "PUT"]);
                    assert.deepStrictEqual((seen[mark].body as any).Operations, [
                        { op: "replace", value: { active: true } },
                    ]);
                    assert.deepStrictEqual(pushed(view), [[p.id, "ext-off", true]]);
                    assert.deepStrictEqual(errorsOf(view), []);
                    const again = await sync();
                    assert.strictEqual(only(again.results, p.id).action, "unchanged");
                    assert.deepStrictEqual(since(seen, mark + 2), []);
                },
            );
        });

        it("a 300 answer to an update or a deactivation is no success", async () => {
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? list([])
                        : req.method === "POST"
                          ? { status: 201, body: { ...(req.body as object), id: "ext-m" } }
                          : { status: 300, body: {} },
                async () => {
                    const p = await assignedPerson("multi.mia");
                    await t.h.locals.provisioning.idle();
                    const renamed = await t.h.api("POST", `/api/v1/users/${p.id}`, {
                        profile: { lastName: "Renamed" },
                    });
                    assert.strictEqual(renamed.status, 200);
                    const updated = await sync();
                    assert.strictEqual(
                        only(updated.results, p.id).message,
                        failedAs(p.login, `Error while updating user ${p.login}: HTTP 300`),
                    );
                    const unassigned = await t.h.api(
                        "DELETE",
                        `/api/v1/apps/${t.appId}/users/${p.id}`,
                    );
                    assert.strictEqual(unassigned.status, 204);
                    const { results, view } = await sync();
                    assert.strictEqual(
                        only(results, p.id).message,
                        failedAs(p.login, `Error while deactivating user ${p.login}: HTTP 300`),
                    );
                    assert.deepStrictEqual(
                        view.pushedUsers.map((x: any) => [x.userId, x.externalId]),
                        [[p.id, "ext-m"]],
                        "still owed",
                    );
                },
            );
        });

        it("failures are kept per user and action: one user's success or failure leaves the others'", async () => {
            await withConnector(
                (req) => {
                    if (req.method === "GET") return list([]);
                    const name = String((req.body as any)?.userName ?? "");
                    if (req.method === "POST")
                        return name.startsWith("fail.")
                            ? { status: 500, body: { detail: "no" } }
                            : { status: 201, body: { ...(req.body as object), id: "ext-yuri" } };
                    return { status: 500, body: { detail: `no ${req.method}` } };
                },
                async () => {
                    const xena = await assignedPerson("fail.xena");
                    const zoe = await assignedPerson("fail.zoe");
                    await t.h.locals.provisioning.idle();
                    const yuri = await assignedPerson("fine.yuri");
                    await t.h.locals.provisioning.idle();
                    const kinds = (view: any) =>
                        errorsOf(view)
                            .map(([u, action]: string[]) => `${u} ${action}`)
                            .sort();
                    const created = await sync();
                    assert.strictEqual(only(created.results, yuri.id).action, "unchanged");
                    assert.deepStrictEqual(
                        kinds(created.view),
                        [`${xena.id} create`, `${zoe.id} create`].sort(),
                    );
                    const renamed = await t.h.api("POST", `/api/v1/users/${yuri.id}`, {
                        profile: { lastName: "Renamed" },
                    });
                    assert.strictEqual(renamed.status, 200);
                    await t.h.locals.provisioning.idle();
                    const unassigned = await t.h.api(
                        "DELETE",
                        `/api/v1/apps/${t.appId}/users/${yuri.id}`,
                    );
                    assert.strictEqual(unassigned.status, 204);
                    await t.h.locals.provisioning.idle();
                    const { view } = await sync();
                    assert.deepStrictEqual(
                        kinds(view),
                        [
                            `${xena.id} create`,
                            `${zoe.id} create`,
                            `${yuri.id} update`,
                            `${yuri.id} deactivate`,
                        ].sort(),
                    );
                },
            );
        });

        it("a found inactive account whose reactivation is refused fails as a reactivate", async () => {
            await withConnector(
                (req) =>
                    req.method === "GET"
                        ? list([{ id: "ext-off", active: false }])
                        : { status: 500, body: { detail: "boom" } },
                async () => {
                    const p = await assignedPerson("react.ray");
                    const { results, view } = await sync();
                    const why = `Error while reactivating user ${p.login}: HTTP 500: boom`;
                    assertResult(results, p, { action: "failed", message: failedAs(p.login, why) });
                    assert.deepStrictEqual(errorsOf(view), [
                        [p.id, "reactivate", failedAs(p.login, why)],
                    ]);
                },
            );
        });
    });
});
