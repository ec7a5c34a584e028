// Okta -> CXone provisioning end to end on the full stack. The root program runs on the
// real engine (integrationFixture) with cxone-okta-scim:groupIds = the seeded "CXone Agents" group; the
// console steps are done by the scripted operator; then people are assigned, renamed and
// unassigned in Okta, and CXone is checked through its own SCIM API (and the admin client).
// The tests run in order: each builds on the state the previous one left.
import { strict as assert } from "assert";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { randomBytes } from "crypto";
import { formatVerifyResult, STEP_TOKEN, verifyConnection } from "../../provider/verify/verify";
import {
    authenticateWithCxone,
    completeConsoleSteps,
    consoleSettings,
    saveScimSettings,
} from "../../sandbox/operator";
import { formatSample, provisionSampleUser } from "../../sandbox/samples";
import { agentsStack, cxoneAdminOf, cxoneClientOf } from "../support/integrationAgents";
import type { IntegrationFixture } from "../support/integrationStack";
import { cxoneScim, oktaAdmin, oktaConsole, resultFor, type OktaUser } from "../support/scimWorld";

describe("SCIM provisioning Okta -> CXone (real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let appId: string;
    let groupId: string;
    let secret: string;
    let okta: ReturnType<typeof oktaAdmin>;
    let con: ReturnType<typeof oktaConsole>;
    let scim: ReturnType<typeof cxoneScim>;
    const admin = () => cxoneAdminOf(f);
    // Everything a person or a log could see must be free of the stack's secret.
    const noSecret = (text: string, where: string) =>
        assert.ok(!text.includes(secret), `the access key secret appears in ${where}`);

    before(async () => {
        ({ f, groupId, okta, con, scim } = await agentsStack("scim-provisioning"));
        assert.equal((await f.stack.up()).summary.result, "succeeded");
        const o = await f.outputs();
        appId = o.appId;
        secret = o.accessKeySecret;
        assert.equal(o.connectionStatus, "pending");
        const auth = await completeConsoleSteps(f.sandbox.urls.okta, o, admin());
        assert.ok(auth.ok, auth.page);
        // The second up sees the authorization and switches the provisioning actions on.
        await f.stack.up();
        const after = await f.outputs();
        assert.equal(after.connectionStatus, "authorized");
        assert.equal(after.provisioningApplied, true);
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    it("the group's members are in CXone once the actions are on", async () => {
        const { results } = await con.sync(appId);
        for (const login of ["ana.agent@example.com", "ben.baker@example.com"]) {
            const u = await okta.user(login);
            assert.ok(
                ["created", "unchanged"].includes(resultFor(results, u.id).action),
                JSON.stringify(results),
            );
            assert.equal((await scim.byUserName(login))?.active, true, `${login} active in CXone`);
        }
        assert.equal(
            await scim.byUserName("chloe.chen@example.com"),
            undefined,
            "Chloe is not in the group yet",
        );
    });

    let chloe: OktaUser;
    it("a user added to the group is created in CXone with the mapped attributes and the Agent role", async () => {
        chloe = await okta.user("chloe.chen@example.com");
        await okta.addToGroup(groupId, chloe.id);
        const { results, view } = await con.sync(appId);
        assert.notEqual(resultFor(results, chloe.id).action, "failed", JSON.stringify(results));
        const u = await scim.byUserName("chloe.chen@example.com");
        assert.ok(u, "Chloe exists in CXone");
        assert.equal(u.userName, "chloe.chen@example.com");
        assert.deepEqual(u.name.givenName, "Chloe");
        assert.deepEqual(u.name.familyName, "Chen");
        assert.equal(u.emails.find((e) => e.primary)?.value, "chloe.chen@example.com");
        assert.equal(u.active, true);
        assert.deepEqual(
            u.roles.map((r) => r.value),
            ["Agent"],
        );
        // Okta links its user to the CXone id it got back.
        assert.equal(view.pushedUsers.find((p) => p.userId === chloe.id)?.externalId, u.id);
        // The same person seen by CXone's admin API: an employee with the Agent role.
        const [emp] = await cxoneClientOf(f).findEmployeesByEmail("chloe.chen@example.com");
        assert.equal(emp?.role, "Agent");
        assert.equal(emp?.id, u.id);
    });

    it("a name change in Okta is pushed to CXone", async () => {
        await okta.rename(chloe.id, { firstName: "Chloé", lastName: "Chen-Ng" });
        const { results } = await con.sync(appId);
        assert.notEqual(resultFor(results, chloe.id).action, "failed", JSON.stringify(results));
        const u = await scim.byUserName("chloe.chen@example.com");
        assert.equal(u?.name.givenName, "Chloé");
        assert.equal(u?.name.familyName, "Chen-Ng");
        assert.equal(u?.active, true);
    });

    it("removing the user from the group deactivates them in CXone (not deleted)", async () => {
        await okta.removeFromGroup(groupId, chloe.id);
        const { results } = await con.sync(appId);
        // The automatic run after the change may have done it already; then Okta, which forgets an
        // unassigned account once it is deactivated, has nothing left to do for her.
        const r = results.find((x) => x.userId === chloe.id);
        assert.ok(!r || r.action === "deactivated", JSON.stringify(results));
        const u = await scim.byUserName("chloe.chen@example.com");
        assert.ok(u, "still in CXone");
        assert.equal(u.active, false);
        const [emp] = await cxoneClientOf(f).findEmployeesByEmail("chloe.chen@example.com");
        assert.notEqual(emp?.status, "ACTIVE");
    });

    it("a direct assignment to the app provisions too (the demo's sample helper)", async () => {
        // Chloe is in no group now: the helper assigns her to the app directly.
        const sample = await provisionSampleUser(f.sandbox.endpoints, appId, {
            login: "chloe.chen@example.com",
        });
        assert.equal(sample.assignedVia, "direct");
        assert.equal(sample.oktaUser.id, chloe.id);
        assert.equal(sample.cxoneUser.userName, "chloe.chen@example.com");
        assert.equal(sample.cxoneUser.active, true, "reactivated by the assignment");
        assert.equal(sample.cxoneUser.name?.familyName, "Chen-Ng");
        assert.match(
            formatSample(sample),
            /CXone user chloe\.chen@example\.com .* active, role Agent/,
        );
        noSecret(formatSample(sample) + JSON.stringify(sample), "the sample");
    });

    it("with Update User Attributes off in the stack, a name change is not pushed; create and deactivate still are", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:updateUserAttributes", { value: "false" });
        await f.stack.up();
        assert.equal(
            await okta.profileUpdates(appId),
            "DISABLED",
            "the stack switched the action off in Okta",
        );
        assert.equal((await f.outputs()).provisioningApplied, true);

        const ben = await okta.user("ben.baker@example.com");
        const ana = await okta.user("ana.agent@example.com");
        await okta.rename(ben.id, { lastName: "Baker-Renamed" });
        const dana = await okta.createUser("Dana", "Diaz");
        await okta.addToGroup(groupId, dana.id);
        await okta.removeFromGroup(groupId, ana.id);
        const { results } = await con.sync(appId);
        assert.notEqual(resultFor(results, ben.id).action, "updated", JSON.stringify(results));

        assert.equal(
            (await scim.byUserName("ben.baker@example.com"))?.name.familyName,
            "Baker",
            "the rename stayed in Okta",
        );
        const d = await scim.byUserName("dana.diaz@example.com");
        assert.equal(d?.active, true, "Create Users still works");
        assert.equal(d?.name.givenName, "Dana");
        assert.equal(
            (await scim.byUserName("ana.agent@example.com"))?.active,
            false,
            "Deactivate Users still works",
        );
    });

    it("switching Update User Attributes back on pushes the pending rename", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:updateUserAttributes", { value: "true" });
        await f.stack.up();
        assert.equal(await okta.profileUpdates(appId), "ENABLED");
        await con.sync(appId);
        assert.equal(
            (await scim.byUserName("ben.baker@example.com"))?.name.familyName,
            "Baker-Renamed",
        );
    });

    it("with Create Users off, a new member is not created; updates still are", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:createUsers", { value: "false" });
        await f.stack.up();
        const finn = await okta.createUser("Finn", "Fox");
        await okta.addToGroup(groupId, finn.id);
        const ben = await okta.user("ben.baker@example.com");
        await okta.rename(ben.id, { firstName: "Benjamin" });
        const { results } = await con.sync(appId);
        assert.equal(resultFor(results, finn.id).action, "skipped", JSON.stringify(results));
        assert.equal(await scim.byUserName("finn.fox@example.com"), undefined);
        assert.equal((await scim.byUserName("ben.baker@example.com"))?.name.givenName, "Benjamin");
    });

    it("with Create Users back on and Deactivate Users off, the waiting member is created; an unassigned one stays active", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:createUsers", { value: "true" });
        await f.stack.stack.setConfig("cxone-okta-scim:deactivateUsers", { value: "false" });
        await f.stack.up();
        const dana = await okta.user("dana.diaz@example.com");
        await okta.removeFromGroup(groupId, dana.id);
        const { results } = await con.sync(appId);
        // Okta no longer manages her: nothing is sent, now or later
        assert.equal(
            results.find((x) => x.userId === dana.id),
            undefined,
            JSON.stringify(results),
        );
        assert.equal((await scim.byUserName("dana.diaz@example.com"))?.active, true);
        assert.equal(
            (await scim.byUserName("finn.fox@example.com"))?.active,
            true,
            "Create Users works again",
        );
    });

    it("with Deactivate Users back on, the member unassigned before stays active (Okta is not retroactive); a user deactivated in Okta now is deactivated", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:deactivateUsers", { value: "true" });
        await f.stack.up();
        await con.sync(appId);
        assert.equal((await scim.byUserName("dana.diaz@example.com"))?.active, true);
        // Okta's own lifecycle: deactivating the person in Okta deactivates them in CXone.
        const finn = await okta.user("finn.fox@example.com");
        await okta.deactivate(finn.id);
        await con.sync(appId);
        assert.equal((await scim.byUserName("finn.fox@example.com"))?.active, false);

        // The demo helper through the group: the one seeded person out of scope (Ana) comes back.
        const sample = await provisionSampleUser(f.sandbox.endpoints, appId, groupId);
        assert.equal(sample.assignedVia, "group");
        assert.equal(sample.oktaUser.login, "ana.agent@example.com");
        assert.ok(["reactivated", "unchanged"].includes(sample.syncAction), sample.syncAction); // Okta's automatic run may come first
        assert.equal(sample.cxoneUser.active, true);
    });

    it("a wrong client secret makes Authenticate with CXone fail visibly; the right one restores it", async () => {
        const o = await f.outputs();
        const wrong = "wrong-" + randomBytes(16).toString("hex");
        await saveScimSettings(
            f.sandbox.urls.okta,
            appId,
            consoleSettings(o, { clientSecret: wrong }),
        );
        const auth = await authenticateWithCxone(f.sandbox.urls.okta, appId, admin());
        assert.equal(auth.ok, false);
        // The callback page says so, with CXone's reason.
        assert.match(auth.page, /Authentication failed/);
        assert.match(auth.page, /invalid_client/);
        const view = await con.view(appId);
        assert.equal(view.authorized, false);
        assert.match(view.lastAuthError ?? "", /invalid_client/);
        assert.equal(await okta.connectionStatus(appId), "DISABLED");
        for (const [text, where] of [
            [auth.page, "the callback page"],
            [JSON.stringify(view), "the console view"],
        ]) {
            assert.ok(!text.includes(wrong), `the wrong secret appears in ${where}`);
            noSecret(text, where);
        }

        const again = await completeConsoleSteps(f.sandbox.urls.okta, o, admin());
        assert.ok(again.ok, again.page);
        assert.equal((await con.view(appId)).lastAuthError, null);
        assert.equal(await okta.connectionStatus(appId), "ENABLED");
    });

    it("a revoked access key makes provisioning fail visibly, and the connection test says why", async () => {
        const o = await f.outputs();
        await cxoneClientOf(f).revokeAccessKey(o.accessKeyId);

        // A change that needs CXone: Okta's tokens died with the key and the refresh is refused.
        const eve = await okta.createUser("Eve", "Evans");
        await okta.addToGroup(groupId, eve.id);
        const { results, view, raw } = await con.sync(appId);
        const r = resultFor(results, eve.id);
        assert.equal(r.action, "failed", JSON.stringify(results));
        assert.match(
            r.message ?? "",
            /Automatic provisioning of user eve\.evans@example\.com .* failed: .*HTTP 401/,
        );
        const shown = view.provisioningErrors.find((e) => e.userId === eve.id);
        assert.ok(shown, "the failure is listed in the console view");
        assert.match(shown.message, /HTTP 401/);
        assert.equal(
            await scim.byUserName("eve.evans@example.com"),
            undefined,
            "not created in CXone",
        );
        noSecret(raw, "the sync results");

        const v = await verifyConnection({
            region: sandboxRegion(f.sandbox.urls.cxone),
            accessKeyId: o.accessKeyId,
            accessKeySecret: secret,
            timeoutMs: 5000,
        });
        assert.equal(v.ok, false);
        const step = v.steps.find((s) => s.name === STEP_TOKEN);
        assert.equal(step?.ok, false);
        assert.match(
            step?.detail ?? "",
            new RegExp(`access key ${o.accessKeyId} was rejected \\(HTTP 401\\)`),
        );
        assert.match(step?.detail ?? "", /revoked/);
        const printed = formatVerifyResult(v);
        assert.match(printed, /Connection test FAILED/);
        noSecret(printed + JSON.stringify(v), "the connection test's result");
    });

    it("after the revocation, the next up does not claim the connection is authorized", async () => {
        const before = await f.outputs();
        await f.stack.up();
        const o = await f.outputs();
        // Okta still holds the revoked key's id and secret: a person must enter the new ones.
        assert.notEqual(
            o.connectionStatus,
            "authorized",
            `status ${o.connectionStatus}; key ${before.accessKeyId} -> ${o.accessKeyId}`,
        );
        assert.ok(
            (o.remainingSteps as string[]).join("\n").includes(`Client ID = ${o.accessKeyId}`),
            JSON.stringify(o.remainingSteps),
        );
    });

    it("with the new key entered and authenticated, the stack says authorized and the failed user is provisioned", async () => {
        const o = await f.outputs();
        const auth = await completeConsoleSteps(f.sandbox.urls.okta, o, admin());
        assert.ok(auth.ok, auth.page);
        await f.stack.up();
        const after = await f.outputs();
        assert.equal(after.connectionStatus, "authorized");
        assert.deepEqual(after.remainingSteps, []);
        const eve = await okta.user("eve.evans@example.com");
        const { results, view } = await con.sync(appId);
        assert.notEqual(resultFor(results, eve.id).action, "failed", JSON.stringify(results));
        assert.equal((await scim.byUserName("eve.evans@example.com"))?.active, true);
        assert.equal(
            view.provisioningErrors.filter((e) => e.userId === eve.id).length,
            0,
            "the error is cleared by the success",
        );
    });
});
