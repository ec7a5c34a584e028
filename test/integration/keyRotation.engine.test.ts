// A key rotation with Okta provisioning all along. The root program runs on the real
// engine (integrationFixture); Okta's provisioning engine in the sandbox pushes users before,
// during and after the rotation, the scripted operator enters the new key in Okta's console
// mid-way, and not one push fails. Then a scheduled rotation (rotateAfterDays) with the key made
// old by editing the sandbox's state in-process (a test-only shortcut, no product API).
// The tests run in order: each builds on the state the previous one left.
import { strict as assert } from "assert";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import {
    authenticateWithCxone,
    completeConsoleSteps,
    consoleSettings,
    saveScimSettings,
} from "../../sandbox/operator";
import {
    agentsStack,
    cxoneAdminOf,
    cxoneClientOf,
    type AgentsStack,
} from "../support/integrationAgents";
import type { IntegrationFixture } from "../support/integrationStack";
import type { SyncResult } from "../support/scimWorld";

const DAY_MS = 86_400_000;

describe("key rotation with provisioning throughout (real engine, sandbox)", function () {
    this.timeout(300_000);
    let f: IntegrationFixture;
    let appId: string;
    /** the Agents group and both vendors' views */
    let agents: AgentsStack;
    const pushes: SyncResult[] = [];
    const admin = () => cxoneAdminOf(f);

    /** A new member of the group, pushed by Okta now; every push so far must have succeeded. */
    async function provisionSomeone(first: string, last: string): Promise<void> {
        const u = await agents.okta.createUser(first, last);
        await agents.okta.addToGroup(agents.groupId, u.id);
        const { results, view } = await agents.con.sync(appId);
        pushes.push(...results);
        const failed = pushes.filter((r) => r.action === "failed");
        assert.deepEqual(failed, [], "no provisioning push fails");
        assert.deepEqual(view.provisioningErrors, [], "Okta lists no provisioning error");
        const login = `${first}.${last}@example.com`.toLowerCase();
        assert.equal((await agents.scim.byUserName(login))?.active, true, `${login} is in CXone`);
    }

    /** A preview (refresh always on): what it plans per resource type, its log, and the status the refresh read. */
    async function preview(diff = false) {
        const ops: Record<string, string> = {};
        const refreshed: Record<string, Record<string, unknown>> = {};
        const pv = await f.stack.preview({
            diff,
            onEvent: (e: EngineEvent) => {
                // what the refresh read (outputs event), and what is planned (pre event)
                const done = e.resOutputsEvent?.metadata;
                const doneType = done?.type.match(/:(\w+)$/)?.[1];
                if (done?.op === "refresh" && doneType)
                    refreshed[doneType] = done.new?.outputs ?? {};
                const m = e.resourcePreEvent?.metadata;
                const type = m?.type.match(/:(\w+)$/)?.[1];
                if (m && type && !["same", "read", "refresh"].includes(m.op)) ops[type] = m.op;
            },
        });
        const refreshedStatus = refreshed.ScimConnection?.status as string | undefined;
        return { ops, stdout: pv.stdout, refreshedStatus, refreshedKey: refreshed.AccessKey ?? {} };
    }

    before(async () => {
        agents = await agentsStack("scim-rotation");
        f = agents.f;
        await f.stack.up();
        const o = await f.outputs();
        appId = o.appId;
        const auth = await completeConsoleSteps(f.sandbox.urls.okta, o, admin());
        assert.ok(auth.ok, auth.page);
        await f.stack.up();
        assert.equal((await f.outputs()).connectionStatus, "authorized");
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    let oldKey: string;
    let newKey: string;
    it("before: Okta provisions with the first key", async () => {
        oldKey = (await f.outputs()).accessKeyId;
        await provisionSomeone("Rita", "Before");
    });

    it("the rotating up creates a new key, keeps the old one active, and says what to do in Okta", async () => {
        await f.stack.stack.setConfig("cxone:accessKeyRotation", { value: "2026-q4" });
        await f.stack.up();
        const o = await f.outputs();
        newKey = o.accessKeyId;
        assert.notEqual(newKey, oldKey);
        assert.equal(o.connectionStatus, "rotating");
        assert.equal(o.provisioningApplied, true, "the provisioning actions stay on");
        assert.equal(
            (await cxoneClientOf(f).getAccessKey(oldKey))?.isActive,
            true,
            "the old key still works",
        );
        assert.equal((await cxoneClientOf(f).getAccessKey(newKey))?.isActive, true);
        const steps = (o.remainingSteps as string[]).join("\n");
        assert.ok(
            steps.includes(
                `Client ID = ${newKey}; Client secret = the value of \`pulumi stack output accessKeySecret --show-secrets\``,
            ),
            steps,
        );
        assert.ok(steps.includes(`revokes the old key ${oldKey}`), steps);
        assert.ok(!steps.includes(o.accessKeySecret), "the secret appears in the steps");
    });

    it("during: Okta still holds the old key and keeps provisioning; a preview plans nothing and reports rotating", async () => {
        await provisionSomeone("Sam", "During");
        const pv = await preview();
        assert.deepEqual(pv.ops, {}, pv.stdout);
        assert.equal(pv.refreshedStatus, "rotating");
        assert.match(pv.stdout, /SCIM connection rotating/);
    });

    it("mid-way the person saves the new key in Okta and authenticates; pushes go on", async () => {
        const o = await f.outputs();
        await saveScimSettings(f.sandbox.urls.okta, appId, consoleSettings(o));
        const { results } = await agents.con.sync(appId);
        pushes.push(...results);
        const auth = await authenticateWithCxone(f.sandbox.urls.okta, appId, admin());
        assert.ok(auth.ok, auth.page);
        await provisionSomeone("Tom", "Switched");
    });

    it("a preview now shows the old key's revocation coming; the next up revokes it", async () => {
        const pv = await preview();
        assert.equal(pv.ops.AccessKey, "update", JSON.stringify(pv.ops));
        assert.equal(pv.refreshedStatus, "rotating");
        await f.stack.up();
        const o = await f.outputs();
        assert.equal(o.accessKeyId, newKey);
        assert.equal(o.connectionStatus, "authorized");
        assert.deepEqual(o.remainingSteps, []);
        assert.equal(
            await cxoneClientOf(f).getAccessKey(oldKey),
            undefined,
            "the old key is revoked",
        );
    });

    it("after: Okta provisions with the new key; no push failed at any point", async () => {
        await provisionSomeone("Uma", "After");
        assert.ok(pushes.length >= 4, JSON.stringify(pushes));
        const pv = await preview();
        assert.deepEqual(pv.ops, {}, pv.stdout);
        assert.equal(pv.refreshedStatus, "authorized");
    });

    it("scheduled: with rotateAfterDays, a key older than that makes preview say the rotation is due; up starts it", async () => {
        await f.stack.stack.setConfig("cxone-okta-scim:rotateAfterDays", { value: "30" });
        await f.stack.up();
        let o = await f.outputs();
        assert.equal(o.accessKeyAgeDays, 0);
        const due = Date.parse(o.nextKeyRotationDate as string);
        assert.ok(
            Math.abs(due - (Date.now() + 30 * DAY_MS)) < 600_000,
            String(o.nextKeyRotationDate),
        );

        // Test-only shortcut: the key was created 40 days ago (the sandbox's state, in-process).
        const state = f.sandbox.context.state.cxone.accessKeys[newKey];
        state.createdDate = new Date(Date.now() - 40 * DAY_MS).toISOString();
        f.sandbox.context.save();

        // The refresh the preview starts with reads the key's age: the rotation is due, so the key
        // is to be updated (the new key's values are unknown until the up creates it).
        const pv = await preview(true);
        assert.equal(pv.ops.AccessKey, "update", JSON.stringify(pv.ops));
        assert.equal(pv.refreshedKey.rotationDue, true);
        assert.equal(pv.refreshedKey.keyAgeDays, 40);
        assert.ok(Date.parse(pv.refreshedKey.nextRotationDate as string) < Date.now());
        assert.match(pv.stdout, /rotationDue\s*:\s*false\s*=>\s*true/, pv.stdout);
        await f.stack.up();
        o = await f.outputs();
        assert.notEqual(o.accessKeyId, newKey, "a new key");
        assert.equal(o.connectionStatus, "rotating");
        assert.equal(o.accessKeyAgeDays, 0);
        assert.equal(
            (await cxoneClientOf(f).getAccessKey(newKey))?.isActive,
            true,
            "the key Okta holds still works",
        );
        await provisionSomeone("Vic", "Scheduled");

        const auth = await completeConsoleSteps(f.sandbox.urls.okta, o, admin());
        assert.ok(auth.ok, auth.page);
        await f.stack.up();
        assert.equal((await f.outputs()).connectionStatus, "authorized");
        assert.equal(
            await cxoneClientOf(f).getAccessKey(newKey),
            undefined,
            "the previous key is revoked",
        );
        await provisionSomeone("Wes", "Later");
    });
});
