// Role, Employee and AccessKey under the REAL engine (Pulumi CLI + dynamic-provider host) against
// the sandbox: up, a no-change preview --refresh with no writes, out-of-band changes made through
// the sandbox's HTTP API shown by preview --refresh and repaired by up, destroy; and secret scans.
import { strict as assert } from "assert";
import type { CxoneEndpoint } from "../../provider/cxone";
import { repoRoot } from "../../scripts/lib/engine";
import { testProgram, testStack } from "../support/engine";
import { cxoneFixture, CxoneFixture, unique, uniqueEmail } from "../support/sandbox";

// POSTs that only read: the token exchange and CXone's search endpoints (search is POST by design)
const READ_ONLY_POST = /\/authentication\/v1\/token\/access-key|\/search(\?|$)/;

describe("CXone resources under the real engine", function () {
    this.timeout(300_000);
    let f: CxoneFixture;
    before(async () => {
        f = await cxoneFixture();
    });
    after(async () => {
        await f.stop();
    });

    it("up -> preview --refresh (0 writes) -> drift -> preview shows it -> up repairs -> destroy", async () => {
        const t0 = Date.now();
        const timings: Record<string, number> = {};
        const lap = (k: string, since: number) => {
            timings[k] = Date.now() - since;
        };
        // the sandbox serves issuer, area and API at one base URL
        const endpoint: CxoneEndpoint = { ...f.endpoint, apiUrl: f.sandbox.urls.cxone };
        const roleName = unique("SCIM Engine");
        const email = uniqueEmail("engine");
        const s = await testStack("cxone-resources", testProgram("cxoneResources"), {
            env: f.env,
            params: {
                endpoint,
                names: { role: "scim-role", employee: "scim-employee", key: "scim-key" },
                role: { name: roleName, description: "Okta SCIM access key" },
                employee: { email, firstName: "SCIM", lastName: "AccessKey" },
                key: {},
            },
        });

        let t = Date.now();
        const up = await s.up();
        lap("up", t);
        assert.deepEqual(up.summary.resourceChanges, { create: 4 });
        const outs = await s.outputs();
        assert.equal(outs.secret.secret, true, "the key secret is a Pulumi secret output");
        const secret = outs.secret.value as string;
        const { roleId, employeeId, accessKeyId } = {
            roleId: outs.roleId.value,
            employeeId: outs.employeeId.value,
            accessKeyId: outs.accessKeyId.value,
        };
        const world = () => f.sandbox.context.state.cxone;
        assert.equal(world().roles[roleId].status, "ACTIVE");
        assert.equal(world().users[employeeId].billable, false);
        assert.equal(world().accessKeys[accessKeyId].isActive, true);

        // no change: no writes, one read per resource, at most one token
        f.sandbox.clearRequests();
        t = Date.now();
        const pv = await s.preview({ refresh: true });
        lap("preview --refresh (no change)", t);
        assert.deepEqual(pv.changeSummary, { same: 4 });
        const reqs = f.sandbox.requests().filter((r) => r.server === "cxone");
        const writes = reqs.filter((r) => r.method !== "GET" && !READ_ONLY_POST.test(r.path));
        assert.deepEqual(writes, [], "a no-change preview --refresh writes nothing");
        assert.ok(
            reqs.filter((r) => r.path.includes("token")).length <= 1,
            "one token per provider process",
        );
        assert.equal(
            reqs.filter((r) => !r.path.includes("token")).length,
            3,
            `one read per resource: ${JSON.stringify(reqs.map((r) => r.method + " " + r.path))}`,
        );

        // no-change up: no writes either
        f.sandbox.clearRequests();
        const up0 = await s.up();
        assert.deepEqual(up0.summary.resourceChanges, { same: 4 });
        assert.deepEqual(
            f.sandbox.requests().filter((r) => r.method !== "GET" && !READ_ONLY_POST.test(r.path)),
            [],
        );

        // out-of-band changes through CXone's API
        const api = await f.adminApi();
        await api.put(`/authorization/v1/roles/${roleId}`, {
            description: "edited in the CXone UI",
        });
        const live = (await api.get(`/user-management/v1/users/${employeeId}`)).data.user;
        await api.put("/user-management/v1/users", { ...live, firstName: "Edited" });
        await api.post("/user-management/v1/users/deactivate", { userIds: [employeeId] });
        await api.patch(
            "/access-key-management/v1/access-keys",
            { isActive: false },
            { params: { tenantId: world().tenantId, userId: employeeId, accessKeyId } },
        );

        t = Date.now();
        const drift = await s.preview({ refresh: true });
        lap("preview --refresh (drift)", t);
        assert.deepEqual(drift.changeSummary, { update: 3, same: 1 });

        t = Date.now();
        const repair = await s.up({ refresh: true });
        lap("up --refresh (repair)", t);
        assert.deepEqual(repair.summary.resourceChanges, { update: 3, same: 1 });
        assert.equal(world().roles[roleId].description, "Okta SCIM access key");
        assert.equal(world().users[employeeId].firstName, "SCIM");
        assert.notEqual(world().users[employeeId].status, "BLOCKED");
        assert.equal(world().accessKeys[accessKeyId].isActive, true);
        assert.deepEqual((await s.preview({ refresh: true })).changeSummary, { same: 4 });

        // secrets: never in state text, engine output; __provider is the one-line module text
        // the state as an operator exports it holds only ciphertext for the key secret
        const state = await s.exportState();
        assert.ok(
            state.includes(accessKeyId) && !state.includes(secret),
            "exported state never holds the key secret in plaintext",
        );
        assert.ok(
            !state.includes(f.env.CXONE_ACCESS_KEY_SECRET),
            "state never holds the admin secret",
        );
        // decrypted (--show-secrets), every copy of the secret sits in a secret envelope: it is marked secret everywhere
        const shown = JSON.stringify((await s.stack.exportStack()).deployment);
        const envelope =
            /\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"(?:[^"\\]|\\.)*"\}/g;
        assert.ok(
            shown.includes(secret) && !shown.replace(envelope, "<secret>").includes(secret),
            "the key secret only appears as a Pulumi secret",
        );
        const providers = [...shown.matchAll(/"__provider":"((?:[^"\\]|\\.)*)"/g)].map(
            (m) => JSON.parse(`"${m[1]}"`) as string,
        );
        assert.ok(providers.length >= 3);
        for (const p of providers) {
            assert.ok(p.length < 512, `__provider is small (${p.length} chars)`);
            assert.match(p, /cxone-okta-scim\/provider\/cxone\/(role|employee|accessKey)Provider/);
            assert.ok(
                !p.includes(f.env.CXONE_ACCESS_KEY_ID) && !p.includes(repoRoot),
                "no credentials or absolute paths in __provider",
            );
        }

        t = Date.now();
        const d = await s.destroy();
        lap("destroy", t);
        assert.deepEqual(d.summary.resourceChanges, { delete: 4 });
        assert.equal(world().roles[roleId].status, "INACTIVE", "destroy deactivates the role");
        assert.equal(
            world().users[employeeId].status,
            "BLOCKED",
            "destroy deactivates the employee",
        );
        assert.equal(world().accessKeys[accessKeyId], undefined, "destroy revokes the key");
        assert.ok(!s.output().includes(secret), "engine output never shows the key secret");
        assert.ok(
            !s.output().includes(f.env.CXONE_ACCESS_KEY_SECRET),
            "engine output never shows the admin secret",
        );
        lap("total", t0);
        console.log(`      timings (ms): ${JSON.stringify(timings)}`);
    });

    it("a rotation updates the key in place (new key, old one kept until a later up); an existing role name fails clearly without adoptExisting", async () => {
        const endpoint: CxoneEndpoint = { ...f.endpoint, apiUrl: f.sandbox.urls.cxone };
        const roleName = unique("SCIM Rotate");
        const email = uniqueEmail("rotate");
        const program = (rotation: string, takenRoleName?: string, maxOverlapDays?: number) => ({
            endpoint,
            role: { name: roleName },
            employee: { email, firstName: "SCIM", lastName: "Rotate", invite: false },
            key: { rotation, ...(maxOverlapDays !== undefined ? { maxOverlapDays } : {}) },
            takenRoleName,
        });
        const s = await testStack("cxone-rotate", testProgram("cxoneResources"), {
            env: f.env,
            params: program("1"),
        });
        await s.up();
        const before = await s.outputs();
        const first = before.accessKeyId.value as string;
        // something signs in with the key (as Okta does once set up): a rotation keeps it working,
        // where a key never used would be revoked at once
        const signIn = await fetch(`${f.sandbox.urls.cxone}/authentication/v1/token/access-key`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ accessKeyId: first, accessKeySecret: before.secret.value }),
        });
        assert.equal(signIn.status, 200);
        await s.setParams(program("2"));
        f.sandbox.clearRequests();
        const up = await s.up();
        assert.deepEqual(up.summary.resourceChanges, { update: 1, same: 3 });
        const second = (await s.outputs()).accessKeyId.value as string;
        assert.notEqual(second, first);
        const writes = (r: { method: string; path: string }) =>
            r.method !== "GET" && r.path.startsWith("/access-key-management");
        const keyCalls = f.sandbox
            .requests()
            .filter(writes)
            .map((r) => r.method);
        assert.deepEqual(
            keyCalls,
            ["POST"],
            "the new key is created; the old one stays active (Okta may hold it)",
        );
        assert.equal(f.sandbox.context.state.cxone.accessKeys[first]?.isActive, true);
        // No Okta in this stack, so no evidence: a maximum overlap of 0 days ends the rotation now.
        await s.setParams(program("2", undefined, 0));
        await s.up();
        assert.equal(
            f.sandbox.context.state.cxone.accessKeys[first],
            undefined,
            "the old key is revoked",
        );
        assert.equal((await s.outputs()).accessKeyId.value, second);

        // a built-in role: exists, never adopted implicitly, and the hint never says adoptExisting
        await s.setParams(program("2", "Agent"));
        await assert.rejects(
            s.up(),
            /a CXone role named "Agent" already exists \(status ACTIVE\); role names can never be reused\. That role \(id [^)]+\) carries no mark of this stack, so it is not adopted; choose another roleName/,
        );
        await s.setParams(program("2"));
        await s.destroy();
    });

    it("bad input: preview fails with the property named and makes no CXone call", async () => {
        const endpoint: CxoneEndpoint = { ...f.endpoint, apiUrl: f.sandbox.urls.cxone };
        const s = await testStack("cxone-badinput", testProgram("cxoneResources"), {
            env: f.env,
            params: { endpoint, names: { role: "bad" }, role: { name: "SCIM/Key#1" } },
        });
        f.sandbox.clearRequests();
        await assert.rejects(
            s.preview(),
            /property name value \{SCIM\/Key#1\} has a problem: name must not contain \/ #/,
        );
        assert.deepEqual(
            f.sandbox.requests().filter((r) => r.server === "cxone"),
            [],
        );
    });
});
