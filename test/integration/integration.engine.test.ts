// The whole integration on the real engine against the sandbox: first up (console steps pending),
// the operator's console steps, second up (provisioning actions on), no-change preview, Okta-side
// drift repaired, destroy. The acceptance test of the whole integration.
import { strict as assert } from "assert";
import { cxoneClientOf } from "../support/integrationAgents";
import axios from "axios";
import { oktaApi } from "../../provider/okta/client";
import { completeConsoleSteps } from "../../sandbox/operator";
import { assertOktaAppRepaired } from "../support/integrationOktaApp";
import {
    integrationFixture,
    IntegrationFixture,
    reads,
    tokenRequests,
    writes,
} from "../support/integrationStack";

describe("integration stack (real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let okta: string;
    let token: string;

    before(async () => {
        f = await integrationFixture("integration");
        okta = f.sandbox.urls.okta;
        token = f.sandbox.endpoints.okta.apiToken;
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    it("first up creates everything and says what is left for a person", async () => {
        const up = await f.stack.up();
        assert.equal(up.summary.result, "succeeded");
        const o = await f.outputs();
        assert.equal(o.connectionStatus, "pending");
        assert.equal(o.provisioningApplied, false);
        const steps = o.remainingSteps as string[];
        assert.equal(steps.length, 4);
        assert.match(steps[1], new RegExp(`SCIM connector base URL = ${o.scimBaseUrl}`));
        assert.match(steps[1], new RegExp(`Client ID = ${o.accessKeyId}`));
        assert.ok(
            !steps.join("\n").includes(o.accessKeySecret),
            "the secret is shown by reference only",
        );
        assert.match(f.stack.output(), /finish these steps in the Okta Admin Console/);

        const role = await cxoneClientOf(f).getRole(o.roleId as string);
        assert.equal(role?.status, "ACTIVE");
        const key = await cxoneClientOf(f).getAccessKey(o.accessKeyId);
        assert.equal(key?.isActive, true);
        const app = await oktaApi.getApp(okta, o.appId);
        assert.equal(app?.signOnMode, "AUTO_LOGIN");
        assert.equal(app?.status, "ACTIVE");
    });

    it("after the console steps, the next up switches the provisioning actions on", async () => {
        const o = await f.outputs();
        const auth = await completeConsoleSteps(okta, o, {
            email: f.sandbox.endpoints.cxone.adminEmail,
            password: f.sandbox.endpoints.cxone.adminPassword,
        });
        assert.ok(auth.ok, auth.page);
        await f.stack.up();
        const after = await f.outputs();
        assert.equal(after.connectionStatus, "authorized");
        assert.equal(after.provisioningApplied, true);
        assert.deepEqual(after.remainingSteps, []);
        const feature = await oktaApi.getProvisioningFeature(okta, o.appId);
        assert.equal(feature?.capabilities.create.lifecycleCreate.status, "ENABLED");
        assert.equal(feature?.capabilities.update.profile.status, "ENABLED");
        assert.equal(feature?.capabilities.update.lifecycleDeactivate.status, "ENABLED");
    });

    it("a no-change preview --refresh reports only `same`: the providers read each resource once at most, the program only its reads before the first write, nothing written", async () => {
        f.sandbox.clearRequests();
        const pv = await f.stack.preview({ refresh: true });
        const kinds = Object.keys(pv.changeSummary);
        assert.deepEqual(kinds, ["same"], JSON.stringify(pv.changeSummary));
        assert.deepEqual(writes(f.sandbox), []);
        const all = reads(f.sandbox).filter((r) => !r.path.startsWith("/.well-known"));
        // every call carries the product's User-Agent, so the log names the part that made it
        const byPart = (part: string) => all.filter((r) => r.part === part);
        assert.deepEqual(
            all.filter((r) => r.part !== "program" && r.part !== "provider"),
            [],
            "every read names its part",
        );
        const providerReads = byPart("provider");
        const resources = pv.changeSummary.same! - 2; // minus the stack and the component
        // Where Okta reports the connection UNKNOWN, the connection's only evidence is CXone's key: one more GET.
        const allowed = resources + (f.oktaConnection === "unknown" ? 1 : 0);
        assert.ok(
            providerReads.length <= allowed,
            `${providerReads.length} provider GETs for ${resources} resources: ${providerReads.map((g) => g.path).join(", ")}`,
        );
        // The program's reads before the first write (docs/safety.md), each once: a new read fails here.
        const template = (p: string) =>
            p
                .split("?")[0]
                .replace(/^(\/api\/v1\/apps)\/[^/]+/, "$1/{appId}")
                .replace(/^(\/api\/v1\/groups)\/[^/]+/, "$1/{groupId}");
        const programReads = byPart("program").map((r) => `${r.method} ${template(r.path)}`);
        assert.deepEqual(programReads.slice().sort(), [
            "GET /api/v1/apps", // apps of the label (the Okta probe and the people probe share it)
            "GET /api/v1/apps/{appId}/features/USER_PROVISIONING", // the To App switches
            "GET /api/v1/apps/{appId}/groups", // the app's groups
            "GET /api/v1/apps/{appId}/users", // the app's users
            "POST /authorization/v1/roles/search", // the role by name
            "POST /user-management/v2/users/search", // the employee by email
        ]);
        const signIns = tokenRequests(f.sandbox);
        for (const part of ["program", "provider"])
            assert.ok(
                signIns.filter((r) => r.part === part).length <= 1,
                `at most one CXone sign-in per process (${part})`,
            );
    });

    it("Okta-side drift (label, a feature off, connection deactivated) shows in preview and up repairs it", async () => {
        const o = await f.outputs();
        const headers = { Authorization: `SSWS ${token}` };
        const app = (await axios.get(`${okta}/api/v1/apps/${o.appId}`, { headers })).data;
        await axios.put(
            `${okta}/api/v1/apps/${o.appId}`,
            { ...app, label: "Renamed by hand" },
            { headers },
        );
        await axios.put(
            `${okta}/api/v1/apps/${o.appId}/features/USER_PROVISIONING`,
            {
                create: { lifecycleCreate: { status: "ENABLED" } },
                update: {
                    profile: { status: "DISABLED" },
                    lifecycleDeactivate: { status: "ENABLED" },
                },
            },
            { headers },
        );
        // Where Okta reports the connection UNKNOWN its lifecycle is refused: no such drift to make.
        const reported = f.oktaConnection === "reported";
        if (reported)
            await axios.post(
                `${okta}/api/v1/apps/${o.appId}/connections/default/lifecycle/deactivate`,
                {},
                { headers },
            );

        const pv = await f.stack.preview({ refresh: true });
        assert.ok(
            (pv.changeSummary.update ?? 0) >= (reported ? 3 : 2),
            JSON.stringify(pv.changeSummary),
        );
        await f.stack.up();
        await assertOktaAppRepaired(okta, o.appId, reported);
        const again = await f.stack.preview({ refresh: true });
        assert.deepEqual(
            Object.keys(again.changeSummary),
            ["same"],
            JSON.stringify(again.changeSummary),
        );
    });

    it("destroy revokes the key, deactivates employee and role, deletes the app", async () => {
        const o = await f.outputs();
        const d = await f.stack.destroy();
        assert.equal(d.summary.result, "succeeded");
        const key = await cxoneClientOf(f).getAccessKey(o.accessKeyId);
        assert.ok(!key || key.isActive === false, "the key is revoked");
        assert.notEqual(
            (await cxoneClientOf(f).getEmployee(o.employeeId as string))?.status,
            "ACTIVE",
        );
        assert.equal((await cxoneClientOf(f).getRole(o.roleId as string))?.status, "INACTIVE");
        assert.equal(await oktaApi.getApp(okta, o.appId), undefined);
    });
});
