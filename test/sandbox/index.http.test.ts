// Okta + CXone servers of the sandbox together (startSandbox): the whole manual procedure, B to D,
// through the Okta API, the sandbox console, CXone's real login page and SCIM server.
import * as assert from "assert";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { portIsFree, preferredOrFree } from "../../sandbox/core/ports";
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "../../sandbox/index";
import { closedPort } from "../support/loopbackServer";
import { consoleSettings, hiddenFields, outputsFor } from "../../sandbox/operator";
import { oktaToAppSwitches } from "../support/oktaConsoleApp";
import { autoLoginBody } from "../support/oktaHarness";
import { sandboxInTempDirForSuite } from "../support/sandboxInTempDir";
import { sandboxOktaApi } from "../support/sandboxOktaApi";

const TO_APP = oktaToAppSwitches();

describe("sandbox Okta + CXone: Authenticate with CXone and provisioning, end to end", function () {
    this.timeout(30000);
    let sb: RunningSandbox;
    const okta = sandboxOktaApi(() => sb);

    const started = sandboxInTempDirForSuite("okta-e2e-");
    before(() => {
        sb = started.sandbox;
    });

    async function signIn(appId: string, email: string, password: string) {
        const start = await fetch(`${sb.urls.okta}/sandbox/console/apps/${appId}/authenticate`, {
            redirect: "manual",
        });
        assert.strictEqual(start.status, 302);
        const loginUrl = start.headers.get("location")!;
        const page = await fetch(loginUrl);
        assert.strictEqual(page.status, 200, await page.clone().text());
        const fields = hiddenFields(await page.text());
        const post = await fetch(`${sb.urls.cxone}/auth/authorize`, {
            method: "POST",
            redirect: "manual",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ ...fields, email, password }).toString(),
        });
        if (post.status !== 302) return { status: post.status, text: await post.text() };
        const cb = await fetch(post.headers.get("location")!);
        return { status: cb.status, text: await cb.text() };
    }

    it("runs steps B-D and provisions the CXone Agents group into CXone over SCIM", async () => {
        const cx = sb.endpoints.cxone;
        const app = await okta(
            "POST",
            "/api/v1/apps?activate=true",
            autoLoginBody("CXone", `${cx.baseUrl}/login`),
        );
        assert.strictEqual(app.status, 200);
        const id = app.body.id;
        // Step 7-12 (console): Enable SCIM provisioning + SCIM connection.
        const o = outputsFor(cx.baseUrl, id, cx.adminAccessKeyId, "not-the-secret");
        const form = consoleSettings(o, {
            authorizeEndpoint: `${o.authorizeEndpoint}?scope=openid`,
        });
        const saved = await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/provisioning`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(form),
        });
        assert.strictEqual(saved.status, 200);
        // Step 13 with a wrong secret: CXone's token endpoint refuses, Okta stays unauthorized.
        const wrong = await signIn(id, cx.adminEmail, cx.adminPassword);
        assert.strictEqual(wrong.status, 400);
        assert.match(wrong.text, /invalid_client/);
        assert.strictEqual(
            (await okta("GET", `/api/v1/apps/${id}/connections/default`)).body.status,
            "DISABLED",
        );
        // Wrong CXone password: the login page refuses, no code.
        await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/provisioning`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ ...form, clientSecret: cx.adminAccessKeySecret }),
        });
        const badLogin = await signIn(id, cx.adminEmail, "wrong-password");
        assert.strictEqual(badLogin.status, 401);
        // Step 13, right values.
        const ok = await signIn(id, cx.adminEmail, cx.adminPassword);
        assert.strictEqual(ok.status, 200, ok.text);
        assert.match(ok.text, /CXone authenticated/);
        const conn = await okta("GET", `/api/v1/apps/${id}/connections/default`);
        assert.deepStrictEqual(
            [conn.body.authScheme, conn.body.profile.authScheme, conn.body.status],
            ["UNKNOWN", "OAUTH2", "ENABLED"],
        );
        // CXone's evidence: the key was used.
        const key = sb.context.state.cxone.accessKeys[cx.adminAccessKeyId];
        assert.ok(key.lastUsedDate, "access key lastUsedDate set by the code exchange");
        // Step 14: To App actions.
        const feat = await okta("PUT", `/api/v1/apps/${id}/features/USER_PROVISIONING`, TO_APP);
        assert.strictEqual(feat.status, 200, JSON.stringify(feat.body));
        // Assign the group; sync.
        const agents = (await okta("GET", "/api/v1/groups?q=CXone%20Agents")).body[0];
        assert.strictEqual(
            (await okta("PUT", `/api/v1/apps/${id}/groups/${agents.id}`, {})).status,
            200,
        );
        const sync = await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/sync`, {
            method: "POST",
        });
        const result = (await sync.json()) as any;
        assert.strictEqual(sync.status, 200);
        assert.deepStrictEqual(result.view.provisioningErrors, [], JSON.stringify(result));
        const cxUsers = Object.values(sb.context.state.cxone.users) as any[];
        for (const login of ["ana.agent@example.com", "ben.baker@example.com"]) {
            assert.ok(
                cxUsers.some((u) => String(u.userName ?? u.emailAddress).toLowerCase() === login),
                `${login} in CXone`,
            );
        }
        // Deactivation in Okta deactivates in CXone.
        const ana = (await okta("GET", "/api/v1/users?q=ana")).body[0];
        await okta("POST", `/api/v1/users/${ana.id}/lifecycle/deactivate`);
        // The sync below queues behind the run the deactivation scheduled.
        const again = (await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}/sync`, {
            method: "POST",
        }).then((r) => r.json())) as any;
        assert.deepStrictEqual(again.view.provisioningErrors, [], JSON.stringify(again));
        const cxAna = (Object.values(sb.context.state.cxone.users) as any[]).find(
            (u) => String(u.userName ?? "").toLowerCase() === "ana.agent@example.com",
        );
        assert.notStrictEqual(cxAna.status, "ACTIVE");
        // Secrets never in the console view.
        const view = await fetch(`${sb.urls.okta}/sandbox/console/apps/${id}`).then((r) =>
            r.text(),
        );
        assert.ok(!view.includes(cx.adminAccessKeySecret));
    });
});

