// Sandbox-only console operations: the SCIM connection form, "Authenticate with CXone" (a real
// OAuth authorization-code flow against a CXone stand-in), the provisioning APIs after it, and
// the provisioning engine pushing users over SCIM.
import * as assert from "assert";
import { autoLoginBody, scimForm, type FakeCxone, type OktaHarness } from "../support/oktaHarness";
import { startLocalServer } from "../support/loopbackServer";
import {
    oktaAuthenticate,
    oktaConnect,
    oktaConsoleAppForEach,
    oktaToAppSwitches,
} from "../support/oktaConsoleApp";

const TO_APP = oktaToAppSwitches();

describe("sandbox Okta: console operations and provisioning", function () {
    this.timeout(15000);
    let h: OktaHarness;
    let cx: FakeCxone;
    let appId: string;
    const consolePost = (path: string, body: unknown) =>
        h.api("POST", `/sandbox/console${path}`, body, { Authorization: "" });
    const consoleGet = (path: string) =>
        h.api("GET", `/sandbox/console${path}`, undefined, { Authorization: "" });

    const app = oktaConsoleAppForEach();
    beforeEach(() => {
        ({ h, cx, appId } = app);
    });
    const connect = () => oktaConnect(app);
    /** A console page's title (its h1) and message. */
    const pageWords = (html: string) => ({
        title: /<h1>(.*)<\/h1>/.exec(html)?.[1],
        message: /<p id="message">(.*)<\/p>/.exec(html)?.[1],
    });

    describe("SCIM connection form", () => {
        it("validates required fields and URLs like the console", async () => {
            const r = await consolePost(`/apps/${appId}/provisioning`, {
                scimBaseUrl: "http://cxone.example.com/scim/v2",
                supportedActions: ["pushNewUsers", "bogus"],
                authMode: "basic",
                tokenEndpoint: "ftp://x",
                authorizeEndpoint: "",
                clientId: "",
            });
            assert.strictEqual(r.status, 400);
            assert.strictEqual(r.body.error, "validation");
            const fields = r.body.messages.map((m: string) => m.split(":")[0]).sort();
            assert.deepStrictEqual(fields, [
                "authMode",
                "authorizeEndpoint",
                "clientId",
                "clientSecret",
                "scimBaseUrl",
                "supportedActions",
                "tokenEndpoint",
                "uniqueIdentifierField",
            ]);
            const unknown = await consolePost("/apps/0oanope/provisioning", scimForm(cx));
            assert.deepStrictEqual(
                [unknown.status, unknown.body],
                [404, { error: "not_found", message: "No app 0oanope in this org" }],
            );
        });
        it("an unknown app is 404 on every console page, naming it", async () => {
            const pages: [string, string][] = [
                ["GET", "/apps/0oanope"],
                ["DELETE", "/apps/0oanope/provisioning"],
                ["POST", "/apps/0oanope/sync"],
                ["GET", "/apps/0oanope/authenticate"],
            ];
            for (const [method, path] of pages) {
                const r = await h.api(method, `/sandbox/console${path}`, undefined, {
                    Authorization: "",
                });
                assert.deepStrictEqual(
                    [r.status, r.body],
                    [404, { error: "not_found", message: "No app 0oanope in this org" }],
                    `${method} ${path}`,
                );
            }
        });
        it("unticking SCIM provisioning is saved, and the connection reads UNKNOWN", async () => {
            await connect();
            const saves = h.saves;
            const off = await h.api(
                "DELETE",
                `/sandbox/console/apps/${appId}/provisioning`,
                undefined,
                { Authorization: "" },
            );
            assert.strictEqual(off.status, 200);
            assert.ok(h.saves > saves, "the change is persisted");
            assert.deepStrictEqual(
                [off.body.scimProvisioningEnabled, off.body.scimConnection, off.body.authorized],
                [false, null, false],
            );
            assert.strictEqual(off.body.connectionStatus, "UNKNOWN");
        });
        it("saves the settings (https or loopback http) and never returns the secret", async () => {
            const r = await consolePost(`/apps/${appId}/provisioning`, scimForm(cx));
            assert.strictEqual(r.status, 200);
            assert.strictEqual(r.body.scimProvisioningEnabled, true);
            assert.strictEqual(r.body.scimConnection.clientSecretSet, true);
            assert.strictEqual(r.body.authorized, false);
            assert.strictEqual(r.body.connectionStatus, "DISABLED");
            const view = await consoleGet(`/apps/${appId}`);
            for (const body of [r.body, view.body])
                assert.ok(!JSON.stringify(body).includes(cx.clientSecret));
            const https = await consolePost(`/apps/${appId}/provisioning`, {
                ...scimForm(cx),
                scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
                clientSecret: "",
            });
            assert.strictEqual(https.status, 200, "empty secret keeps the stored one");
            const conn = await h.api("GET", `/api/v1/apps/${appId}/connections/default`);
            assert.deepStrictEqual(
                [conn.body.authScheme, conn.body.profile.authScheme, conn.body.status],
                ["UNKNOWN", "OAUTH2", "DISABLED"],
            );
            // features readable now, still not writable
            const f = await h.api("GET", `/api/v1/apps/${appId}/features/USER_PROVISIONING`);
            assert.strictEqual(f.status, 200);
            assert.strictEqual(f.body.status, "DISABLED");
            const put = await h.api(
                "PUT",
                `/api/v1/apps/${appId}/features/USER_PROVISIONING`,
                TO_APP,
            );
            assert.strictEqual(put.status, 400);
            assert.strictEqual(put.body.errorCode, "E0000001");
        });
    });

    describe("Authenticate with CXone", () => {
        it("redirects to the authorization endpoint with client_id, redirect_uri, response_type and state", async () => {
            await consolePost(`/apps/${appId}/provisioning`, scimForm(cx));
            const r = await fetch(`${h.url}/sandbox/console/apps/${appId}/authenticate`, {
                redirect: "manual",
            });
            assert.strictEqual(r.status, 302);
            const loc = new URL(r.headers.get("location")!);
            assert.strictEqual(loc.origin + loc.pathname, `${cx.url}/auth/authorize`);
            assert.strictEqual(loc.searchParams.get("scope"), "openid");
            assert.strictEqual(loc.searchParams.get("client_id"), cx.clientId);
            assert.strictEqual(
                loc.searchParams.get("redirect_uri"),
                `${h.url}/sandbox/console/oauth/callback`,
            );
            assert.strictEqual(loc.searchParams.get("response_type"), "code");
            assert.ok(loc.searchParams.get("state")!.length >= 20);
            assert.ok(!r.headers.get("location")!.includes(cx.clientSecret));
        });
        it("refuses before the SCIM connection is saved", async () => {
            const r = await fetch(`${h.url}/sandbox/console/apps/${appId}/authenticate`, {
                redirect: "manual",
            });
            assert.strictEqual(r.status, 409);
            assert.deepStrictEqual(pageWords(await r.text()), {
                title: "Cannot authenticate",
                message: "Enable SCIM provisioning and save the SCIM connection settings first.",
            });
        });
        it("exchanges the code with Basic client auth, marks the connection ENABLED", async () => {
            await connect();
            assert.ok(cx.calls.includes("POST /auth/token"));
            const view = (await consoleGet(`/apps/${appId}`)).body;
            assert.strictEqual(view.authorized, true);
            assert.strictEqual(view.connectionStatus, "ENABLED");
            assert.ok(
                !/"at\d+"|"rt\d+"/.test(JSON.stringify(view)),
                "no tokens in the console view",
            );
            const conn = await h.api("GET", `/api/v1/apps/${appId}/connections/default`);
            assert.deepStrictEqual(
                [conn.body.authScheme, conn.body.profile.authScheme, conn.body.status],
                ["UNKNOWN", "OAUTH2", "ENABLED"],
            );
            // connection lifecycle: each call answers 204, then the connection reads as it says
            for (const [step, status] of [
                ["deactivate", "DISABLED"],
                ["activate", "ENABLED"],
            ]) {
                const connection = `/api/v1/apps/${appId}/connections/default`;
                const r = await h.api("POST", `${connection}/lifecycle/${step}`);
                assert.strictEqual(r.status, 204, step);
                assert.strictEqual((await h.api("GET", connection)).body.status, status, step);
            }
        });
        it("a wrong client secret fails at the token endpoint and stays unauthorized", async () => {
            await consolePost(`/apps/${appId}/provisioning`, {
                ...scimForm(cx),
                clientSecret: "wrong",
            });
            const a = await oktaAuthenticate(app);
            assert.strictEqual(a.status, 400);
            assert.match(a.text, /invalid_client/);
            assert.ok(!a.text.includes("wrong"));
            const view = (await consoleGet(`/apps/${appId}`)).body;
            assert.strictEqual(view.authorized, false);
            assert.match(view.lastAuthError, /invalid_client/);
            assert.strictEqual(
                (await h.api("GET", `/api/v1/apps/${appId}/connections/default`)).body.status,
                "DISABLED",
            );
        });
        it("a wrong client id is refused by the authorization server", async () => {
            await consolePost(`/apps/${appId}/provisioning`, { ...scimForm(cx), clientId: "NOPE" });
            const a = await oktaAuthenticate(app);
            assert.notStrictEqual(a.status, 200);
            assert.strictEqual((await consoleGet(`/apps/${appId}`)).body.authorized, false);
        });
        it("rejects unknown or replayed state, and an error callback", async () => {
            const bad = await fetch(`${h.url}/sandbox/console/oauth/callback?code=x&state=nope`);
            assert.strictEqual(bad.status, 400);
            assert.deepStrictEqual(pageWords(await bad.text()), {
                title: "Authentication failed",
                message:
                    "Unknown or expired authentication request (state). Start again from the app&#39;s Provisioning tab.",
            });
            await consolePost(`/apps/${appId}/provisioning`, scimForm(cx));
            const start = await fetch(`${h.url}/sandbox/console/apps/${appId}/authenticate`, {
                redirect: "manual",
            });
            const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
            const denied = await fetch(
                `${h.url}/sandbox/console/oauth/callback?error=access_denied&state=${state}`,
            );
            assert.strictEqual(denied.status, 400);
            assert.match(await denied.text(), /access_denied/);
            const replay = await fetch(
                `${h.url}/sandbox/console/oauth/callback?code=x&state=${state}`,
            );
            assert.strictEqual(replay.status, 400);
        });

        describe("the callback page's words, and the console's app list", () => {
            /** Authenticate started: the state the authorization server would send back. */
            const started = async () => {
                await consolePost(`/apps/${appId}/provisioning`, scimForm(cx));
                const start = await fetch(`${h.url}/sandbox/console/apps/${appId}/authenticate`, {
                    redirect: "manual",
                });
                return new URL(start.headers.get("location")!).searchParams.get("state")!;
            };
            const callback = async (query: string) => {
                const r = await fetch(`${h.url}/sandbox/console/oauth/callback?${query}`);
                const words = pageWords(await r.text());
                assert.strictEqual(words.title, "Authentication failed");
                return { status: r.status, message: words.message };
            };
            const lastAuthError = async () =>
                (await consoleGet(`/apps/${appId}`)).body.lastAuthError;

            it("an error with its description is shown and kept as the last authentication error", async () => {
                const state = await started();
                const r = await callback(
                    `error=access_denied&error_description=${encodeURIComponent("said no")}&state=${state}`,
                );
                const text = "The authorization server answered: access_denied (said no)";
                assert.deepStrictEqual(r, { status: 400, message: text });
                assert.strictEqual(await lastAuthError(), text);
            });

            it("an error without a description is shown alone", async () => {
                const state = await started();
                const r = await callback(`error=access_denied&state=${state}`);
                const text = "The authorization server answered: access_denied";
                assert.deepStrictEqual(r, { status: 400, message: text });
                assert.strictEqual(await lastAuthError(), text);
            });

            it("an answer without a code is refused as such, and the refusal is saved", async () => {
                const state = await started();
                const saves = h.saves;
                const r = await callback(`state=${state}`);
                assert.ok(h.saves > saves, "the last authentication error is persisted");
                const text = "The authorization server returned no code.";
                assert.deepStrictEqual(r, { status: 400, message: text });
                assert.strictEqual(await lastAuthError(), text);
                assert.strictEqual((await consoleGet(`/apps/${appId}`)).body.authorized, false);
            });

            it("settings removed while the person signs in: the callback says they no longer exist", async () => {
                const state = await started();
                const off = await h.api(
                    "DELETE",
                    `/sandbox/console/apps/${appId}/provisioning`,
                    undefined,
                    {
                        Authorization: "",
                    },
                );
                assert.strictEqual(off.status, 200);
                const saves = h.saves;
                const r = await callback(`code=x&state=${state}`);
                assert.ok(h.saves > saves, "the used state's removal is persisted");
                assert.deepStrictEqual(r, {
                    status: 400,
                    message: "The app or its SCIM connection settings no longer exist.",
                });
                assert.strictEqual((await consoleGet(`/apps/${appId}`)).body.authorized, false);
            });

            it("settings saved again while the code is exchanged: the callback asks to authenticate again", async () => {
                const tokens = await startLocalServer();
                try {
                    const form = { ...scimForm(cx), tokenEndpoint: `${tokens.url}/token` };
                    await consolePost(`/apps/${appId}/provisioning`, form);
                    // the person saves new settings before the token endpoint answers
                    tokens.answer = async () => {
                        const again = await consolePost(`/apps/${appId}/provisioning`, {
                            ...form,
                            scimBaseUrl: `${cx.url}/scim/v2/other`,
                        });
                        assert.strictEqual(again.status, 200);
                        return {
                            status: 200,
                            body: { access_token: "at", refresh_token: "rt", expires_in: 3600 },
                        };
                    };
                    const a = await oktaAuthenticate(app);
                    assert.strictEqual(a.status, 400);
                    const text =
                        "The SCIM connection settings changed during authentication; authenticate again.";
                    assert.ok(a.text.includes(text), a.text);
                    const view = (await consoleGet(`/apps/${appId}`)).body;
                    assert.deepStrictEqual([view.authorized, view.lastAuthError], [false, text]);
                    assert.strictEqual(tokens.seen.length, 1, "the code was exchanged once");
                } finally {
                    await tokens.stop();
                }
            });

            it("a new authentication forgets the requests older than ten minutes, keeps the others", async () => {
                const [old, edge, young] = [await started(), await started(), await started()];
                const pending = h.ctx.state.okta.pendingOAuth;
                const real = Date.now;
                const now = real();
                pending[old].createdAt = now - 11 * 60 * 1000;
                pending[edge].createdAt = now - 10 * 60 * 1000;
                pending[young].createdAt = now - 9 * 60 * 1000;
                Date.now = () => now; // the next start comes exactly ten minutes after `edge`
                let latest: string;
                try {
                    latest = await started();
                } finally {
                    Date.now = real;
                }
                assert.deepStrictEqual(Object.keys(pending).sort(), [edge, young, latest].sort());
            });

            it("the console lists every app of the org with its provisioning view", async () => {
                const other = (await h.api("POST", "/api/v1/apps", autoLoginBody("Other"))).body.id;
                await started();
                const r = await consoleGet("/apps");
                assert.strictEqual(r.status, 200);
                const byId = Object.fromEntries(r.body.map((v: any) => [v.appId, v]));
                assert.deepStrictEqual(Object.keys(byId).sort(), [appId, other].sort());
                assert.strictEqual(byId[appId].scimProvisioningEnabled, true);
                assert.strictEqual(byId[appId].scimConnection.clientSecretSet, true);
                assert.strictEqual(byId[other].scimConnection, null);
                assert.strictEqual(byId[other].connectionStatus, "UNKNOWN");
                assert.ok(!JSON.stringify(r.body).includes(cx.clientSecret));
            });
        });
        it("the page names the app by its label, as HTML text", async () => {
            const renamed = await h.api(
                "PUT",
                `/api/v1/apps/${appId}`,
                autoLoginBody(`A&B <i> "x" 'y'`),
            );
            assert.strictEqual(renamed.status, 200, JSON.stringify(renamed.body));
            await consolePost(`/apps/${appId}/provisioning`, scimForm(cx));
            const a = await oktaAuthenticate(app);
            assert.strictEqual(a.status, 200, a.text);
            assert.deepStrictEqual(pageWords(a.text), {
                title: "CXone authenticated",
                message:
                    "The app A&amp;B &lt;i&gt; &quot;x&quot; &#39;y&#39; is connected to CXone.",
            });
        });
        it("changing the client secret drops the authentication", async () => {
            await connect();
            await consolePost(`/apps/${appId}/provisioning`, {
                ...scimForm(cx),
                clientSecret: "rotated",
            });
            const view = (await consoleGet(`/apps/${appId}`)).body;
            assert.strictEqual(view.authorized, false);
            assert.strictEqual(view.connectionStatus, "DISABLED");
        });
    });

    describe("features after authentication", () => {
        it("PUT USER_PROVISIONING with the seed's To App body, read back; limits by supported actions", async () => {
            await connect();
            const put = await h.api(
                "PUT",
                `/api/v1/apps/${appId}/features/USER_PROVISIONING`,
                TO_APP,
            );
            assert.strictEqual(put.status, 200, JSON.stringify(put.body));
            assert.strictEqual(put.body.name, "USER_PROVISIONING");
            assert.strictEqual(put.body.status, "ENABLED");
            assert.strictEqual(put.body.capabilities.create.lifecycleCreate.status, "ENABLED");
            assert.strictEqual(put.body.capabilities.update.password.status, "DISABLED");
            assert.ok(put.body._links.self.href.endsWith("/features/USER_PROVISIONING"));
            const list = await h.api("GET", `/api/v1/apps/${appId}/features`);
            assert.deepStrictEqual(
                list.body.map((f: any) => f.name),
                ["USER_PROVISIONING"],
            );
            const app = (await h.api("GET", `/api/v1/apps/${appId}`)).body;
            assert.ok(app.features.includes("PUSH_NEW_USERS"));
            const bad = await h.api("PUT", `/api/v1/apps/${appId}/features/USER_PROVISIONING`, {
                update: { profile: { status: "ON" } },
            });
            assert.strictEqual(bad.status, 400);
            await consolePost(`/apps/${appId}/provisioning`, {
                ...scimForm(cx),
                supportedActions: ["pushNewUsers"],
                clientSecret: "",
            });
            const noProfile = await h.api(
                "PUT",
                `/api/v1/apps/${appId}/features/USER_PROVISIONING`,
                { update: { profile: { status: "ENABLED" } } },
            );
            assert.strictEqual(noProfile.status, 400);
            assert.match(noProfile.body.errorCauses[0].errorSummary, /Push Profile Updates/);
        });
    });

    describe("provisioning engine", () => {
        async function setup() {
            await connect();
            await h.api("PUT", `/api/v1/apps/${appId}/features/USER_PROVISIONING`, TO_APP);
            const agents = (await h.api("GET", "/api/v1/groups?q=CXone")).body[0];
            await h.api("PUT", `/api/v1/apps/${appId}/groups/${agents.id}`, {});
            return agents;
        }
        const sync = () => consolePost(`/apps/${appId}/sync`, {});

        it("creates assigned users (group members), then reports them unchanged", async () => {
            await setup();
            const r = await sync();
            assert.strictEqual(r.status, 200);
            const byLogin = Object.fromEntries(r.body.results.map((x: any) => [x.login, x.action]));
            // the scheduled run after the group assignment may already have created them
            assert.ok(["created", "unchanged"].includes(byLogin["ana.agent@example.com"]));
            assert.strictEqual(cx.users.size, 2);
            const names = [...cx.users.values()].map((u) => u.userName).sort();
            assert.deepStrictEqual(names, ["ana.agent@example.com", "ben.baker@example.com"]);
            const ana = [...cx.users.values()].find((u) => u.userName.startsWith("ana"));
            assert.deepStrictEqual(ana.name, { givenName: "Ana", familyName: "Agent" });
            assert.strictEqual(ana.emails[0].value, "ana.agent@example.com");
            const again = await sync();
            assert.ok(again.body.results.every((x: any) => x.action === "unchanged"));
            const appUser = (await h.api("GET", `/api/v1/apps/${appId}/users`)).body.find(
                (u: any) => u.credentials.userName.startsWith("ana"),
            );
            assert.strictEqual(appUser.syncState, "SYNCHRONIZED");
            assert.strictEqual(appUser.externalId, ana.id);
        });
        it("links an existing CXone user found by userName instead of creating a duplicate", async () => {
            cx.users.set("pre-1", {
                id: "pre-1",
                userName: "ana.agent@example.com",
                name: { givenName: "A", familyName: "B" },
                active: true,
            });
            await setup();
            await h.locals.provisioning.idle();
            await sync();
            assert.strictEqual(
                [...cx.users.values()].filter((u) => u.userName === "ana.agent@example.com").length,
                1,
            );
            assert.strictEqual(
                cx.users.get("pre-1").name.givenName,
                "Ana",
                "profile pushed to the linked user",
            );
        });
        it("pushes profile updates, deactivates on Okta deactivation and on unassignment, reactivates", async () => {
            const agents = await setup();
            await sync();
            const ben = (await h.api("GET", "/api/v1/users?q=ben")).body[0];
            await h.api("POST", `/api/v1/users/${ben.id}`, { profile: { lastName: "Brown" } });
            await h.locals.provisioning.idle();
            const scimBen = () => [...cx.users.values()].find((u) => u.userName.startsWith("ben"));
            assert.strictEqual(scimBen().name.familyName, "Brown");
            assert.ok(cx.calls.includes(`PUT /scim/v2/Users/${scimBen().id}`));
            await h.api("DELETE", `/api/v1/groups/${agents.id}/users/${ben.id}`);
            await h.locals.provisioning.idle();
            assert.strictEqual(scimBen().active, false);
            await h.api("PUT", `/api/v1/groups/${agents.id}/users/${ben.id}`);
            await h.locals.provisioning.idle();
            assert.strictEqual(scimBen().active, true);
            const ana = (await h.api("GET", "/api/v1/users?q=ana")).body[0];
            await h.api("POST", `/api/v1/users/${ana.id}/lifecycle/deactivate`);
            await h.locals.provisioning.idle();
            assert.strictEqual(
                [...cx.users.values()].find((u) => u.userName.startsWith("ana")).active,
                false,
            );
        });
        it("refreshes an expired access token with the refresh_token grant", async () => {
            cx.shortTokens = true;
            await setup();
            await h.locals.provisioning.idle();
            const before = cx.calls.filter((c) => c === "POST /auth/token").length;
            const r = await sync();
            assert.ok(
                r.body.results.every((x: any) => x.action !== "failed"),
                JSON.stringify(r.body.results),
            );
            assert.ok(cx.calls.filter((c) => c === "POST /auth/token").length > before);
        });
        it("records failures per user, visible in the console view, without secrets", async () => {
            await setup();
            await h.locals.provisioning.idle();
            cx.revokeAll();
            // a revoked token and a refused refresh: every user fails
            h.ctx.state.okta.apps[appId].provisioning.tokens!.refreshToken = "rt-revoked";
            const ben = (await h.api("GET", "/api/v1/users?q=ben")).body[0];
            await h.api("POST", `/api/v1/users/${ben.id}`, { profile: { lastName: "Brown" } });
            await h.locals.provisioning.idle();
            const view = (await consoleGet(`/apps/${appId}`)).body;
            assert.ok(view.provisioningErrors.length >= 1, JSON.stringify(view));
            const e = view.provisioningErrors.find((x: any) => x.login === "ben.baker@example.com");
            assert.match(
                e.message,
                /Automatic provisioning of user ben.baker@example.com to app CXone failed/,
            );
            assert.ok(!JSON.stringify(view).includes(cx.clientSecret));
            const appUser = (await h.api("GET", `/api/v1/apps/${appId}/users/${ben.id}`)).body;
            assert.strictEqual(appUser.syncState, "ERROR");
        });
        it("a sync answers with the app it ran for, even when the app is deleted meanwhile", async () => {
            await setup();
            const engine = h.locals.provisioning;
            const syncApp = engine.syncApp.bind(engine);
            engine.syncApp = async (id: string) => {
                // the admin deletes the app (inactive first) while the sync runs
                await h.api("POST", `/api/v1/apps/${id}/lifecycle/deactivate`);
                assert.strictEqual((await h.api("DELETE", `/api/v1/apps/${id}`)).status, 204);
                return syncApp(id);
            };
            try {
                const r = await sync();
                assert.strictEqual(r.status, 200, JSON.stringify(r.body));
                assert.deepStrictEqual(
                    [r.body.appId, r.body.view.appId, r.body.view.label],
                    [appId, appId, "CXone"],
                );
            } finally {
                engine.syncApp = syncApp;
            }
        });
        it("does nothing while the To App actions are off", async () => {
            await connect();
            const agents = (await h.api("GET", "/api/v1/groups?q=CXone")).body[0];
            await h.api("PUT", `/api/v1/apps/${appId}/groups/${agents.id}`, {});
            const r = await sync();
            assert.deepStrictEqual(r.body.results, []);
            assert.strictEqual(cx.users.size, 0);
        });
    });
});
