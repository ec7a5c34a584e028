// ProvisioningActions' pure half: input checks, the diff (including the wait for the connection),
// when the switches may be applied, and the live feature read back as inputs.
import { strict as assert } from "assert";
import * as fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { toCapabilities } from "../../provider/okta/capabilities";
import {
    actionsFromLive,
    canApply,
    checkProvisioningActions,
    diffProvisioningActions,
    ProvisioningActionsOutputs,
    ProvisioningActionsState,
    provisioningActionsId,
    sameSwitches,
    SWITCH_NAMES,
    waitingOutputs,
} from "../../provider/okta/provisioningActionsLogic";

const U = pulumi.runtime.unknownValue;
const state: ProvisioningActionsState = {
    orgUrl: "https://dev-1.okta.com",
    appId: "0oa1",
    connectionStatus: "authorized",
    createUsers: true,
    updateUserAttributes: true,
    deactivateUsers: true,
};
const applied: ProvisioningActionsOutputs = { ...state, applied: true, featureStatus: "ENABLED" };

describe("ProvisioningActions check(): each input named, with the reason", () => {
    const failures = (news: Record<string, unknown>) => checkProvisioningActions(news).failures;

    it("defaults every switch on; set switches win", () => {
        const r = checkProvisioningActions({
            orgUrl: state.orgUrl,
            appId: "0oa1",
            connectionStatus: "pending",
        });
        assert.deepEqual(r, {
            inputs: { ...state, connectionStatus: "pending" },
            failures: [],
        });
        const off = checkProvisioningActions({ ...state, deactivateUsers: false }).inputs;
        assert.equal(off.deactivateUsers, false);
    });

    it("names each switch that is not true or false", () => {
        assert.deepEqual(SWITCH_NAMES, ["createUsers", "updateUserAttributes", "deactivateUsers"]);
        for (const k of SWITCH_NAMES) {
            assert.deepEqual(failures({ ...state, [k]: "on" }), [
                { property: k, reason: `${k} must be true or false` },
            ]);
        }
    });

    it("orgUrl and appId are required; connectionStatus must be the connection's status", () => {
        assert.deepEqual(failures({ ...state, orgUrl: "nope", appId: "", connectionStatus: 3 }), [
            { property: "orgUrl", reason: 'orgUrl must be an absolute http(s) URL (got "nope")' },
            { property: "appId", reason: "appId is required and must not be empty" },
            {
                property: "connectionStatus",
                reason: "connectionStatus must be the ScimConnection's status",
            },
        ]);
        assert.deepEqual(failures({ ...state, appId: "x".repeat(1001) }), [
            { property: "appId", reason: "appId must be at most 1000 characters (got 1001)" },
        ]);
        assert.deepEqual(failures({ ...state, appId: "x".repeat(1000) }), []);
    });

    it("unknown values (preview) pass", () => {
        const all = Object.fromEntries(Object.keys(state).map((k) => [k, U]));
        assert.deepEqual(failures(all), []);
    });
});

describe("ProvisioningActions diff()", () => {
    it("nothing changed and applied: no update", () => {
        assert.deepEqual(diffProvisioningActions(applied, state), { changes: false, replaces: [] });
    });
    for (const k of ["appId", "orgUrl"] as const) {
        it(`another ${k} replaces`, () => {
            assert.deepEqual(diffProvisioningActions(applied, { ...state, [k]: "https://x" }), {
                changes: true,
                replaces: ["appId"],
            });
        });
    }
    for (const k of SWITCH_NAMES) {
        it(`${k} switched updates in place`, () => {
            assert.deepEqual(diffProvisioningActions(applied, { ...state, [k]: false }), {
                changes: true,
                replaces: [],
            });
        });
    }
    it("a changed connection status updates in place", () => {
        const olds = { ...applied, connectionStatus: "pending", applied: false };
        assert.deepEqual(
            diffProvisioningActions(olds, { ...state, connectionStatus: "disabled" }),
            {
                changes: true,
                replaces: [],
            },
        );
    });
    it("waiting switches are applied on the first up that sees the connection authorized", () => {
        const waiting = { ...state, applied: false };
        assert.equal(diffProvisioningActions(waiting, state).changes, true);
        const stillPending = { ...state, connectionStatus: "pending" };
        assert.equal(
            diffProvisioningActions({ ...stillPending, applied: false }, stillPending).changes,
            false,
        );
    });
});

describe("ProvisioningActions state", () => {
    it("the id is the app's USER_PROVISIONING feature", () => {
        assert.equal(provisioningActionsId(state), "0oa1/USER_PROVISIONING");
    });

    it("the switches apply only once the connection is authorized (not while unknown)", () => {
        assert.equal(canApply(state), true);
        for (const s of ["pending", "disabled", "key-revoked", "rotating", U]) {
            assert.equal(canApply({ ...state, connectionStatus: s }), false, s);
        }
    });

    it("while waiting: nothing applied, no feature status", () => {
        assert.deepEqual(waitingOutputs({ ...state, connectionStatus: "pending" }), {
            ...state,
            connectionStatus: "pending",
            applied: false,
        });
    });

    it("sameSwitches compares the three switches only (property)", () => {
        fc.assert(
            fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.string(), (c, u, d, st) => {
                const other = { createUsers: c, updateUserAttributes: u, deactivateUsers: d };
                const expected = c && u && d;
                assert.equal(sameSwitches(state, { ...other, connectionStatus: st }), expected);
            }),
        );
    });

    it("the live feature becomes the inputs; the rest is carried over", () => {
        const live = {
            status: "DISABLED",
            capabilities: toCapabilities({
                createUsers: false,
                updateUserAttributes: true,
                deactivateUsers: false,
            }),
        };
        const inputs = { ...state, createUsers: false, deactivateUsers: false };
        assert.deepEqual(actionsFromLive(state, live), {
            inputs,
            props: { ...inputs, applied: true, featureStatus: "DISABLED" },
        });
        const none = actionsFromLive(state, { status: "ENABLED" });
        assert.deepEqual(
            [
                none.inputs.createUsers,
                none.inputs.updateUserAttributes,
                none.inputs.deactivateUsers,
            ],
            [false, false, false],
        );
    });
});
