// The ProvisioningActions provider's every method called directly against the sandbox over real
// HTTP: no call while the SCIM connection waits, the exact "To App" switches Okta holds once it is
// authorized, drift seen by read(), the rotation that keeps what was applied, and a delete that
// makes no call. Each test makes its own app, key and console steps.
import { strict as assert } from "assert";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import actions from "../../provider/okta/provisioningActionsProvider";
import type {
    ProvisioningActionsOutputs,
    ProvisioningActionsState,
} from "../../provider/okta/provisioningActionsLogic";
import { connectionForSuite } from "../support/connectionFixture";
import { uniqueLabel } from "../support/sandbox";

describe("ProvisioningActions provider against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const c = connectionForSuite();
    beforeEach(() => forgetKeyReads());

    /** An app; with `authorized`, the person's console steps done with a new key. */
    async function newApp(authorized: boolean): Promise<string> {
        const appId = await c.newApp(uniqueLabel("Actions"));
        if (authorized) await c.consoleSteps(appId, await c.newKey());
        return appId;
    }
    const state = (
        appId: string,
        connectionStatus: string,
        switches: Partial<ProvisioningActionsState> = {},
    ): ProvisioningActionsState => ({
        orgUrl: c.orgUrl,
        appId,
        connectionStatus,
        createUsers: true,
        updateUserAttributes: false,
        deactivateUsers: true,
        ...switches,
    });
    /** The three switches as Okta's feature shows them. */
    async function liveSwitches(appId: string) {
        const r = await c.okta("GET", `/api/v1/apps/${appId}/features/USER_PROVISIONING`);
        assert.equal(r.status, 200, JSON.stringify(r.data));
        const caps = r.data.capabilities;
        return {
            status: r.data.status,
            create: caps.create.lifecycleCreate.status,
            profile: caps.update.profile.status,
            deactivate: caps.update.lifecycleDeactivate.status,
        };
    }
    /** The one call was the feature's PUT, and Okta now holds these "To App" switches. */
    async function putOnce(appId: string, create: string, profile: string, deactivate: string) {
        assert.deepEqual(oktaCalls(), [
            `okta PUT /api/v1/apps/${appId}/features/USER_PROVISIONING`,
        ]);
        assert.deepEqual(await liveSwitches(appId), {
            status: "ENABLED",
            create,
            profile,
            deactivate,
        });
    }
    const oktaCalls = () => c.calls().filter((x) => x.startsWith("okta "));

    it("check applies the switches' defaults (all on) and names a missing connection status", async () => {
        const r = await actions.check(
            {},
            { orgUrl: c.orgUrl, appId: "0oa1", connectionStatus: "pending" },
        );
        assert.deepEqual(r, {
            inputs: {
                orgUrl: c.orgUrl,
                appId: "0oa1",
                connectionStatus: "pending",
                createUsers: true,
                updateUserAttributes: true,
                deactivateUsers: true,
            },
            failures: [],
        });
        const bad = await actions.check({}, { orgUrl: c.orgUrl, appId: "0oa1" });
        assert.deepEqual(
            bad.failures.map((x) => x.property),
            ["connectionStatus"],
        );
    });

    it("diff: a switch changes in place, another app replaces", async () => {
        const s = state("0oa1", "authorized");
        const olds = { ...s, applied: true };
        assert.deepEqual(await actions.diff("x", olds, s), { changes: false, replaces: [] });
        assert.deepEqual(await actions.diff("x", olds, { ...s, createUsers: false }), {
            changes: true,
            replaces: [],
        });
        assert.deepEqual(await actions.diff("x", olds, { ...s, appId: "0oa2" }), {
            changes: true,
            replaces: ["appId"],
        });
    });

    it("create while the connection is pending records that it waits and makes no call", async () => {
        const appId = await newApp(false);
        c.f.sandbox.clearRequests();
        const s = state(appId, "pending");
        assert.deepEqual(await actions.create(s), {
            id: `${appId}/USER_PROVISIONING`,
            outs: { ...s, applied: false },
        });
        assert.deepEqual(oktaCalls(), []);
    });

    it("create once authorized switches exactly the declared actions on (one PUT)", async () => {
        const appId = await newApp(true);
        c.f.sandbox.clearRequests();
        const s = state(appId, "authorized");
        const r = await actions.create(s);
        assert.deepEqual(r, {
            id: `${appId}/USER_PROVISIONING`,
            outs: { ...s, applied: true, featureStatus: "ENABLED" },
        });
        await putOnce(appId, "ENABLED", "DISABLED", "ENABLED");
    });

    it("read before anything was applied returns the stored state and makes no call", async () => {
        const appId = await newApp(false);
        const made = await actions.create(state(appId, "pending"));
        c.f.sandbox.clearRequests();
        assert.deepEqual(await actions.read(made.id, made.outs), {
            id: made.id,
            props: made.outs,
            inputs: state(appId, "pending"),
        });
        assert.deepEqual(oktaCalls(), []);
    });

    it("read after apply shows switches changed out of band, as outputs and inputs", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        const put = await c.okta("PUT", `/api/v1/apps/${appId}/features/USER_PROVISIONING`, {
            create: { lifecycleCreate: { status: "DISABLED" } },
            update: { profile: { status: "ENABLED" }, lifecycleDeactivate: { status: "DISABLED" } },
        });
        assert.equal(put.status, 200, JSON.stringify(put.data));
        const want = state(appId, "authorized", {
            createUsers: false,
            updateUserAttributes: true,
            deactivateUsers: false,
        });
        assert.deepEqual(await actions.read(made.id, made.outs), {
            id: made.id,
            props: { ...want, applied: true, featureStatus: "ENABLED" },
            inputs: want,
        });
    });

    it("read after apply of an app Okta no longer has: gone (empty id)", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        await c.okta("POST", `/api/v1/apps/${appId}/lifecycle/deactivate`);
        assert.equal((await c.okta("DELETE", `/api/v1/apps/${appId}`)).status, 204);
        assert.deepEqual(await actions.read(made.id, made.outs), { id: "" });
    });

    it("read without stored properties asks for a refresh", async () => {
        await assert.rejects(actions.read("0oa1/USER_PROVISIONING"), {
            message:
                "no stored properties for provisioning actions 0oa1/USER_PROVISIONING: run `pulumi refresh`",
        });
    });

    it("update once authorized applies the new switches", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "pending"));
        assert.equal(made.outs.applied, false);
        const s = state(appId, "authorized", { createUsers: false, deactivateUsers: false });
        c.f.sandbox.clearRequests();
        const r = await actions.update(made.id, made.outs, s);
        assert.deepEqual(r, { outs: { ...s, applied: true, featureStatus: "ENABLED" } });
        await putOnce(appId, "DISABLED", "DISABLED", "DISABLED");
    });

    it("update during a key rotation keeps what was applied, with no call", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        c.f.sandbox.clearRequests();
        const s = state(appId, "rotating");
        const r = await actions.update(made.id, made.outs, s);
        assert.deepEqual(r, { outs: { ...s, applied: true, featureStatus: "ENABLED" } });
        assert.deepEqual(oktaCalls(), []);
    });

    it("update during a key rotation with other switches never claims what Okta does not hold", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        const s = state(appId, "rotating", { updateUserAttributes: true });
        const r = await actions.update(made.id, made.outs, s);
        const live = await liveSwitches(appId);
        const holds = {
            createUsers: live.create === "ENABLED",
            updateUserAttributes: live.profile === "ENABLED",
            deactivateUsers: live.deactivate === "ENABLED",
        };
        const declared = {
            createUsers: s.createUsers,
            updateUserAttributes: s.updateUserAttributes,
            deactivateUsers: s.deactivateUsers,
        };
        if (r.outs.applied) assert.deepEqual(holds, declared);
        else assert.notDeepEqual(holds, declared);
    });

    it("update during a rotation of switches never applied: still waiting, no call", async () => {
        const appId = await newApp(false);
        const made = await actions.create(state(appId, "pending"));
        c.f.sandbox.clearRequests();
        const s = state(appId, "rotating");
        assert.deepEqual(await actions.update(made.id, made.outs, s), {
            outs: { ...s, applied: false },
        });
        assert.deepEqual(oktaCalls(), []);
    });

    it("update of the switches back to waiting (connection pending again): no call", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        c.f.sandbox.clearRequests();
        const s = state(appId, "pending");
        const r = await actions.update(made.id, made.outs as ProvisioningActionsOutputs, s);
        assert.deepEqual(r, { outs: { ...s, applied: false } });
        assert.deepEqual(oktaCalls(), []);
    });

    it("delete makes no call: the switches stay until the app goes", async () => {
        const appId = await newApp(true);
        const made = await actions.create(state(appId, "authorized"));
        c.f.sandbox.clearRequests();
        await actions.delete(made.id, made.outs);
        assert.deepEqual(oktaCalls(), []);
        assert.equal((await liveSwitches(appId)).create, "ENABLED");
    });
});