// startSandbox's own promises, each on a sandbox of its own started inside the test.
describe("sandbox: starting, resetting and stopping one (startSandbox)", function () {
    this.timeout(30000);
    const dirs: string[] = [];
    const running: RunningSandbox[] = [];
    async function started(opts: Omit<StartSandboxOptions, "dir"> = {}) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-start-"));
        dirs.push(dir);
        const sb = await startSandbox({ dir, ...opts });
        running.push(sb);
        return sb;
    }
    afterEach(async () => {
        await Promise.all(running.splice(0).map((sb) => sb.stop()));
        for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    });

    it("starts with the fault rules it is given", async () => {
        const rule = { kind: "status" as const, status: 503, path: "^/never$" };
        const sb = await started({ faults: [rule] });
        const listed = (await (await fetch(`${sb.urls.cxone}/sandbox/faults`)).json()) as {
            rules: { id: string }[];
        };
        assert.deepStrictEqual(listed.rules, [{ ...rule, id: listed.rules[0].id }]);
    });

    it("a reset refills Okta's rate-limit buckets", async () => {
        const sb = await started();
        const me = async () => {
            const r = await fetch(`${sb.urls.okta}/api/v1/users/me`, {
                headers: { Authorization: `SSWS ${sb.endpoints.okta.apiToken}` },
            });
            assert.strictEqual(r.status, 200);
            return Number(r.headers.get("x-rate-limit-remaining"));
        };
        const first = await me();
        assert.strictEqual(await me(), first - 1);
        assert.strictEqual(
            (await fetch(`${sb.urls.okta}/sandbox/reset`, { method: "POST" })).status,
            204,
        );
        assert.strictEqual(await me(), first, "a fresh bucket after the reset");
    });

    it("a world with variants answers as the services do: no X-Powered-By, no ETag", async () => {
        const sb = await started({ variants: ["role-create-absent"] });
        // answered by the variant in front of the service (CXone says the route does not exist)
        const absent = await fetch(`${sb.urls.cxone}/authorization/roleByPermissions`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ displayName: "Nope" }),
        });
        assert.strictEqual(absent.status, 404);
        // passed on to the service
        const oidc = await fetch(`${sb.urls.cxone}/.well-known/openid-configuration`);
        assert.strictEqual(oidc.status, 200);
        for (const r of [absent, oidc]) {
            assert.strictEqual(r.headers.get("x-powered-by"), null);
            assert.strictEqual(r.headers.get("etag"), null);
        }
    });

    it("a start that cannot listen on every port frees the ports it had taken", async () => {
        const cxonePort = await closedPort();
        const taken = await new Promise<net.Server>((resolve) => {
            const srv = net.createServer();
            srv.listen(0, "127.0.0.1", () => resolve(srv));
        });
        try {
            const oktaPort = (taken.address() as net.AddressInfo).port;
            assert.strictEqual(await portIsFree(oktaPort), false);
            assert.strictEqual(await preferredOrFree(oktaPort), 0, "taken: any free port");
            await assert.rejects(started({ cxonePort, oktaPort }), /EADDRINUSE/);
            assert.strictEqual(await portIsFree(cxonePort), true, "the CXone port let go");
            assert.strictEqual(await preferredOrFree(cxonePort), cxonePort);
        } finally {
            taken.close();
        }
    });
});
