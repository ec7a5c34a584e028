// The demo's sample user (sandbox/samples.ts) against a whole sandbox: a seeded Okta user put in
// scope of a connected app, directly or through a group, provisioned by Okta's sync and read back
// from CXone's SCIM server; each way it stops says the step and never a secret.
import * as assert from "assert";
import type { RunningSandbox } from "../../sandbox/index";
import { consoleSettings, hiddenFields, outputsFor } from "../../sandbox/operator";
import { formatSample, provisionSampleUser, SampleError } from "../../sandbox/samples";
import { oktaToAppSwitches } from "../support/oktaConsoleApp";
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
